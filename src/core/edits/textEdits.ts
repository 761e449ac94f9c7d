/** Text edits behind the quick fixes, computed from a finding and the document's lines. Pure, so the CLI and tests can use them. */
import { LineIndex } from '../parse/lines';
import type { Template, TemplateSection } from '../template/template';
import type { Finding, Range } from '../analysis/types';

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * The text with non-overlapping edits applied, as an editor applies a quick fix; the new text's line breaks are
 * written as `eol` (the file's own line ending).
 */
export function applyEdits(text: string, edits: readonly TextEdit[], eol: '\n' | '\r\n' = '\n'): string {
  const lines = new LineIndex(text);
  const located = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.line, edit.range.column), end: lines.offsetAt(edit.range.endLine, edit.range.endColumn), text: edit.newText.replace(/\r?\n/gu, eol) }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of located) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
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

/** Every missing section inserted at once (one undo), each from its template skeleton. */
export function insertMissingSectionsEdits(findings: readonly Finding[], template: Template, text: string): TextEdit[] {
  return missingSectionInsertions(findings, template, new LineIndex(text), (section) => section.markdown);
}

/**
 * One insertion per line that missing sections go after, holding them in template order (separate insertions at
 * one place would pile up blank lines, and their order would be up to the editor).
 */
function missingSectionInsertions(findings: readonly Finding[], template: Template, lines: LineIndex, render: (section: TemplateSection) => string): TextEdit[] {
  const byLine = new Map<number, TemplateSection[]>();
  for (const finding of findings) {
    if (finding.data?.kind !== 'missing-section') continue;
    const { templateSectionId, insertAfterLine } = finding.data;
    const section = template.sections.find((candidate) => candidate.id === templateSectionId);
    if (section) byLine.set(insertAfterLine, [...(byLine.get(insertAfterLine) ?? []), section]);
  }
  return [...byLine].map(([line, sections]) => ({
    range: atLineEnd(lines, line),
    newText: `\n\n${sections.sort((a, b) => a.order - b.order).map(render).join('\n\n')}\n`,
  }));
}

/**
 * A whole section marked not applicable (one undo): every open slot in it gets "해당 없음"/"N/A", and each missing
 * sub-section is added as its headings with "N/A" under each. Edits on one line are merged into one, so that a row
 * with a blank cell and an option list, or a field followed by an inserted section, stays intact.
 */
export function sectionNotApplicableEdits(findings: readonly Finding[], template: Template | undefined, text: string): TextEdit[] {
  const lines = new LineIndex(text);
  const na = notApplicableText(template);
  const edits: TextEdit[] = [];
  const rowFills = new Map<number, number>();
  for (const finding of findings) {
    if (finding.rule === 'empty-table-cell') rowFills.set(finding.line, finding.data?.kind === 'cells' ? finding.data.columnCount : 0);
    else if (finding.rule !== 'missing-section') edits.push(...notApplicableEdits(finding, template, text));
  }
  // After the section's own "N/A" (an empty section's goes right under its heading): its missing sub-sections.
  if (template) edits.push(...missingSectionInsertions(findings, template, lines, (section) => notApplicableSkeleton(section, na)));
  return mergeByLine(edits, rowFills, lines, na);
}

/**
 * A section's headings (its sub-sections' too), each with `na` under it. Placeholder headings (`### {option 1}`) are
 * not written out: the "N/A" of the section holding them answers for them.
 */
function notApplicableSkeleton(section: TemplateSection, na: string): string {
  if (section.repeatableParts) return na;
  const children = section.children.filter((child) => !child.repeatableParts);
  return [`${'#'.repeat(section.level)} ${section.title}\n\n${na}`, ...children.map((child) => notApplicableSkeleton(child, na))].join('\n\n');
}

/**
 * One edit per touched line (its replacements applied right to left, then the row filled, then the new lines
 * after it appended); edits over several lines are kept unless they overlap a line rewritten so.
 */
function mergeByLine(edits: readonly TextEdit[], rowFills: ReadonlyMap<number, number>, lines: LineIndex, na: string): TextEdit[] {
  const perLine = new Map<number, TextEdit[]>();
  const multiLine: TextEdit[] = [];
  for (const edit of edits) {
    if (edit.range.line !== edit.range.endLine) multiLine.push(edit);
    else perLine.set(edit.range.line, [...(perLine.get(edit.range.line) ?? []), edit]);
  }
  for (const line of rowFills.keys()) if (!perLine.has(line)) perLine.set(line, []);
  const merged: TextEdit[] = [];
  const rewritten = new Set<number>();
  for (const [line, lineEdits] of perLine) {
    const original = lines.lineText(line);
    // New lines after this one (inserted sections, rows, "N/A" paragraphs) go after the line's own changes.
    const isAppend = (edit: TextEdit) => edit.range.column === original.length + 1 && edit.range.endColumn === edit.range.column && edit.newText.startsWith('\n');
    let result = original;
    const replacements = lineEdits.filter((edit) => !isAppend(edit)).sort((a, b) => b.range.column - a.range.column);
    let limit = original.length + 1;
    for (const edit of replacements) {
      if (edit.range.endColumn > limit) continue; // overlaps one already applied: the first one wins
      result = result.slice(0, edit.range.column - 1) + edit.newText + result.slice(edit.range.endColumn - 1);
      limit = edit.range.column;
    }
    const columns = rowFills.get(line);
    if (columns !== undefined) result = fillRow(result, columns, na);
    const changed = result !== original;
    if (changed) rewritten.add(line);
    // One blank line between appended blocks, not two.
    let appended = '';
    for (const edit of lineEdits.filter(isAppend)) appended += appended.endsWith('\n') && edit.newText.startsWith('\n\n') ? edit.newText.slice(1) : edit.newText;
    // Only appending: an insertion at the line's end, which may follow a multi-line edit ending on this line.
    const column = changed ? 1 : original.length + 1;
    if (changed || appended) merged.push({ range: { line, column, endLine: line, endColumn: original.length + 1 }, newText: (changed ? result : '') + appended });
  }
  for (const edit of multiLine) {
    const overlaps = [...rewritten].some((line) => line >= edit.range.line && line <= edit.range.endLine);
    if (!overlaps) merged.push(edit);
  }
  return merged.sort((a, b) => a.range.line - b.range.line);
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
