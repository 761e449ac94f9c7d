/**
 * The requests an editor asks of a document, answered from its analysis: quick fixes, `#` completion of missing
 * sections, the completeness tree as document symbols, and hovers. The engine computes; this only translates.
 */
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type CompletionItem,
  CompletionItemKind,
  type DocumentSymbol,
  type Hover,
  InsertTextFormat,
  MarkupKind,
  type Position,
  SymbolKind,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type Analysis,
  buildTreeNodes,
  headingPrefix,
  missingSectionItems,
  type OutlineNode,
  type QuickFix,
  quickFixes,
  ruleDocsUrl,
  type SectionNode,
  sectionTooltipLines,
  type Template,
  type TextEdit,
} from '../core';
import { sameRange, toDiagnostic, toLspEdits, toLspRange, touches } from './convert';
import type { Words } from './l10n';

/** What the client said it can do (initialize), as far as these features care. */
export interface ClientAbilities {
  snippets: boolean;
  /** Edits carry the document version they were computed for. */
  versionedEdits: boolean;
}

export function codeActions(document: TextDocument, analysis: Analysis, template: Template | undefined, params: CodeActionParams, l10n: Words, abilities: ClientAbilities): CodeAction[] {
  // Quick fixes only: a client asking for other kinds (source actions, refactorings) gets none.
  if (params.context.only && !params.context.only.some((kind) => kind === CodeActionKind.QuickFix || kind === CodeActionKind.Empty)) return [];
  const text = document.getText();
  const seen = new Set<string>();
  const actions: CodeAction[] = [];
  for (const finding of analysis.findings) {
    const range = toLspRange(finding);
    if (!touches(range, params.range)) continue;
    const diagnostic = params.context.diagnostics.find((candidate) => candidate.source === 'archdoc' && candidate.code === finding.rule && sameRange(candidate.range, range));
    for (const fix of quickFixes(finding, analysis, template, text)) {
      const title = titleOf(fix, l10n);
      // Whole-section and all-missing fixes repeat on every finding of the section: offer each once.
      if ((fix.kind === 'section-not-applicable' || fix.kind === 'insert-all-missing') && seen.has(title)) continue;
      seen.add(title);
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic ?? toDiagnostic(finding)],
        // Inserting the one missing section is the obvious fix; choosing an option must stay the author's choice.
        isPreferred: fix.kind === 'insert-section',
        edit: workspaceEdit(document, fix.edits, abilities),
      });
    }
  }
  return actions;
}

function titleOf(fix: QuickFix, l10n: Words): string {
  switch (fix.kind) {
    case 'choose-option':
      return l10n.t('Choose "{0}"', fix.option);
    case 'insert-section':
      return l10n.t('Insert missing section "{0}" from the template', fix.sectionTitle);
    case 'insert-all-missing':
      return l10n.t('Insert all {0} missing sections from the template', fix.count);
    case 'not-applicable':
      return l10n.t('Mark as not applicable');
    case 'section-not-applicable':
      return l10n.t('Mark the whole section "{0}" as not applicable', fix.sectionTitle);
  }
}

/** One edit of one document, applied (and undone) as one step; versioned where the client takes it. */
export function workspaceEdit(document: TextDocument, edits: readonly TextEdit[], abilities: ClientAbilities): WorkspaceEdit {
  const changes = toLspEdits(edits);
  if (abilities.versionedEdits) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: changes }] };
  return { changes: { [document.uri]: changes } };
}

/** After `#`s at a line start: the template sections still missing, in template order. */
export function completions(document: TextDocument, analysis: Analysis, template: Template | undefined, position: Position, l10n: Words, abilities: ClientAbilities): CompletionItem[] {
  const linePrefix = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const prefix = headingPrefix(linePrefix);
  if (!prefix || !template || !analysis.templateId) return [];
  const range = { start: { line: position.line, character: 0 }, end: position };
  return missingSectionItems(analysis, template).map(({ section, snippet, sortText }) => ({
    label: section.title,
    labelDetails: { description: l10n.t('missing template section') },
    detail: l10n.t('missing template section'),
    kind: CompletionItemKind.Snippet,
    insertTextFormat: abilities.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: abilities.snippets ? snippet : section.markdown },
    filterText: `${prefix.hashes} ${section.title}`,
    sortText,
    documentation: { kind: MarkupKind.Markdown, value: `\`\`\`\`markdown\n${section.markdown}\n\`\`\`\`` },
  }));
}

/** The completeness tree: sections (`filled/total` or ✓ in the detail) with their sub-sections and open slots. */
export function documentSymbols(analysis: Analysis, l10n: Words): DocumentSymbol[] {
  if (!analysis.templateId) return [];
  const symbolOf = (node: OutlineNode): DocumentSymbol => {
    if (node.kind === 'slot') {
      const range = toLspRange(node.finding);
      return { name: node.label || node.finding.rule, detail: node.description, kind: SymbolKind.Field, range, selectionRange: range };
    }
    const section = node.section;
    const heading = toLspRange(section.range);
    const end = section.missing ? heading.end : { line: Math.max(section.endLine - 1, heading.end.line), character: 0 };
    return {
      name: node.label || '#',
      detail: node.description,
      kind: section.missing ? SymbolKind.Null : SymbolKind.Namespace,
      range: { start: heading.start, end: end.line > heading.end.line ? end : heading.end },
      selectionRange: heading,
      children: node.children.map(symbolOf),
    };
  };
  return buildTreeNodes(analysis, l10n.outline()).map(symbolOf);
}

/** On a section's heading: its progress and what is open in it; on an open slot: what is open, and its rule. */
export function hover(analysis: Analysis, position: Position, l10n: Words): Hover | undefined {
  if (!analysis.templateId) return undefined;
  const at = { start: position, end: position };
  const finding = analysis.findings.find((candidate) => candidate.rule !== 'missing-section' && touches(toLspRange(candidate), at));
  const section = headingAt(analysis.sections, position.line + 1);
  if (section) return { contents: { kind: MarkupKind.Markdown, value: sectionHover(section, l10n) }, range: toLspRange(section.range) };
  if (!finding) return undefined;
  const value = `${escapeMarkdown(finding.message)}\n\n[${finding.rule}](${ruleDocsUrl(finding.rule)})`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(finding) };
}

function headingAt(sections: readonly SectionNode[], line: number): SectionNode | undefined {
  for (const section of sections) {
    if (section.missing) continue;
    if (section.range.line === line) return section;
    if (line > section.range.line && line <= section.endLine) return headingAt(section.children, line);
  }
  return undefined;
}

function sectionHover(section: SectionNode, l10n: Words): string {
  const lines = sectionTooltipLines(section, l10n.outline());
  const parts = [`**${escapeMarkdown(lines.title)}**`];
  if (lines.progress) parts.push(lines.progress);
  if (lines.open.length > 0) parts.push(`${l10n.t('Open:')}\n\n${[...lines.open.map((line) => `- ${escapeMarkdown(line)}`), ...(lines.more ? ['- …'] : [])].join('\n')}`);
  return parts.join('\n\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/gu, (char) => `\\${char}`);
}
