/**
 * Slots inside a document's text, read through its template: the template's placeholders still standing anywhere
 * in a value, cell or sentence, `{a | b}` lists left unchosen, and left-over markers (`TODO`, `작성 예정`).
 */
import type { LineIndex, Range } from '../parse/lines';
import { excerpt } from './messages';
import { type PlaceholderToken, templatePlaceholdersIn } from '../template/placeholders';
import type { ScanItem } from '../template/scan';
import type { Template } from '../template/template';
import { isLeftoverMarker, normalizeKey, placeholderKey } from '../parse/text';
import type { FindingData } from './rule';

export interface InlineSlot {
  kind: 'placeholder' | 'options' | 'todo';
  range: Range;
  params: Record<string, string>;
  data?: FindingData;
}

/** `Status: {a | b}`: a plain label before one token, which is then the label's value. */
const PLAIN_LABEL = /^([^:：{}[\]<>‹›]{1,40})[:：]\s*$/u;
const LABELLED_VALUE = /^([^:：{}[\]<>‹›()]{1,40})[:：]\s*(\S.*)$/u;

/**
 * The texts of an item where placeholders may stand, each with the range it is reported on and, for a value (of
 * a field, a cell, a front-matter key, or a plain `Label: …` text), the label it belongs to.
 */
function textsOf(item: ScanItem): Array<{ text: string; range: Range; label?: string }> {
  switch (item.kind) {
    case 'field':
      return item.value.length > 0 ? [{ text: item.value, range: item.range, label: item.label }] : [];
    case 'meta':
      return item.value.length > 0 ? [{ text: item.value, range: item.range, label: item.key }] : [];
    case 'row':
      return item.cells.map((cell, i) => ({ text: cell, range: item.range, label: item.columns[i] }));
    case 'text':
      return [{ text: item.prose, range: item.range }];
    default:
      return [];
  }
}

/** The label whose value the token is, when it is one: a `{a | b}` list there is a choice, elsewhere a description. */
function valueLabel(text: string, token: PlaceholderToken, label: string | undefined): string | undefined {
  const before = text.slice(0, token.offset);
  const after = text.slice(token.offset + token.text.length).trim();
  if (label !== undefined) return before.trim() === '' && after === '' ? label : undefined;
  return after === '' ? PLAIN_LABEL.exec(before)?.[1].trim() : undefined;
}

/** Three rules read the same item's slots: computed once per item and template. */
const cache = new WeakMap<ScanItem, { template: Template; slots: InlineSlot[] }>();

export function inlineSlots(item: ScanItem, template: Template, lines: LineIndex): InlineSlot[] {
  const cached = cache.get(item);
  if (cached?.template === template) return cached.slots;
  const slots = computeSlots(item, template, lines);
  cache.set(item, { template, slots });
  return slots;
}

function computeSlots(item: ScanItem, template: Template, lines: LineIndex): InlineSlot[] {
  const slots: InlineSlot[] = [];
  for (const { text, range, label } of textsOf(item)) {
    const tokens = templatePlaceholdersIn(text, template.placeholderWords);
    // A text that is, as a whole, one of the template's placeholder texts (`{문서명}: {파일 위치}`) is one placeholder.
    if (tokens.length !== 1 && template.placeholderTokens.has(placeholderKey(text))) {
      slots.push({ kind: 'placeholder', range, params: { text: excerpt(text) } });
      continue;
    }
    for (const token of tokens) slots.push(tokenSlot(token, template, range, lines, valueLabel(text, token, label)));
    if (tokens.length > 0) continue;
    // `Owners: TBD` in a plain `Label: value` line is the label's value left as a marker.
    const labelled = label === undefined && !isLeftoverMarker(text) ? LABELLED_VALUE.exec(text) : null;
    const value = labelled ? labelled[2] : text;
    if (isLeftoverMarker(value)) slots.push({ kind: 'todo', range, params: { text: excerpt(value), label: labelled?.[1].trim() ?? label ?? '' } });
  }
  return slots;
}

function tokenSlot(token: PlaceholderToken, template: Template, itemRange: Range, lines: LineIndex, label: string | undefined): InlineSlot {
  const found = locate(token, itemRange, lines);
  // A field's (or cell's) value is reported on the field, where its label starts, even when the label wraps.
  const located = label === undefined ? found : { ...found, line: itemRange };
  const options = label === undefined ? undefined : template.placeholderWords.get(token.key)?.options;
  if (options && label !== undefined) {
    return {
      kind: 'options',
      range: located.line,
      params: { label, raw: excerpt(token.text, 60) },
      // Without the token's exact place, a "choose" fix could only replace too much: offer none.
      data: located.token ? { kind: 'options', options, value: located.token } : undefined,
    };
  }
  return { kind: 'placeholder', range: located.line, params: { text: excerpt(token.text) } };
}

/** The line of the item that holds the token (its words), and the token's own range when the source spells it as read. */
function locate(token: PlaceholderToken, itemRange: Range, lines: LineIndex): { line: Range; token?: Range } {
  for (let line = itemRange.line; line <= itemRange.endLine; line++) {
    const source = lines.lineText(line);
    if (token.key.length > 0 && !normalizeKey(source).includes(token.key)) continue;
    const column = line === itemRange.line ? itemRange.column : source.length - source.trimStart().length + 1;
    const at = source.indexOf(token.text);
    const tokenRange = at < 0 ? undefined : { line, column: at + 1, endLine: line, endColumn: at + 1 + token.text.length };
    return { line: lines.lineRange(line, column), token: tokenRange };
  }
  return { line: itemRange };
}

/** What "mark as not applicable" replaces: the value of a field or front-matter key. */
export function valueData(item: ScanItem): FindingData | undefined {
  if (item.kind === 'field') return { kind: 'field', label: item.label, value: item.valueRange };
  if (item.kind === 'meta') return { kind: 'field', label: item.key, value: item.valueRange };
  return undefined;
}
