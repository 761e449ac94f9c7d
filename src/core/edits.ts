/** Text edits behind the quick fixes, computed from a finding and the document's lines. Pure, so the CLI and tests can use them. */
import { LineIndex } from './lines';
import type { Template } from './template';
import type { Finding, Range } from './types';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** What "not applicable" is written as in a document from this template. */
export function notApplicableText(template: Template | undefined): string {
  return template && /[\uac00-\ud7a3]/u.test(template.title) ? '해당 없음' : 'N/A';
}

/** Replaces an option list with one option. */
export function chooseOptionEdit(finding: Finding, option: string, text: string): TextEdit | undefined {
  if (finding.data?.kind !== 'options') return undefined;
  return valueEdit(finding.data.value, option, text);
}

/** Writes "해당 없음"/"N/A" where the finding is open. */
export function notApplicableEdits(finding: Finding, template: Template | undefined, text: string): TextEdit[] {
  const na = notApplicableText(template);
  const lines = new LineIndex(text);
  switch (finding.rule) {
    case 'empty-field':
    case 'unchosen-option': {
      const value = finding.data && (finding.data.kind === 'field' || finding.data.kind === 'options') ? finding.data.value : undefined;
      const edit = value && valueEdit(value, na, text);
      return edit ? [edit] : [];
    }
    case 'empty-table-cell': {
      const line = lines.lineText(finding.line);
      const filled = line.replace(/(?<=\|)(\s*)(?=\|)/gu, ` ${na} `);
      return [{ range: { line: finding.line, column: 1, endLine: finding.line, endColumn: line.length + 1 }, newText: filled }];
    }
    case 'empty-table': {
      const header = lines.lineText(finding.line);
      const columns = Math.max(1, header.split('|').length - (header.trim().startsWith('|') ? 1 : 0) - (header.trim().endsWith('|') ? 1 : 0));
      const separatorLine = finding.line + 1;
      const row = `|${Array.from({ length: columns }, () => ` ${na} `).join('|')}|`;
      return [{ range: atLineEnd(lines, separatorLine), newText: `\n${row}` }];
    }
    case 'placeholder':
      return [{ range: { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn }, newText: na }];
    case 'empty-section':
      return [{ range: atLineEnd(lines, finding.line), newText: `\n${na}` }];
    default:
      return [];
  }
}

/** Inserts a missing template section (its skeleton) where it belongs. */
export function insertSectionEdit(finding: Finding, template: Template, text: string): TextEdit | undefined {
  if (finding.data?.kind !== 'missing-section') return undefined;
  const { templateSectionId, insertAfterLine } = finding.data;
  const section = template.sections.find((candidate) => candidate.id === templateSectionId);
  if (!section) return undefined;
  const lines = new LineIndex(text);
  return { range: atLineEnd(lines, insertAfterLine), newText: `\n\n${section.markdown}\n` };
}

function atLineEnd(lines: LineIndex, line: number): Range {
  const at = Math.min(Math.max(line, 1), lines.lineCount);
  const column = lines.lineText(at).length + 1;
  return { line: at, column, endLine: at, endColumn: column };
}

function valueEdit(value: Range, newValue: string, text: string): TextEdit {
  const lines = new LineIndex(text);
  const line = lines.lineText(value.line);
  // A table cell: replace just the cell's text.
  if (line.slice(value.endColumn - 1).trim().length > 0) return { range: value, newText: newValue };
  // Keep exactly one space after the colon; replace whatever value (or trailing spaces) follows.
  const endColumn = Math.max(value.endColumn, line.length + 1);
  const before = line.slice(0, value.column - 1);
  const separator = before.endsWith(' ') ? '' : ' ';
  return { range: { line: value.line, column: value.column, endLine: value.line, endColumn }, newText: `${separator}${newValue}` };
}
