/**
 * Commands: insert template / section / all missing sections, mark a section not applicable, next/previous open
 * slot, check the workspace, refresh, reveal.
 */
import * as vscode from 'vscode';
import {
  adjacentSlot,
  type Analysis,
  DOCUMENT_EXCLUDE_GLOB,
  DOCUMENT_GLOB,
  insertMissingSectionsEdits,
  insertSectionEdit,
  isDocumentCandidate,
  sectionFindings,
  sectionNotApplicableEdits,
  type Template,
  type TextEdit,
} from '../core';
import { workspaceEdit } from './codeActions';
import { toVsRange } from './convert';
import { toDiagnostic } from './diagnostics';
import { inTurns } from './inTurns';
import type { DocumentModel } from './model';
import type { TemplateRegistry } from './templates';
import type { SectionsTreeProvider, TreeNode } from './tree';

interface Services {
  model: DocumentModel;
  templates: TemplateRegistry;
  tree: SectionsTreeProvider;
  diagnostics: vscode.DiagnosticCollection;
}

export function registerCommands(services: Services): vscode.Disposable {
  const { model, templates, tree, diagnostics } = services;
  return vscode.Disposable.from(
    // From the editor title or context menu the argument is the file's Uri, not a template id.
    vscode.commands.registerCommand('archdoc.insertTemplate', (templateId?: unknown) => insertTemplate(templates, typeof templateId === 'string' ? templateId : undefined)),
    vscode.commands.registerCommand('archdoc.insertSection', (target?: TreeNode | { uri: string; templateSectionId: string }) => insertSection(model, templates, tree, target)),
    vscode.commands.registerCommand('archdoc.insertAllMissingSections', () =>
      editShownDocument(tree, templates, (analysis, template, text) => (template ? insertMissingSectionsEdits(analysis.findings, template, text) : [])),
    ),
    vscode.commands.registerCommand('archdoc.markSectionNotApplicable', (node?: TreeNode) =>
      editShownDocument(tree, templates, (analysis, template, text) => {
        const section = node?.kind === 'section' && !node.section.missing ? node.section : undefined;
        return section ? sectionNotApplicableEdits(sectionFindings(analysis, section), template, text) : [];
      }),
    ),
    vscode.commands.registerCommand('archdoc.nextSlot', () => goToSlot(model, 1)),
    vscode.commands.registerCommand('archdoc.previousSlot', () => goToSlot(model, -1)),
    vscode.commands.registerCommand('archdoc.checkWorkspace', () => checkWorkspace(model, diagnostics)),
    vscode.commands.registerCommand('archdoc.refresh', async () => {
      await templates.reload();
      model.refreshAll();
      tree.refresh();
    }),
    vscode.commands.registerCommand('archdoc.revealRange', async (uri: vscode.Uri, range: vscode.Range) => {
      const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
}

async function pickTemplate(templates: TemplateRegistry, templateId?: string): Promise<Template | undefined> {
  if (templateId) {
    const template = templates.find(templateId);
    if (!template) void vscode.window.showErrorMessage(vscode.l10n.t('Unknown architecture template "{0}".', templateId));
    return template;
  }
  if (templates.all.length === 1) return templates.all[0];
  const picked = await vscode.window.showQuickPick(
    templates.all.map((template) => ({ label: template.title, description: template.id, template })),
    { placeHolder: vscode.l10n.t('Choose an architecture template') },
  );
  return picked?.template;
}

/** Into the active Markdown editor when it holds nothing but whitespace (kept; one undo removes the template); otherwise into a new untitled document. */
async function insertTemplate(templates: TemplateRegistry, templateId?: string): Promise<void> {
  const template = await pickTemplate(templates, templateId);
  if (!template) return;
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'markdown' && editor.document.getText().trim().length === 0) {
    if (await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), template.source))) {
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      return;
    }
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: template.source });
  await vscode.window.showTextDocument(document);
}

