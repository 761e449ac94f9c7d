/**
 * Front matter read leniently, line by line: top-level `key: value` pairs with their lines. Template front matter
 * is often not valid YAML (MADR writes unquoted `{…}` values), so no YAML parser is asked: whatever the text,
 * the keys that are there are read and nothing fails.
 */
import { findPlaceholders, type PlaceholderToken } from './placeholders';

export interface FrontMatterEntry {
  key: string;
  /** The value, quotes removed, continuation lines joined with spaces. */
  value: string;
  /** 1-based line of the key in the whole text. */
  line: number;
  /** Marked optional by a YAML comment on its line or by a comment above it that speaks of optional elements. */
  optional: boolean;
  /** The placeholder tokens in the value (an unclosed `"{a | b` is read as if it were closed). */
  tokens: PlaceholderToken[];
}

export interface FrontMatter {
  entries: FrontMatterEntry[];
  /** 1-based lines of the opening and closing `---`. */
  startLine: number;
  endLine: number;
}

const OPEN = /^---[ \t]*$/u;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/u;
const KEY_LINE = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*))?$/u;
/** "optional" in any case, and the Korean 선택 (optional / selective). */
export const OPTIONAL_MARK = /optional|선택/iu;
const CLOSERS: Readonly<Record<string, string>> = { '{': '}', '[': ']', '<': '>', '‹': '›' };

/** The front matter at the very start of the text, or undefined. */
export function readFrontMatter(text: string): FrontMatter | undefined {
  // Only the block itself is split into lines: the document below it may be large.
  const block = /^\uFEFF?---[ \t]*\r?\n(?:[^\n]*\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u.exec(text)?.[0];
  if (!block) return undefined;
  const lines = block.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  if (lines.length < 2 || !OPEN.test(lines[0])) return undefined;
  const end = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (end < 0) return undefined;
  const entries: FrontMatterEntry[] = [];
  let optionalBelow = false;
  for (let i = 1; i < end; i++) {
    const line = lines[i];
    if (/^\s*#/u.test(line)) {
      // A comment line saying the elements are optional applies to the keys below it.
      if (OPTIONAL_MARK.test(line)) optionalBelow = true;
      continue;
    }
    const match = KEY_LINE.exec(line);
    if (match) {
      const { value, optional } = splitComment(match[2] ?? '');
      entries.push({ key: match[1], value, line: i + 1, optional: optionalBelow || optional, tokens: [] });
    } else if (/^\s+\S|^-\s/u.test(line) && entries.length > 0) {
      const last = entries[entries.length - 1];
      last.value = `${last.value} ${line.trim().replace(/^-\s+/u, '')}`.trim();
    }
  }
  for (const entry of entries) {
    entry.value = unquote(entry.value);
    entry.tokens = tokensOf(entry.value);
  }
  return { entries, startLine: 1, endLine: end + 1 };
}

/** `value # optional` → the value, and whether its comment marks it optional. A `#` inside quotes is text. */
function splitComment(raw: string): { value: string; optional: boolean } {
  const quoted = /^\s*(["']).*\1/u.exec(raw);
  const searchFrom = quoted ? quoted[0].length : 0;
  const hash = raw.slice(searchFrom).search(/\s#/u);
  if (hash < 0) return { value: raw.trim(), optional: false };
  const at = searchFrom + hash;
  return { value: raw.slice(0, at).trim(), optional: OPTIONAL_MARK.test(raw.slice(at)) };
}

function unquote(value: string): string {
  const match = /^(["'])([\s\S]*)\1$/u.exec(value) ?? /^(["'])([\s\S]*)$/u.exec(value);
  return match ? match[2].trim() : value;
}

function tokensOf(raw: string): PlaceholderToken[] {
  // Links and images read as their text, as they render: `![arc42](logo.png) Template`, `[ADR-0005](0005-x.md)`.
  const value = raw.replace(/!?\[([^[\]\n]*)\]\([^()\s]*\)/gu, '$1');
  const tokens = findPlaceholders(value);
  const closer = CLOSERS[value[0] ?? ''];
  if (tokens.length > 0 || !closer) return tokens;
  // `"{proposed | accepted | … | superseded by ADR-0123"`: the closing brace was forgotten.
  return findPlaceholders(`${value}${closer}`);
}
