/**
 * What the editor highlights in an architecture document: each open slot where its value goes (an empty field's
 * label, an option list, a placeholder, a row with blank cells, an empty table's header, an empty section's
 * heading). A missing section has no text of its own to mark: it is not highlighted.
 */
import { LineIndex } from '../parse/lines';
import type { Analysis, Range } from '../analysis/types';
import { trimRange } from './slotNavigation';

export function slotHighlights(analysis: Analysis, text: string): Range[] {
  const lines = new LineIndex(text);
  const ranges: Range[] = [];
  for (const finding of analysis.findings) {
    const data = finding.data;
    if (finding.rule === 'missing-section') continue;
    if (data?.kind === 'options' || (finding.rule === 'placeholder' && data?.kind === 'field')) ranges.push(trimRange(data.value, lines));
    else if (finding.rule === 'empty-field' && data?.kind === 'field') ranges.push(labelRange(finding, data.value, lines));
    else ranges.push(trimRange({ line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn }, lines));
  }
  return ranges;
}

/** An empty field's label up to its colon, without the list marker before it. */
function labelRange(finding: Range, value: Range, lines: LineIndex): Range {
  if (finding.line !== value.line) return trimRange(finding, lines);
  const text = lines.lineText(finding.line);
  const marker = /^\s*(?:[-*+]|\d+[.)])\s+/u.exec(text.slice(finding.column - 1))?.[0].length ?? 0;
  return trimRange({ line: finding.line, column: finding.column + marker, endLine: value.line, endColumn: value.column }, lines);
}
