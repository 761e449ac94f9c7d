/** Quick fixes: choose one option, mark as not applicable, insert a missing section from the template. */
import * as vscode from 'vscode';
import { chooseOptionEdit, type Finding, insertSectionEdit, notApplicableEdits, type TextEdit } from '../core';
import { toVsRange } from './convert';
import type { DocumentModel } from './model';
import type { TemplateRegistry } from './templates';

export function registerCodeActions(model: DocumentModel, templates: TemplateRegistry): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: 'markdown' },
    {
      provideCodeActions(document, _range, context) {
        // Asked on every cursor move: analyse only when an archdoc diagnostic is under the cursor.
        if (!context.diagnostics.some((diagnostic) => diagnostic.source === 'archdoc')) return undefined;
        const analysis = model.architectureAnalysisOf(document);
        if (!analysis) return undefined;
        const template = analysis.templateId ? templates.find(analysis.templateId) : undefined;
        const text = document.getText();
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of context.diagnostics) {
          if (diagnostic.source !== 'archdoc') continue;
          const rule = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
          const finding = analysis.findings.find((f) => f.rule === rule && f.line - 1 === diagnostic.range.start.line && f.message === diagnostic.message);
          if (!finding) continue;
          const action = (title: string, edits: Array<TextEdit | undefined>, preferred = false) => {
            const present = edits.filter((edit): edit is TextEdit => edit !== undefined);
            if (present.length === 0) return;
            const codeAction = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
            codeAction.edit = new vscode.WorkspaceEdit();
            for (const edit of present) codeAction.edit.replace(document.uri, toVsRange(edit.range), edit.newText);
            codeAction.diagnostics = [diagnostic];
            codeAction.isPreferred = preferred;
            actions.push(codeAction);
          };
          if (finding.data?.kind === 'options') {
            // None preferred: auto-fix must not pick an option for the author.
            finding.data.options.forEach((option) => action(vscode.l10n.t('Choose "{0}"', option), [chooseOptionEdit(finding, option, text)]));
          }
          if (finding.rule === 'missing-section' && template) {
            action(vscode.l10n.t('Insert missing section "{0}" from the template', sectionTitle(finding, template)), [insertSectionEdit(finding, template, text)], true);
          }
          action(vscode.l10n.t('Mark as not applicable'), notApplicableEdits(finding, template, text));
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

function sectionTitle(finding: Finding, template: { sections: ReadonlyArray<{ id: string; title: string }> }): string {
  const id = finding.data?.kind === 'missing-section' ? finding.data.templateSectionId : '';
  return template.sections.find((section) => section.id === id)?.title ?? id;
}
