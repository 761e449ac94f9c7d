/** Progress % of the active architecture document; a click focuses the completeness tree. */
import * as vscode from 'vscode';
import { progressPercent } from '../core';
import type { DocumentModel } from './model';

export function registerStatusBar(model: DocumentModel): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('archdoc.completion', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Architecture document completion');
  item.command = 'archdoc.sections.focus';
  const refresh = () => {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document && model.analysisOf(document);
    // Shown for architecture documents, and for a document archdoc cannot analyse (unknown template, too large).
    if (!analysis?.templateId && !analysis?.skippedReason) {
      item.hide();
      return;
    }
    if (analysis.skippedReason) {
      item.text = '$(warning) archdoc';
      item.tooltip = analysis.skippedReason;
    } else {
      const { filled, total } = analysis.progress;
      item.text = `$(checklist) ${progressPercent(analysis.progress)}%`;
      item.tooltip = vscode.l10n.t('{0} of {1} slots filled, {2} open findings', filled, total, analysis.findings.length);
    }
    item.show();
  };
  refresh();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    model.onDidChange((document) => document === vscode.window.activeTextEditor?.document && refresh()),
  );
}
