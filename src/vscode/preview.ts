/**
 * Open slots in VS Code's built-in Markdown preview (`markdown.markdownItPlugins`): the preview hands over the
 * document's text and URI; the analysis comes from the model, so a version the editor already analysed is not parsed
 * again.
 */
import type { MarkdownIt } from 'markdown-it';
import * as vscode from 'vscode';
import { type Analysis, toLocale } from '../core';
import { markOpenSlots } from '../report/previewMarks';
import type { DocumentModel } from './model';

export function previewPlugin(model: DocumentModel): (md: MarkdownIt) => MarkdownIt {
  return (md) => {
    markOpenSlots(md, (src, env) => previewAnalysis(model, src, env), { locale: toLocale(vscode.env.language) });
    return md;
  };
}

function previewAnalysis(model: DocumentModel, src: string, env: unknown): Analysis | undefined {
  // The preview's URI object comes from the Markdown extension: compared by its string form.
  const current = (env as { currentDocument?: { scheme?: unknown } } | undefined)?.currentDocument;
  if (!current || typeof current.scheme !== 'string') return undefined;
  const key = String(current);
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  if (open && open.getText() === src) return model.analysisOf(open);
  return model.analysisOfText(vscode.Uri.parse(key), src);
}
