/**
 * Placeholder tokens: bracketed text a template asks the author to replace — `{…}`, `[…]`, `<…>` (written `\<…\>`
 * in Markdown), `‹…›` — found anywhere in a rendered text. A token is known by its words, not its brackets:
 * templates change delimiters between versions (`[item 1]` became `{item 1}`), and documents keep
 * whichever version they started from.
 */
import { normalizeKey, splitSectionNumber } from '../parse/text';

export interface PlaceholderToken {
  /** The token as written, brackets included. */
  text: string;
  /** Its words: case-folded, punctuation and spaces removed. The identity of the placeholder. */
  key: string;
  /** Offset of the opening bracket in the scanned text. */
  offset: number;
  /** Alternatives when the token lists short choices separated by `|` (`{proposed | accepted | …}`). */
  options?: string[];
}

const CLOSER: Readonly<Record<string, string>> = { '{': '}', '[': ']', '<': '>', '‹': '›' };
/** The key of an ellipsis (`...`, `…`, with or without a zero-width space): "more of the same may follow". */
export const ELLIPSIS_KEY = '…';
const ELLIPSIS = /^(?:\.{3}|…)[\s\u200b]*$/u;
/** A task box (`[ ]`, `[x]`) is content, not a placeholder. */
const TASK_BOX = /^\s?[xX]?\s?$/u;

export function isEllipsis(text: string): boolean {
  return ELLIPSIS.test(text.trim());
}

/** Every outermost bracketed token with words in it. Unbalanced brackets are left alone. */
export function findPlaceholders(text: string): PlaceholderToken[] {
  const found: PlaceholderToken[] = [];
  const closeOf = matchingCloses(text);
  for (let i = 0; i < text.length; i++) {
    const end = closeOf.get(i);
    if (end === undefined) continue;
    const inner = text.slice(i + 1, end);
    // `a < b` and `x <- y` are not tokens: the words must touch the brackets.
    const touching = text[i] !== '<' || (/^\S/u.test(inner) && /\S$/u.test(inner));
    const key = normalizeKey(inner);
    if (touching && key.length > 0 && !TASK_BOX.test(inner)) {
      found.push({ text: text.slice(i, end + 1), key, offset: i, options: pipeOptions(inner) });
      i = end;
    }
  }
  return found;
}

/** Each opening bracket's matching close (same kind, same line), in one pass: linear on any input. */
function matchingCloses(text: string): Map<number, number> {
  const result = new Map<number, number>();
  const open: Record<string, number[]> = { '{': [], '[': [], '<': [], '‹': [] };
  const openerOf: Record<string, string> = { '}': '{', ']': '[', '>': '<', '›': '‹' };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') for (const stack of Object.values(open)) stack.length = 0;
    else if (open[char]) open[char].push(i);
    else if (openerOf[char]) {
      const start = open[openerOf[char]].pop();
      if (start !== undefined) result.set(start, i);
    }
  }
  return result;
}

/**
 * `{proposed | rejected | accepted | …}`: short alternatives separated by `|` at the token's own level. An
 * ellipsis part ("and so on") is not an option; a part that is a sentence (`justification. e.g., …`) makes the
 * token a description to replace, not a choice.
 */
export function pipeOptions(inner: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i];
    if (CLOSER[char]) depth++;
    else if (Object.values(CLOSER).includes(char)) depth = Math.max(0, depth - 1);
    else if (char === '|' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  if (parts.length < 2) return undefined;
  const options = parts.map((part) => part.trim()).filter((part) => !isEllipsis(part));
  if (options.length < 2 || options.some((part) => part.length === 0 || part.length > 40 || /[,;:.]\s/u.test(part))) return undefined;
  return options;
}

/** The text with its tokens and separators removed: empty when the text is placeholders only. */
export function withoutPlaceholders(text: string, tokens: readonly PlaceholderToken[]): string {
  let rest = '';
  let from = 0;
  for (const token of tokens) {
    rest += text.slice(from, token.offset);
    from = token.offset + token.text.length;
  }
  return (rest + text.slice(from)).replace(/[\s:：,/|"'“”‘’*_-]+/gu, '');
}

/** The template's placeholders still standing in a text: its tokens the template uses, or the template's ellipsis. */
export function templatePlaceholdersIn(text: string, words: ReadonlyMap<string, PlaceholderToken>): PlaceholderToken[] {
  if (isEllipsis(text)) return words.has(ELLIPSIS_KEY) ? [{ text: text.trim(), key: ELLIPSIS_KEY, offset: 0 }] : [];
  if (!/[{[<‹]/u.test(text)) return [];
  return findPlaceholders(text).filter((token) => words.has(token.key));
}

/**
 * A heading title that stands for any number of headings (`{title of option 1}`, `ADR-001: {결정 제목}`,
 * `White Box <building block 1>`, `…`): the keys of its fixed text, in order, digits left out (`ADR-001` is the
 * template's example number). Undefined for an ordinary title.
 */
export function repeatableTitleParts(title: string): string[] | undefined {
  if (isEllipsis(title)) return [];
  const tokens = findPlaceholders(title);
  if (tokens.length === 0) return undefined;
  const parts: string[] = [];
  let from = 0;
  for (const token of tokens) {
    parts.push(title.slice(from, token.offset));
    from = token.offset + token.text.length;
  }
  parts.push(title.slice(from));
  return parts.map((part) => normalizeKey(splitSectionNumber(part).rest).replace(/\d+/gu, '')).filter((key) => key.length > 0);
}

/** Whether a title key (digits ignored) holds the fixed parts of a repeatable title, in order. */
export function fitsRepeatableTitle(key: string, parts: readonly string[]): boolean {
  const text = key.replace(/\d+/gu, '');
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
