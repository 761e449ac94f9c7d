/**
 * Language-model tools for agent mode and chat (`#archdocCheck`, `#archdocOutline`, `#archdocTemplateSection`):
 * the open slots, the completeness tree and a template section, answered from the analysis the editor already has
 * for an open document (unsaved edits included, never parsed a second time), else from the file on disk.
 */
import * as vscode from 'vscode';
import { type Analysis, checkedFileReport, findTemplateSection, outlineReport, templateSectionReport } from '../core';
import type { DocumentModel } from './model';
import type { TemplateRegistry } from './templates';

interface DocumentInput {
  /** A workspace-relative or absolute path, or the URI of an open document; the active editor's document when absent. */
  path?: string;
}

interface TemplateSectionInput extends DocumentInput {
  section: string;
  template?: string;
}

export function registerLanguageModelTools(model: DocumentModel, templates: TemplateRegistry): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.lm.registerTool<DocumentInput>('archdoc_check', {
      invoke: async ({ input }) => {
        const { name, analysis, notDocument } = await documentAnalysis(model, input.path);
        // A Markdown file that is not an architecture document: no file in the answer, as from `archdoc check`.
        return result({ files: analysis.templateId ? [checkedFileReport(name, analysis)] : [] }, ...(analysis.templateId ? [] : [notDocument]));
      },
    }),
    vscode.lm.registerTool<DocumentInput>('archdoc_outline', {
      invoke: async ({ input }) => {
        const { name, analysis, notDocument } = await documentAnalysis(model, input.path);
        if (!analysis.templateId) throw new Error(notDocument);
        return result(outlineReport(name, { ...analysis, templateId: analysis.templateId }));
      },
    }),
    vscode.lm.registerTool<TemplateSectionInput>('archdoc_templateSection', {
      invoke: async ({ input }) => {
        // The template named, else the given or active document's, else the default (first) one.
        const fromDocument = input.path !== undefined || vscode.window.activeTextEditor ? (await documentAnalysis(model, input.path)).analysis.templateId : undefined;
        const id = input.template ?? fromDocument;
        const template = id === undefined ? templates.all[0] : templates.find(id);
        if (!template) throw new Error(`Unknown template "${id}"; templates: ${templates.all.map((known) => known.id).join(', ')}`);
        const section = findTemplateSection(template, input.section ?? '');
        if (!section) throw new Error(`Template ${template.id} has no section "${input.section}".`);
        return result(templateSectionReport(template, section));
      },
    }),
  );
}

function result(data: object, ...notes: string[]): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([JSON.stringify(data), ...notes].map((text) => new vscode.LanguageModelTextPart(text)));
}

/** The document's analysis: the open document's current version from the model, else the file read from disk. */
async function documentAnalysis(model: DocumentModel, path: string | undefined): Promise<{ name: string; analysis: Analysis; notDocument: string }> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  // An absolute path, or one relative to the (first) workspace folder.
  const uri = path === undefined ? vscode.window.activeTextEditor?.document.uri : folder && !/^(?:\/|[a-z]:[\\/])/iu.test(path) ? vscode.Uri.joinPath(folder, path) : vscode.Uri.file(path);
  if (!uri) throw new Error('No document is open: give a path.');
  const name = vscode.workspace.asRelativePath(uri, false);
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (!open && !vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`${path} is not in the workspace.`);
  // A closed file that cannot be read has no analysis.
  const analysis = await model.analysisOfUri(uri);
  if (!analysis) throw new Error(`${name}: no such file, or not readable.`);
  return { name, analysis, notDocument: `${name} is not an architecture document${analysis.skippedReason ? ` (${analysis.skippedReason})` : ''}.` };
}