async function insertSection(model: DocumentModel, templates: TemplateRegistry, tree: SectionsTreeProvider, target?: TreeNode | { uri: string; templateSectionId: string }): Promise<void> {
  let document = tree.current?.document;
  let sectionId: string | undefined;
  if (target && 'kind' in target && target.kind === 'section') sectionId = target.section.templateSectionId;
  else if (target && 'uri' in target) {
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    sectionId = target.templateSectionId;
  }
  const analysis = model.architectureAnalysisOf(document);
  const template = analysis?.templateId ? templates.find(analysis.templateId) : undefined;
  const finding = analysis?.findings.find((f) => f.data?.kind === 'missing-section' && f.data.templateSectionId === sectionId);
  const edit = finding && template && document ? insertSectionEdit(finding, template, document.getText()) : undefined;
  if (!document || !edit) return;
  await vscode.workspace.applyEdit(workspaceEdit(document.uri, [edit]));
  const editor = await vscode.window.showTextDocument(document);
  // The new heading: a blank line after the (1-based) insertion line, so 0-based it is that line + 1.
  const heading = new vscode.Position(edit.range.line + 1, 0);
  editor.selection = new vscode.Selection(heading, heading);
  editor.revealRange(new vscode.Range(heading, heading));
}

/** Applies edits computed from the document the tree shows, as one undo step. */
async function editShownDocument(tree: SectionsTreeProvider, templates: TemplateRegistry, compute: (analysis: Analysis, template: Template | undefined, text: string) => TextEdit[]): Promise<void> {
  const current = tree.current;
  if (!current) return;
  const { document, analysis } = current;
  const template = analysis.templateId ? templates.find(analysis.templateId) : undefined;
  const edits = compute(analysis, template, document.getText());
  if (edits.length > 0) await vscode.workspace.applyEdit(workspaceEdit(document.uri, edits));
}

/** Selects where the next (previous) open slot's value goes. */
function goToSlot(model: DocumentModel, direction: 1 | -1): void {
  const editor = vscode.window.activeTextEditor;
  const analysis = model.architectureAnalysisOf(editor?.document);
  if (!editor || !analysis) return;
  // From the start of the selection: a slot's own selected value counts as being at that slot.
  const cursor = editor.selection.start;
  const target = adjacentSlot(analysis, editor.document.getText(), { line: cursor.line + 1, column: cursor.character + 1 }, direction);
  if (!target) return;
  const range = toVsRange(target);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** What the workspace check found, by workspace-relative path (tests compare it with `archdoc check`). */
export interface WorkspaceCheck {
  checked: number;
  findings: number;
  documents: Array<{ path: string; findings: number }>;
  skipped: string[];
}

/** The files the command line would check in each workspace folder, found by the same policy. */
export async function documentCandidates(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  // files.exclude does not apply (an exclude is given), as it does not for the command line.
  const found = await vscode.workspace.findFiles(DOCUMENT_GLOB, DOCUMENT_EXCLUDE_GLOB, 10000, token);
  // The globs narrow the search; the policy decides, on the path inside its workspace folder.
  return found.filter((uri) => isDocumentCandidate(vscode.workspace.asRelativePath(uri, false))).sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
}

/** A file of a workspace folder that the workspace check would read. */
export function isWorkspaceDocument(uri: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined && isDocumentCandidate(vscode.workspace.asRelativePath(uri, false));
}

/** Every Markdown file of the workspace, read without opening editors; cancellable; results in the Problems panel. */
async function checkWorkspace(model: DocumentModel, diagnostics: vscode.DiagnosticCollection): Promise<WorkspaceCheck> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking architecture documents'), cancellable: true },
    async (progress, token) => {
      const files = await documentCandidates(token);
      const result: WorkspaceCheck = { checked: 0, findings: 0, documents: [], skipped: [] };
      const check = async (uri: vscode.Uri) => {
        const path = vscode.workspace.asRelativePath(uri);
        const analysis = await model.analysisOfUri(uri);
        if (analysis?.templateId) {
          result.checked++;
          result.findings += analysis.findings.length;
          result.documents.push({ path, findings: analysis.findings.length });
          diagnostics.set(uri, analysis.findings.map(toDiagnostic));
        } else {
          result.skipped.push(path);
          diagnostics.delete(uri);
        }
      };
      progress.report({ message: vscode.l10n.t('{0}/{1} documents', 0, files.length) });
      await inTurns(files, check, {
        progress: (done, total) => progress.report({ message: vscode.l10n.t('{0}/{1} documents', done, total), increment: 100 / total }),
        isCancelled: () => token.isCancellationRequested,
      });
      void vscode.window.showInformationMessage(vscode.l10n.t('archdoc: {0} architecture documents checked, {1} findings.', result.checked, result.findings));
      return result;
    },
  );
}
