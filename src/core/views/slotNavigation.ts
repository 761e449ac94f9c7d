/**
 * Where the author types to fill an open slot, and which slot "next" / "previous" goes to. Positions are 1-based
 * like every engine range.
 */
import { LineIndex } from '../parse/lines';
import type { Analysis, Finding, Range } from '../analysis/types';

export interface Position {
  line: number;
  column: number;
}

/**
 * The selection that puts the author where the value goes: after `: ` of an empty field, inside the first blank
 * cell, on the placeholder or the option list (selected, so typing replaces it).
 */
export function slotTarget(finding: Finding, lines: LineIndex): Range {
  const data = finding.data;
  switch (finding.rule) {
    case 'empty-field':
      return data?.kind === 'field' ? caret(fieldValueStart(data.value, lines)) : caret(finding);
    case 'unchosen-option':
      return data?.kind === 'options' ? trimRange(data.value, lines) : caret(finding);
    case 'placeholder':
      return data?.kind === 'field' ? trimRange(data.value, lines) : fenceBody(finding, lines) ?? finding;
    case 'empty-table-cell':
      return caret(blankCellStart(lines.lineText(finding.line), finding.line) ?? finding);
    case 'empty-table': {
      // The new row goes below the delimiter row.
      const delimiter = Math.min(finding.line + 1, lines.lineCount);
      return caret({ line: delimiter, column: lines.lineText(delimiter).length + 1 });
    }
    case 'empty-section':
      return caret({ line: finding.line, column: lines.lineText(finding.line).length + 1 });
    default:
      return caret(finding);
  }
}

/** A one-line range without the blanks at its ends (a value range starts right after the colon). */
export function trimRange(range: Range, lines: LineIndex): Range {
  if (range.line !== range.endLine) return range;
  const text = lines.lineText(range.line);
  let column = range.column;
  let endColumn = Math.min(range.endColumn, text.length + 1);
  while (column < endColumn && /\s/u.test(text[column - 1])) column++;
  while (endColumn > column && /\s/u.test(text[endColumn - 2])) endColumn--;
  return { line: range.line, column, endLine: range.line, endColumn };
}

/** The field's value position: after the colon and one space (the space is there in a template's empty field). */
function fieldValueStart(value: Range, lines: LineIndex): Position {
  const text = lines.lineText(value.line);
  let column = value.column;
  if (text[column - 1] === ' ' && text[column - 2] !== ' ') column++;
  return { line: value.line, column: Math.min(column, text.length + 1) };
}

/** Inside the first blank cell of a table row, after the space that follows its opening pipe. */
function blankCellStart(row: string, line: number): Position | undefined {
  const pipes: number[] = [];
  for (let i = 0; i < row.length; i++) if (row[i] === '|' && row[i - 1] !== '\\') pipes.push(i);
  for (let p = 0; p + 1 < pipes.length; p++) {
    const cell = row.slice(pipes[p] + 1, pipes[p + 1]);
    if (cell.trim().length === 0) return { line, column: pipes[p] + 2 + (cell.length > 0 ? 1 : 0) };
  }
  return undefined;
}

/** A placeholder fence's inner lines: selecting them keeps the fence when the author types. */
function fenceBody(finding: Finding, lines: LineIndex): Range | undefined {
  if (finding.endLine - finding.line < 2 || !/^\s*(?:`{3,}|~{3,})/u.test(lines.lineText(finding.line))) return undefined;
  const last = finding.endLine - 1;
  const first = finding.line + 1;
  return { line: first, column: lines.lineText(first).length - lines.lineText(first).trimStart().length + 1, endLine: last, endColumn: lines.lineText(last).length + 1 };
}

function caret(position: Position): Range {
  return { line: position.line, column: position.column, endLine: position.line, endColumn: position.column };
}

/**
 * The open slot after (direction 1) or before (-1) the cursor, wrapping around; compared by where the slot puts the
 * cursor, so that repeating the command from a slot's own target moves on. Undefined when nothing is open.
 */
export function adjacentSlot(analysis: Analysis, text: string, cursor: Position, direction: 1 | -1): Range | undefined {
  const lines = new LineIndex(text);
  const targets = analysis.findings.map((finding) => slotTarget(finding, lines)).sort(compare);
  if (targets.length === 0) return undefined;
  if (direction === 1) return targets.find((target) => compare(target, cursor) > 0) ?? targets[0];
  return [...targets].reverse().find((target) => compare(target, cursor) < 0) ?? targets[targets.length - 1];
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}
