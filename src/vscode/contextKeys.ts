/**
 * `archdoc.canInsertTemplate`: the active editor is Markdown and empty (where the template goes) or an
 * architecture document. It limits the editor-title button, so that ordinary Markdown files do not show it.
 */
import * as vscode from 'vscode';
import type { DocumentModel } from './model';

export function registerContextKeys(model: DocumentModel): vscode.Disposable {
  let last: boolean | undefined;
  const refresh = () => {
    const document = vscode.window.activeTextEditor?.document;
    const value = Boolean(document && document.languageId === 'markdown' && (model.shownArchitectureAnalysisOf(document) || !/\S/u.test(document.getText())));
    if (value === last) return;
    last = value;
    void vscode.commands.executeCommand('setContext', 'archdoc.canInsertTemplate', value);
  };
  refresh();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(refresh),
    model.onDidChange((document) => document === vscode.window.activeTextEditor?.document && refresh()),
  );
}
