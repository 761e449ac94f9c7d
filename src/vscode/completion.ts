/** Typing `#` at the start of a line in an architecture document offers the template sections still missing. */
import * as vscode from 'vscode';
import { headingPrefix, missingSectionItems } from '../core';
import type { DocumentModel } from './model';
import type { TemplateRegistry } from './templates';

export function registerCompletion(model: DocumentModel, templates: TemplateRegistry): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    { language: 'markdown' },
    {
      provideCompletionItems(document, position) {
        const prefix = headingPrefix(document.lineAt(position.line).text.slice(0, position.character));
        if (!prefix) return undefined;
        const analysis = model.architectureAnalysisOf(document);
        const template = analysis?.templateId ? templates.find(analysis.templateId) : undefined;
        if (!analysis || !template) return undefined;
        const range = new vscode.Range(position.line, 0, position.line, position.character);
        return missingSectionItems(analysis, template).map(({ section, snippet, sortText }) => {
          const item = new vscode.CompletionItem({ label: section.title, description: vscode.l10n.t('missing template section') }, vscode.CompletionItemKind.Snippet);
          item.insertText = new vscode.SnippetString(snippet);
          item.range = range;
          item.filterText = `${prefix.hashes} ${section.title}`;
          item.sortText = sortText;
          item.documentation = new vscode.MarkdownString().appendCodeblock(section.markdown, 'markdown');
          return item;
        });
      },
    },
    '#',
  );
}
