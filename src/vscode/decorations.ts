/**
 * Open slots highlighted in architecture documents only, from the analysis, in a theme colour that reads as "to
 * fill" rather than as an error. Plain Markdown is left as it looks without archdoc.
 */
import * as vscode from 'vscode';
import { slotHighlights } from '../core';
import { toVsRange } from './convert';
import type { DocumentModel } from './model';

export interface SlotDecorations extends vscode.Disposable {
  /** The ranges last set on an editor (empty when none): what tests check. */
  rangesOf(editor: vscode.TextEditor): readonly vscode.Range[];
}

export function registerDecorations(model: DocumentModel): SlotDecorations {
  const type = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('archdoc.openSlotBackground'),
    borderColor: new vscode.ThemeColor('archdoc.openSlotBorder'),
    borderStyle: 'dashed',
    borderWidth: '1px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.infoForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const applied = new WeakMap<vscode.TextEditor, vscode.Range[]>();
  const decorate = (editor: vscode.TextEditor) => {
    const analysis = model.shownArchitectureAnalysisOf(editor.document);
    const ranges = analysis ? slotHighlights(analysis, editor.document.getText()).map(toVsRange) : [];
    // Nothing to clear on an editor never decorated: skip the round trip to the renderer.
    if (ranges.length === 0 && !applied.get(editor)?.length) return;
    editor.setDecorations(type, ranges);
    applied.set(editor, ranges);
  };
  const decorateDocument = (document: vscode.TextDocument) => vscode.window.visibleTextEditors.filter((editor) => editor.document === document).forEach(decorate);
  vscode.window.visibleTextEditors.forEach(decorate);
  const disposable = vscode.Disposable.from(
    type,
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(decorate)),
    model.onDidChange(decorateDocument),
  );
  return { rangesOf: (editor) => applied.get(editor) ?? [], dispose: () => disposable.dispose() };
}
