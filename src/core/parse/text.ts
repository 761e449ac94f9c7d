/** String normalisation shared by template compilation, matching and the rules. */

/** `2.2.1 `, `1. `, `1.개요`; not the digits of `3D 모델`, `5G` or `4+1 뷰`. */
const LEADING_NUMBER = /^\s*(\d+(?:\.\d+)*)(?:\.|(?=\s)|$)/u;
const PUNCTUATION_OR_SPACE = /[\p{P}\p{S}\s]+/gu;
const PARENTHESISED = /\([^()]*\)|\[[^[\]]*\]|（[^（）]*）/gu;

/** Splits `2.2.1 성능 요구사항` into its number (`[2,2,1]`) and the rest. */
export function splitSectionNumber(title: string): { number?: number[]; rest: string } {
  const match = LEADING_NUMBER.exec(title);
  if (!match) return { rest: title.trim() };
  return { number: match[1].split('.').map(Number), rest: title.slice(match[0].length).trim() };
}

/** Case-folded, punctuation and whitespace removed: the key used to compare titles and labels. */
export function normalizeKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(PUNCTUATION_OR_SPACE, '');
}

export interface TitleKeys {
  full: string;
  /** Without parenthesised asides: `개요 (Executive Summary)` → `개요`. */
  core: string;
  /** The asides themselves, which name the section too: `지속적 통합 (CI)` → `ci`. */
  asides: string[];
}

export function titleKeys(title: string): TitleKeys {
  const { rest } = splitSectionNumber(title);
  const full = normalizeKey(rest);
  const core = normalizeKey(rest.replace(PARENTHESISED, ' '));
  const asides = [...rest.matchAll(PARENTHESISED)].map((match) => normalizeKey(match[0])).filter((key) => key.length >= 2);
  return { full, core: core || full, asides };
}

/** Dice coefficient over character bigrams: 1 for equal strings, 0 for nothing in common. */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const countsA = bigramCounts(a);
  const countsB = bigramCounts(b);
  const [fewer, more] = countsA.size <= countsB.size ? [countsA, countsB] : [countsB, countsA];
  // Bigrams in common, each as often as it occurs on both sides.
  let shared = 0;
  for (const [bigram, count] of fewer) {
    const other = more.get(bigram);
    if (other !== undefined) shared += Math.min(count, other);
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** Bigram counts per title key: section matching compares the same keys many times over. Bounded. */
const bigramCache = new Map<string, Map<string, number>>();

export function bigramCounts(text: string): Map<string, number> {
  let counts = bigramCache.get(text);
  if (counts) return counts;
  counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const bigram = text.slice(i, i + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  if (bigramCache.size >= 16384) bigramCache.clear();
  bigramCache.set(text, counts);
  return counts;
}

/** Whitespace other than a single space between words: what `collapseWhitespace` has to replace. */
const UNCOLLAPSED = /[^\S ]| {2}/u;

/** Whitespace collapsed and trimmed, for comparing a value with the template's text. */
export function collapseWhitespace(text: string): string {
  // Most texts have only single spaces: trimming is then all there is to do, without building a new string.
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/gu, ' ').trim() : text.trim();
}

/** `Azure / AWS/GCP` → `azure/aws/gcp`: the comparable form of an option list. */
export function optionListKey(text: string): string {
  return collapseWhitespace(text).replace(/\s*\/\s*/gu, '/').normalize('NFKC').toLowerCase();
}

/**
 * A slash-separated list of alternatives (`Azure/AWS/GCP`, `99.9% / 99.99% / 99.999%`): one line, at least two
 * non-empty parts, no commas or sentence punctuation, each part short. Returns the parts, or undefined.
 */
export function parseOptionList(text: string): string[] | undefined {
  const value = collapseWhitespace(text);
  if (!value.includes('/') || /[,;:()\n]|\/\/|https?:/u.test(value)) return undefined;
  const parts = value.split('/').map((part) => part.trim());
  if (parts.length < 2 || parts.some((part) => part.length === 0 || part.length > 40)) return undefined;
  return parts;
}

/** Placeholder texts compare without spaces and with full-width punctuation folded: `{문서명} ：{파일 위치}`. */
export function placeholderKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * The words of a title that carry meaning, for comparing wordings (`System Scope and Context` ~ `Context and
 * Scope`): Latin words of four letters or more, other words of two or more; number and asides' brackets dropped.
 */
export function titleWords(title: string): Set<string> {
  const words = new Set<string>();
  for (const word of splitSectionNumber(title).rest.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 4 || (word.length >= 2 && /[^\p{ASCII}]/u.test(word))) words.add(word);
  }
  return words;
}

/**
 * A left-over marker that stands where content should be: `TODO`, `TBD`, `FIXME` (alone, or upper-case with a note,
 * or in parentheses: `(TODO: 환경 목록)`), `작성 예정`, `추후 작성`. Not `-`, `N/A`, `해당 없음`: those are answers.
 */
const LEFTOVER_ALONE = /^[([]?\s*(?:todo|tbd|fixme)\s*[.!]?\s*[)\]]?$/iu;
const LEFTOVER_WITH_NOTE = /^(?:\(\s*(?:TODO|TBD|FIXME)\b[^()]*\)|(?:TODO|TBD|FIXME)(?:\s*[:：-]|\s)\s*.{0,80})$/u;
const LEFTOVER_KOREAN = /^[([]?\s*(?:작성\s*예정|추후\s*작성|나중에\s*작성)[^()\n]{0,20}[)\]]?$/u;

export function isLeftoverMarker(text: string): boolean {
  const value = collapseWhitespace(text);
  return LEFTOVER_ALONE.test(value) || LEFTOVER_WITH_NOTE.test(value) || LEFTOVER_KOREAN.test(value);
}
