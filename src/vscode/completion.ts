/** Typing `#` at the start of a line in an architecture document offers the template sections still missing. */
import * as vscode from 'vscode';
import { type SectionNode, sectionSnippetBody } from '../core';
import type { DocumentModel } from './model';
import type { TemplateRegistry } from './templates';

const HEADING_PREFIX = /^(#{1,6})(?:[ \t]+(.*))?$/u;

export function registerCompletion(model: DocumentModel, templates: TemplateRegistry): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    { language: 'markdown' },
    {
      provideCompletionItems(document, position) {
        const prefix = document.lineAt(position.line).text.slice(0, position.character);
        const match = HEADING_PREFIX.exec(prefix);
        if (!match) return undefined;
        const analysis = model.architectureAnalysisOf(document);
        const template = analysis?.templateId ? templates.find(analysis.templateId) : undefined;
        if (!analysis || !template) return undefined;
        const missingIds = new Set<string>();
        const collect = (nodes: readonly SectionNode[]): void =>
          nodes.forEach((node) => (node.missing && node.templateSectionId ? missingIds.add(node.templateSectionId) : collect(node.children)));
        collect(analysis.sections);
        const range = new vscode.Range(position.line, 0, position.line, position.character);
        return template.sections
          .filter((section) => missingIds.has(section.id))
          .map((section, index) => {
            const item = new vscode.CompletionItem({ label: section.title, description: vscode.l10n.t('missing template section') }, vscode.CompletionItemKind.Snippet);
            item.insertText = new vscode.SnippetString(sectionSnippetBody(section).join('\n'));
            item.range = range;
            item.filterText = `${match[1]} ${section.title}`;
            item.sortText = String(index).padStart(4, '0');
            item.documentation = new vscode.MarkdownString().appendCodeblock(section.markdown, 'markdown');
            return item;
          });
      },
    },
    '#',
  );
}
