/** Line lookups on the analysed text, for ranges that end at a line's last visible character. */
/** 1-based lines and columns; columns count UTF-16 code units; the end is exclusive. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const LONE_CR = /\r(?!\n)/u;

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    if (text.includes('\r') && LONE_CR.test(text)) {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
      }
    } else {
      // Every line ends in `\n` (LF or CRLF): `indexOf` finds them several times faster than a loop over characters.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Text of a 1-based line without its line ending; empty outside the document. */
  lineText(line: number): string {
    if (line < 1 || line > this.starts.length) return '';
    const start = this.starts[line - 1];
    const end = line < this.starts.length ? this.starts[line] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/u, '');
  }

  /** Offset in the text of a 1-based position; a column past the line's end means its end (before the line ending). */
  offsetAt(line: number, column: number): number {
    const at = Math.min(Math.max(line, 1), this.starts.length);
    return this.starts[at - 1] + Math.min(Math.max(column, 1) - 1, this.lineText(at).length);
  }

  /** 1-based column just after the last non-blank character of the line (1 for a blank line). */
  lineEndColumn(line: number): number {
    return this.lineText(line).trimEnd().length + 1;
  }

  /** A range on one line from `column` to the line's visible end (never empty when the line has text). */
  lineRange(line: number, column = 1): Range {
    const end = Math.max(this.lineEndColumn(line), column + 1);
    return { line, column, endLine: line, endColumn: Math.min(end, this.lineText(line).length + 1) };
  }

  /** Clamps a range into the document so that every reported range is valid. */
  clamp(range: Range): Range {
    const line = Math.min(Math.max(range.line, 1), this.lineCount);
    const endLine = Math.min(Math.max(range.endLine, line), this.lineCount);
    const column = Math.min(Math.max(range.column, 1), this.lineText(line).length + 1);
    let endColumn = Math.min(Math.max(range.endColumn, 1), this.lineText(endLine).length + 1);
    if (endLine === line && endColumn < column) endColumn = column;
    return { line, column, endLine, endColumn };
  }
}

/** Range of the i-th cell of a one-line table row, found by its pipes; the whole row when that fails. */
export function cellRange(lines: LineIndex, row: Range, index: number): Range {
  const text = lines.lineText(row.line);
  const pipes: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '|' && text[i - 1] !== '\\') pipes.push(i);
  const leading = text.trimStart().startsWith('|') ? 1 : 0;
  const start = index + leading - 1 >= 0 ? pipes[index + leading - 1] : -1;
  const end = pipes[index + leading] ?? text.length;
  if (start === undefined) return row;
  let from = start + 1;
  let to = end;
  while (from < to && text[from] === ' ') from++;
  while (to > from && text[to - 1] === ' ') to--;
  return { line: row.line, column: from + 1, endLine: row.line, endColumn: to + 1 };
}
