/**
 * Finds the fillable things in a run of Markdown blocks: bold-label fields, table rows, header-only tables,
 * code fences and short text items (placeholder candidates). Used for templates and documents alike, so a
 * template's schema and a document's content are read by the same code.
 */
import type { Blockquote, List, ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../parse/lines';
import type { FieldItem, ScanItem } from './scanItems';
import { collapseWhitespace, normalizeKey } from '../parse/text';
import { hasVisibleInline, isVisibleBlock, renderedText } from '../parse/visible';
import type { Range } from '../parse/lines';

export type { EmptyTableItem, FenceItem, FieldItem, RowItem, ScanItem, TextItem } from './scanItems';

/** Deeper nesting than this is not scanned: it keeps recursion bounded on hostile input. */
const MAX_DEPTH = 64;

type Block = RootContent;

interface PhrasingLine {
  nodes: PhrasingContent[];
  line: number;
}

export function scanBlocks(blocks: readonly Block[], lines: LineIndex): ScanItem[] {
  const items: ScanItem[] = [];
  visitBlocks(blocks, lines, items, 0);
  return items;
}

function visitBlocks(blocks: readonly Block[], lines: LineIndex, items: ScanItem[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    switch (block.type) {
      case 'paragraph':
        scanParagraph(block, blocks, index, lines, items);
        break;
      case 'list':
        for (const item of (block as List).children) scanListItem(item, lines, items, depth);
        break;
      case 'blockquote':
        visitBlocks((block as Blockquote).children, lines, items, depth + 1);
        break;
      case 'table':
        scanTable(block as Table, items);
        break;
      case 'code':
        if (block.position) {
          items.push({ kind: 'fence', lang: block.lang ?? '', content: block.value, range: rangeOf(block.position) });
        }
        break;
      default:
        break;
    }
  }
}

function scanListItem(item: ListItem, lines: LineIndex, items: ScanItem[], depth: number): void {
  const [first, ...rest] = item.children;
  if (first?.type === 'paragraph') {
    const startColumn = item.position?.start.column ?? 1;
    const fields = fieldsOfParagraph(first, lines, startColumn);
    const hasNested = rest.some(isVisibleBlock);
    fields.forEach((field, i) => {
      if (i === fields.length - 1 && hasNested) field.filledByFollowing = true;
      items.push(field);
    });
    if (fields.length === 0 && item.position && first.position) {
      // The text, not the marker: "not applicable" replaces the text and keeps the bullet.
      pushTextItem(first, item.position.start.line, first.position.start.column, lines, items);
    }
    visitBlocks(rest, lines, items, depth + 1);
  } else {
    visitBlocks(item.children, lines, items, depth + 1);
  }
}

function scanParagraph(paragraph: Paragraph, siblings: readonly Block[], index: number, lines: LineIndex, items: ScanItem[]): void {
  const fields = fieldsOfParagraph(paragraph, lines, paragraph.position?.start.column ?? 1);
  if (fields.length === 0) {
    if (paragraph.position) pushTextItem(paragraph, paragraph.position.start.line, paragraph.position.start.column, lines, items);
    return;
  }
  const last = fields[fields.length - 1];
  if (!last.filledByFollowing && isBlankValue(last)) last.filledByFollowing = introducesContent(siblings, index + 1);
  items.push(...fields);
}

/** A paragraph label with nothing after it is filled when the next block is content it introduces. */
function introducesContent(siblings: readonly Block[], from: number): boolean {
  for (let i = from; i < siblings.length; i++) {
    const next = siblings[i];
    if (!isVisibleBlock(next)) {
      if (next.type === 'thematicBreak') return false;
      continue;
    }
    if (next.type === 'heading') return false;
    if (next.type === 'paragraph') return startsWithNonField(next);
    return true;
  }
  return false;
}

function startsWithNonField(paragraph: Paragraph): boolean {
  const firstLine = splitLines(paragraph)[0];
  return !firstLine || !labelOf(firstLine.nodes);
}

function isBlankValue(field: FieldItem): boolean {
  return field.value.length === 0 && !field.valueHasMedia;
}

function pushTextItem(paragraph: Paragraph, line: number, column: number, lines: LineIndex, items: ScanItem[]): void {
  const { text, prose } = renderedText(paragraph);
  if (text.length === 0) return;
  const endLine = paragraph.position?.end.line ?? line;
  items.push({ kind: 'text', text, prose, range: { line, column, endLine, endColumn: lines.lineEndColumn(endLine) } });
}

/** Splits a paragraph's inline content at soft and hard line breaks. */
function splitLines(paragraph: Paragraph): PhrasingLine[] {
  const result: PhrasingLine[] = [];
  let current: PhrasingLine | undefined;
  const start = (line: number): PhrasingLine => {
    current = { nodes: [], line };
    result.push(current);
    return current;
  };
  for (const node of paragraph.children) {
    const line = node.position?.start.line ?? current?.line ?? 1;
    if (node.type === 'break') {
      current = undefined;
      continue;
    }
    if (node.type === 'text' && /[\r\n]/u.test(node.value)) {
      const pieces = node.value.split(/\r\n|\r|\n/u);
      pieces.forEach((piece, i) => {
        const target = i === 0 ? current ?? start(line) : start(line + i);
        if (piece.length > 0) target.nodes.push({ type: 'text', value: piece });
      });
      continue;
    }
    (current ?? start(line)).nodes.push(node);
  }
  return result.filter((entry) => entry.nodes.length > 0);
}

interface Label {
  label: string;
  /** The bold label itself: its source position places the value. */
  strong: PhrasingContent;
  /** The colon is inside the bold (`**X:**`) rather than after it (`**X**:`). */
  colonInside: boolean;
  /** Index of the first value node and the text of that node after the colon (when the colon sits outside the bold). */
  valueStart: number;
  leadingValue: string;
}

/** `**X**:` or `**X:**` (also `：`) at the start of a line, or undefined. */
function labelOf(nodes: PhrasingContent[]): Label | undefined {
  let index = 0;
  while (index < nodes.length && nodes[index].type === 'text' && (nodes[index] as { value: string }).value.trim() === '') index++;
  const strong = nodes[index];
  if (strong?.type !== 'strong') return undefined;
  const text = collapseWhitespace(toString(strong));
  if (/[:：]$/u.test(text)) {
    const label = text.slice(0, -1).trim();
    if (label.length === 0) return undefined;
    return { label, strong, colonInside: true, valueStart: index + 1, leadingValue: '' };
  }
  const next = nodes[index + 1];
  if (next?.type !== 'text') return undefined;
  const match = /^\s*[:：]/u.exec(next.value);
  if (!match || text.length === 0) return undefined;
  return { label: text, strong, colonInside: false, valueStart: index + 2, leadingValue: next.value.slice(match[0].length) };
}

function fieldsOfParagraph(paragraph: Paragraph, lines: LineIndex, firstLineColumn: number): FieldItem[] {
  const fields: FieldItem[] = [];
  const paragraphLines = splitLines(paragraph);
  paragraphLines.forEach((phrasingLine, lineIndex) => {
    const label = labelOf(phrasingLine.nodes);
    if (!label) {
      // Plain text after an empty label on an earlier line fills it (`**설명**:` then the text below).
      const previous = fields[fields.length - 1];
      if (previous && lineIndex > 0 && isBlankValue(previous)) previous.filledByFollowing = true;
      return;
    }
    const valueNodes = phrasingLine.nodes.slice(label.valueStart);
    const value = collapseWhitespace(label.leadingValue + valueNodes.map((node) => toString(node, { includeHtml: false })).join(''));
    const valueHasMedia = value.length === 0 && hasVisibleInline(valueNodes);
    const valueHasEmphasis = valueNodes.some((node) => node.type === 'strong' || node.type === 'emphasis');
    const line = phrasingLine.line;
    const strong = label.strong.position;
    const column = lineIndex === 0 ? firstLineColumn : strong?.start.column ?? firstColumnOf(phrasingLine, lines);
    // A label may wrap onto the next line (`**비즈니스\n목적**:`): the value follows the label's last line.
    const labelEndLine = Math.max(line, strong?.end.line ?? line);
    const endColumn = lines.lineEndColumn(labelEndLine);
    const valueStartColumn = Math.min(valueColumn(label, lines, labelEndLine) ?? endColumn, endColumn);
    fields.push({
      kind: 'field',
      label: label.label,
      labelKey: normalizeKey(label.label),
      value,
      valueHasMedia,
      valueHasEmphasis,
      filledByFollowing: false,
      range: lines.clamp({ line, column, endLine: labelEndLine, endColumn: labelEndLine === line ? Math.max(endColumn, column + 1) : endColumn }),
      valueRange: { line: labelEndLine, column: valueStartColumn, endLine: labelEndLine, endColumn },
    });
  });
  return fields;
}

/** 1-based column just after the label's colon, read from the source line (inline nodes split at line breaks carry no positions). */
function valueColumn(label: Label, lines: LineIndex, line: number): number | undefined {
  const end = label.strong.position?.end;
  if (!end) return undefined;
  if (label.colonInside) return end.column;
  const colon = lines.lineText(line).slice(end.column - 1).search(/[:：]/u);
  return colon < 0 ? undefined : end.column + colon + 1;
}

function firstColumnOf(phrasingLine: PhrasingLine, lines: LineIndex): number {
  const text = lines.lineText(phrasingLine.line);
  return text.length - text.trimStart().length + 1;
}

function scanTable(table: Table, items: ScanItem[]): void {
  const [header, ...body] = table.children;
  if (!header?.position) return;
  const columns = header.children.map((cell, i) => collapseWhitespace(toString(cell)) || `#${i + 1}`);
  const columnKeys = columns.map(normalizeKey);
  if (body.length === 0) {
    items.push({ kind: 'empty-table', columns, range: rangeOf(header.position) });
    return;
  }
  for (const row of body) {
    if (!row.position) continue;
    const cells: string[] = [];
    const blank: boolean[] = [];
    // GFM ignores cells beyond the header's; missing ones are blank.
    for (let i = 0; i < columns.length; i++) {
      const cell = row.children[i];
      const text = cell ? collapseWhitespace(toString(cell, { includeHtml: false })) : '';
      cells.push(text);
      blank.push(!cell || !hasVisibleInline(cell.children));
    }
    items.push({ kind: 'row', columns, columnKeys, cells, blank, range: rangeOf(row.position) });
  }
}

function rangeOf(position: { start: { line: number; column: number }; end: { line: number; column: number } }): Range {
  return { line: position.start.line, column: position.start.column, endLine: position.end.line, endColumn: position.end.column };
}
