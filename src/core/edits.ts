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

/** Writes "해당 없음"/"N/A" where the finding is open, leaving list markers, labels and table structure in place. */
export function notApplicableEdits(finding: Finding, template: Template | undefined, text: string): TextEdit[] {
  const na = notApplicableText(template);
  const lines = new LineIndex(text);
  const data = finding.data;
  if (data?.kind === 'field' || data?.kind === 'options' || data?.kind === 'values') return [valueEdit(data.value, na, text)];
  switch (finding.rule) {
    case 'empty-table-cell': {
      const line = lines.lineText(finding.line);
      const columns = data?.kind === 'cells' ? data.columnCount : 0;
      return [{ range: { line: finding.line, column: 1, endLine: finding.line, endColumn: line.length + 1 }, newText: fillRow(line, columns, na) }];
    }
    case 'empty-table': {
      const header = lines.lineText(finding.line);
      const prefix = containerPrefix(header);
      const columns = splitRow(header.slice(prefix.length)).length;
      const row = `${prefix}|${Array.from({ length: columns }, () => ` ${na} `).join('|')}|`;
      return [{ range: atLineEnd(lines, finding.line + 1), newText: `\n${row}` }];
    }
    case 'placeholder':
      // A fence or a list item's text (the finding starts after the marker); a placeholder cell has no edit.
      return finding.line === finding.endLine && lines.lineText(finding.line).trimStart().startsWith('|')
        ? []
        : [{ range: { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn }, newText: na }];
    case 'empty-section':
      // A blank line first: text right under `---` would turn into a setext heading.
      return [{ range: atLineEnd(lines, finding.line), newText: `\n\n${na}\n` }];
    default:
      return [];
  }
}

/** Leading indentation and blockquote markers that a table row inside a list or quote carries. */
function containerPrefix(line: string): string {
  return /^[ \t]*(?:>[ \t]?)*/u.exec(line)?.[0] ?? '';
}

/** The cells of a row, split at pipes that are not escaped. */
function splitRow(row: string): string[] {
  let body = row.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/u);
}

/** The row with every blank cell, and every cell it lacks up to the header's count, set to `value`. */
function fillRow(line: string, columnCount: number, value: string): string {
  const prefix = containerPrefix(line);
  const cells = splitRow(line.slice(prefix.length)).map((cell) => cell.trim());
  while (cells.length < columnCount) cells.push('');
  return `${prefix}| ${cells.map((cell) => cell || value).join(' | ')} |`;
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
