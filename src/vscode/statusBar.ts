/** Progress % and open findings of the active architecture document; a click focuses the completeness tree. */
import * as vscode from 'vscode';
import { type Analysis, documentSummary } from '../core';
import type { DocumentModel } from './model';

export function registerStatusBar(model: DocumentModel): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('archdoc.completion', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Architecture document completion');
  item.command = 'archdoc.sections.focus';
  const refresh = () => {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document && model.shownAnalysisOf(document);
    // Shown for architecture documents, and for a document archdoc cannot analyse (unknown template, too large).
    if (!analysis?.templateId && !analysis?.skippedReason) {
      item.hide();
      return;
    }
    if (analysis.skippedReason) {
      item.text = '$(warning) archdoc';
      item.tooltip = analysis.skippedReason;
    } else {
      const { percent, open } = documentSummary(analysis);
      item.text = `$(checklist) ${percent}%`;
      item.tooltip = `${vscode.l10n.t('{0}% filled, {1} open findings', percent, open)}\n${recognition(analysis)}`;
    }
    item.show();
  };
  refresh();
  const disposable = vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    model.onDidChange((document) => document === vscode.window.activeTextEditor?.document && refresh()),
  );
  return { item, disposable };
}

/** How the document was recognised as written from its template. */
function recognition(analysis: Analysis): string {
  const id = analysis.templateId ?? '';
  const sections = analysis.recognizedSections;
  switch (analysis.recognition) {
    case 'front-matter':
      return vscode.l10n.t('Template {0}, named in the front matter', id);
    case 'title':
      return vscode.l10n.t('Template {0}, recognised by the title', id);
    case 'structure':
      return vscode.l10n.t('Template {0}, recognised by {1} of its {2} top-level section titles', id, sections?.matched ?? 0, sections?.total ?? 0);
    case 'include':
      return vscode.l10n.t('Template {0}, by the archdoc.include setting', id);
    default:
      return vscode.l10n.t('Template {0}, chosen explicitly', id);
  }
}
