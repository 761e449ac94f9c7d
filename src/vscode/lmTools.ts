/**
 * Language-model tools for agent mode and chat (`#archdocCheck`, `#archdocOutline`, `#archdocTemplateSection`):
 * the open slots, the completeness tree and a template section, answered from the analysis the editor already has
 * for an open document (unsaved edits included, never parsed a second time), else from the file on disk.
 */
import * as vscode from 'vscode';
import { type Analysis, checkedFileReport, findTemplateSection, outlineReport, sectionNames, type Template, templateSectionReport } from '../core';
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
        const { name, analysis } = await documentAnalysis(model, input.path);
        const report = { files: analysis?.templateId ? [checkedFileReport(name, analysis)] : [] };
        const note = analysis?.templateId ? [] : [`${name} is not an architecture document${analysis?.skippedReason ? ` (${analysis.skippedReason})` : ''}.`];
        return result(JSON.stringify(report), ...note);
      },
    }),
    vscode.lm.registerTool<DocumentInput>('archdoc_outline', {
      invoke: async ({ input }) => {
        const { name, analysis } = await documentAnalysis(model, input.path);
        if (!analysis?.templateId) throw new Error(`${name} is not an architecture document${analysis?.skippedReason ? ` (${analysis.skippedReason})` : ''}.`);
        return result(JSON.stringify(outlineReport(name, { ...analysis, templateId: analysis.templateId })));
      },
    }),
    vscode.lm.registerTool<TemplateSectionInput>('archdoc_templateSection', {
      invoke: async ({ input }) => {
        const template = await templateFor(model, templates, input);
        const section = findTemplateSection(template, input.section ?? '');
        if (!section) throw new Error(`Template ${template.id} has no section "${input.section}"; its sections: ${sectionNames(template).join('; ')}`);
        return result(JSON.stringify(templateSectionReport(template, section)));
      },
    }),
  );
}

function result(...texts: string[]): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult(texts.map((text) => new vscode.LanguageModelTextPart(text)));
}

/** The document's analysis: the open document's current version from the model, else the file read from disk. */
async function documentAnalysis(model: DocumentModel, path: string | undefined): Promise<{ name: string; analysis: Analysis | undefined }> {
  const uri = path === undefined ? vscode.window.activeTextEditor?.document.uri : resolvePath(path);
  if (!uri) throw new Error('No document is open in the editor: give the path of an architecture document in the workspace.');
  const name = vscode.workspace.asRelativePath(uri, false);
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return { name, analysis: model.analysisOf(open) };
  if (!vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`${path} is neither open nor in the workspace.`);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    throw new Error(`${name}: no such file in the workspace.`);
  }
  return { name, analysis: await model.analysisOfUri(uri) };
}

/** A URI (`untitled:…`, `file:///…`), an absolute path, or a path relative to a workspace folder (the first holding it). */
function resolvePath(path: string): vscode.Uri {
  if (/^[a-z][\w+.-]+:/iu.test(path) && !/^[a-z]:[\\/]/iu.test(path)) return vscode.Uri.parse(path);
  if (/^(?:\/|[a-z]:[\\/]|\\\\)/iu.test(path)) return vscode.Uri.file(path);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const relative = path.replace(/\\/gu, '/').replace(/^\.\//u, '');
  const open = vscode.workspace.textDocuments.find((document) => folders.some((folder) => document.uri.toString() === vscode.Uri.joinPath(folder.uri, relative).toString()));
  return open?.uri ?? (folders[0] ? vscode.Uri.joinPath(folders[0].uri, relative) : vscode.Uri.file(path));
}

/** The template named, else the one of the document given (or open), else the default (first) template. */
async function templateFor(model: DocumentModel, templates: TemplateRegistry, input: TemplateSectionInput): Promise<Template> {
  if (input.template !== undefined) {
    const named = templates.find(input.template);
    if (!named) throw new Error(`Unknown template "${input.template}"; templates: ${templates.all.map((template) => template.id).join(', ')}`);
    return named;
  }
  const hasDocument = input.path !== undefined || vscode.window.activeTextEditor !== undefined;
  const analysis = hasDocument ? (await documentAnalysis(model, input.path)).analysis : undefined;
  return (analysis?.templateId ? templates.find(analysis.templateId) : undefined) ?? templates.all[0];
}
