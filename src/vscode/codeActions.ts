/**
 * Quick fixes on archdoc diagnostics: choose an option, mark as not applicable (the slot or its whole section),
 * insert a missing section or all of them. The fixes and their edits come from the engine; this titles them.
 */
import * as vscode from 'vscode';
import { type QuickFix, quickFixes, type TextEdit } from '../core';
import { toVsRange } from './convert';
import { FindingDiagnostic } from './diagnostics';
import type { DocumentModel } from './model';
import type { TemplateRegistry } from './templates';

export function registerCodeActions(model: DocumentModel, templates: TemplateRegistry): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: 'markdown' },
    {
      provideCodeActions(document, range, context) {
        // Asked on every cursor move: analyse only when an archdoc diagnostic is under the cursor.
        if (!context.diagnostics.some((diagnostic) => diagnostic.source === 'archdoc')) return undefined;
        // The current version's findings under the cursor: diagnostics may still be those of an older version
        // (they are refreshed after a pause in typing), and a fix from those would edit the wrong text. The light
        // bulb asks on every keystroke: it waits for the debounced analysis (and asks again when the diagnostics
        // change); Ctrl+. analyses now.
        const analysis =
          context.triggerKind === vscode.CodeActionTriggerKind.Invoke ? model.architectureAnalysisOf(document) : model.analysedArchitectureOf(document);
        if (!analysis) return undefined;
        const template = analysis.templateId ? templates.find(analysis.templateId) : undefined;
        const text = document.getText();
        const seen = new Set<string>();
        const actions: vscode.CodeAction[] = [];
        for (const finding of analysis.findings) {
          if (!toVsRange(finding).intersection(range)) continue;
          // The diagnostic published for this very finding, when the Problems panel is up to date.
          const diagnostic = context.diagnostics.find((candidate) => candidate instanceof FindingDiagnostic && candidate.finding === finding);
          for (const fix of quickFixes(finding, analysis, template, text)) {
            const title = titleOf(fix);
            // Whole-section and all-missing fixes repeat on every finding of the section: offer each once.
            if ((fix.kind === 'section-not-applicable' || fix.kind === 'insert-all-missing') && seen.has(title)) continue;
            seen.add(title);
            actions.push(codeAction(document.uri, title, fix, diagnostic));
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

function titleOf(fix: QuickFix): string {
  switch (fix.kind) {
    case 'choose-option':
      return vscode.l10n.t('Choose "{0}"', fix.option);
    case 'insert-section':
      return vscode.l10n.t('Insert missing section "{0}" from the template', fix.sectionTitle);
    case 'insert-all-missing':
      return vscode.l10n.t('Insert all {0} missing sections from the template', fix.count);
    case 'not-applicable':
      return vscode.l10n.t('Mark as not applicable');
    case 'section-not-applicable':
      return vscode.l10n.t('Mark the whole section "{0}" as not applicable', fix.sectionTitle);
  }
}

function codeAction(uri: vscode.Uri, title: string, fix: QuickFix, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = workspaceEdit(uri, fix.edits);
  action.diagnostics = diagnostic ? [diagnostic] : [];
  // Inserting the one missing section is the obvious fix; choosing an option must stay the author's choice.
  action.isPreferred = fix.kind === 'insert-section';
  return action;
}

/** One WorkspaceEdit: applied, and undone, as one step. */
export function workspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const textEdit of edits) edit.replace(uri, toVsRange(textEdit.range), textEdit.newText);
  return edit;
}
