/**
 * Matches the document's sections to the template's. The rule (README, "How sections are matched"):
 *  1. same title: number, punctuation, case and spaces ignored; `(…)` asides may be dropped on either side, or
 *     stand for the title (`CI (GitHub Actions)` is `지속적 통합 (CI)`);
 *  2. a slightly renamed title: character-bigram similarity ≥ 0.6 (≥ 0.85 when both are numbered differently; never
 *     when the titles differ only in a number in their words, `Level 1` and `Level 3`),
 *     inside the section matched to the nearest matched template ancestor (so `AI 서비스 매핑` matches
 *     `AI 서비스/모델 매핑`);
 *  3. renamed in place: an unmatched direct child of the parent's match under which most of the template section's
 *     sub-sections were found; or one with the same last number component and
 *     either some title likeness (≥ 0.25), the template's fields/columns (≥ 30 % shared), or a diagram where the
 *     template has only a diagram placeholder; or with most of the template's fields/columns (≥ 50 % shared)
 *     whatever its number.
 *  4. reworded in place: an unmatched direct child of the parent's match, between the matches of the template
 *     section's neighbours, sharing most of its meaningful words (`System Scope and Context` is `Context and Scope`,
 *     `Design Decisions` is `Architecture Decisions`);
 *  5. repeatable: a template heading whose title is or holds a placeholder (`{title of option 1}`,
 *     `ADR-001: {결정 제목}`, `<Runtime Scenario n>`) takes every remaining direct child of its parent's match that
 *     has its fixed words; sibling placeholder headings form one group.
 * Rule 1 runs over the whole template first, through an index of titles (a renumbered section keeps its exact match;
 * a same-titled heading elsewhere must not contradict the number); rules 2–4 then run parents before children, twice
 * (a neighbour matched late makes a reworded section known), and rule 5 last. Each document section matches at most
 * one template section.
 */
import type { ScanItem } from '../template/scan';
import { type DocSection, isWithin, lastDescendant } from '../parse/sections';
import { fitsRepeatableTitle } from '../template/placeholders';
import { bigramCounts, bigramSimilarity, normalizeKey, type TitleKeys, titleWords } from '../parse/text';
import type { TemplateSection } from '../template/template';

const SIMILAR_TITLE = 0.6;
/** Similar titles under different numbers (`8.1.3 API Gateway 모니터링` vs `8.1.1 API Gateway`) must be closer. */
const SIMILAR_TITLE_OTHER_NUMBER = 0.85;
const MOSTLY_FOUND_CHILDREN = 0.5;
const LIKE_TITLE = 0.25;
const SHARED_SIGNATURE = 0.3;
const MOSTLY_SHARED_SIGNATURE = 0.5;
const MIN_KEY_LENGTH_FOR_SIMILARITY = 4;
/** Up to this many leftovers inside an anchor are compared one by one; beyond, the bigram index picks candidates. */
const FEW_LEFTOVERS = 64;
/** Meaningful words two wordings of one section share (Jaccard): `Design Decisions` ~ `Architecture Decisions`. */
const SHARED_WORDS = 1 / 3;

export interface SectionMatching {
  /** Template section → its document section (for a repeatable one, the first of its headings). */
  match: Map<TemplateSection, DocSection>;
  /** Document section → its template section, every heading of a repeatable section included. */
  templateOf: Map<DocSection, TemplateSection>;
  /** Document sections matched under another title than their template section's (renamed or reworded). */
  renamed: Set<DocSection>;
}

export function matchSections(
  templateSections: readonly TemplateSection[],
  docSections: readonly DocSection[],
  contentRoot: DocSection,
  itemsOf: (section: DocSection) => readonly ScanItem[],
): SectionMatching {
  const match = new Map<TemplateSection, DocSection>();
  const templateOf = new Map<DocSection, TemplateSection>();
  const renamed = new Set<DocSection>();
  const used = new Set<DocSection>();
  // Title similarities are asked for again and again in the loops below: compute each pair once.
  const similarities = new Map<TemplateSection, Map<DocSection, number>>();
  const titleSimilarity = (template: TemplateSection, doc: DocSection): number => {
    let byDoc = similarities.get(template);
    if (!byDoc) similarities.set(template, (byDoc = new Map()));
    let score = byDoc.get(doc);
    if (score === undefined) byDoc.set(doc, (score = computeTitleSimilarity(template, doc)));
    return score;
  };
  const anchorOf = (section: TemplateSection): DocSection => {
    for (let parent = section.parent; parent; parent = parent.parent) {
      const found = match.get(parent);
      if (found) return found;
    }
    return contentRoot;
  };
  const assign = (template: TemplateSection, doc: DocSection | undefined) => {
    if (!doc) return;
    if (!match.has(template)) match.set(template, doc);
    templateOf.set(doc, template);
    used.add(doc);
  };

  const titles = indexTitles(docSections);
  for (const template of templateSections) {
    const anchor = anchorOf(template);
    const candidates = titles.sameTitled(template).filter((doc) => !used.has(doc));
    // Where the template puts it first; deeper or elsewhere only when its number does not say otherwise
    // (`### 9.3 개요` is not the template's `## 1. 개요`).
    assign(
      template,
      candidates.find((doc) => doc.parent === anchor) ??
        candidates.find((doc) => isWithin(doc, anchor) && !numbersDiffer(template, doc)) ??
        candidates.find((doc) => !numbersDiffer(template, doc)),
    );
  }

  // Similar titles are compared only among what exact titles left over, and only inside the anchor: in document
  // order, a section's sub-sections are the run of sections that follows it up to its last descendant.
  const leftoverDocs = docSections.filter((doc) => !used.has(doc)).sort((a, b) => a.order - b.order);
  const similarCandidates = bigramIndex(leftoverDocs);
  /** The leftovers inside the anchor that may have a similar title: all of a few, or those the bigram index names. */
  const candidatesWithin = (template: TemplateSection, anchor: DocSection): DocSection[] => {
    const last = lastDescendant(anchor).order;
    const from = firstAfter(leftoverDocs, anchor.order);
    const to = firstAfter(leftoverDocs, last);
    if (to - from <= FEW_LEFTOVERS) return leftoverDocs.slice(from, to);
    return similarCandidates(template.keys).filter((doc) => doc.order > anchor.order && doc.order <= last);
  };
  const unmatchedTemplates = templateSections.filter((template) => !match.has(template));
  const similarTemplates = bigramIndex(unmatchedTemplates);
  /** Per heading, the template sections that resemble it enough, most alike first: computed once, read by each candidate. */
  const rivalsOf = new Map<DocSection, Array<{ other: TemplateSection; score: number }>>();
  const resemblesAnotherMore = (template: TemplateSection, doc: DocSection, score: number): boolean => {
    let rivals = rivalsOf.get(doc);
    if (!rivals) {
      rivals = similarTemplates(doc.keys)
        .filter((other) => similarityBound(other, doc) >= SIMILAR_TITLE)
        .map((other) => ({ other, score: titleSimilarity(other, doc) }))
        .filter((rival) => rival.score >= SIMILAR_TITLE)
        .sort((a, b) => b.score - a.score);
      rivalsOf.set(doc, rivals);
    }
    for (const rival of rivals) {
      if (rival.score < score) return false;
      if (rival.other === template || match.has(rival.other)) continue;
      if (rival.score > score || (fitsInPlace(rival.other, doc) && !fitsInPlace(template, doc))) return true;
    }
    return false;
  };
  const similarTitle = (template: TemplateSection, anchor: DocSection): DocSection | undefined => {
    let best: DocSection | undefined;
    let bestScore = SIMILAR_TITLE;
    for (const doc of candidatesWithin(template, anchor)) {
      if (used.has(doc) || similarityBound(template, doc) < bestScore) continue;
      const score = titleSimilarity(template, doc);
      if (score < bestScore || (best && score === bestScore)) continue;
      if ((score < SIMILAR_TITLE_OTHER_NUMBER && numbersDiffer(template, doc)) || countsDiffer(template.keys.full, doc.keys.full)) continue;
      // Leave the heading to another unmatched template section that resembles it more (4.2.2 바운디드 컨텍스트
      // rather than 4.1 시스템 컨텍스트 다이어그램 for `바운디드 컨텍스트 다이어그램`), or as much but in its place (a
      // `Decision` after `Considered Options` is `Decision Outcome`, not `Decision Drivers` before them).
      if (resemblesAnotherMore(template, doc, score)) continue;
      best = doc;
      bestScore = score;
    }
    return best;
  };
  /** Whether the template section's place lies between the template places of the heading's matched neighbours. */
  const fitsInPlace = (template: TemplateSection, doc: DocSection): boolean => {
    const siblings = doc.parent?.children ?? [];
    const at = siblings.indexOf(doc);
    let before = -1;
    for (let i = at - 1; i >= 0 && before < 0; i--) before = templateOf.get(siblings[i])?.order ?? -1;
    let after = Number.POSITIVE_INFINITY;
    for (let i = at + 1; i < siblings.length && after === Number.POSITIVE_INFINITY; i++) after = templateOf.get(siblings[i])?.order ?? Number.POSITIVE_INFINITY;
    return before < template.order && template.order < after;
  };
  const renamedInPlace = (template: TemplateSection): DocSection | undefined => {
    const parentMatch = template.parent ? match.get(template.parent) : contentRoot;
    if (!parentMatch) return undefined;
    const lastNumber = template.number?.[template.number.length - 1];
    return parentMatch.children.find((doc) => {
      if (used.has(doc)) return false;
      // Most of the template section's sub-sections were found under this heading: it is that section renamed.
      const children = template.children.length;
      if (children > 0 && template.children.filter((child) => match.get(child)?.parent === doc).length / children >= MOSTLY_FOUND_CHILDREN) return true;
      const items = itemsOf(doc);
      const shared = signatureOverlap(template.signature, items);
      if (shared >= MOSTLY_SHARED_SIGNATURE) return true;
      const docNumber = doc.number?.[doc.number.length - 1];
      if (lastNumber === undefined || docNumber !== lastNumber) return false;
      // A diagram slot kept its place: the template asks for a diagram and the document section draws one.
      const diagramKept = template.placeholderCount > 0 && template.signature.size === 0 && items.some((item) => item.kind === 'fence');
      return diagramKept || titleSimilarity(template, doc) >= LIKE_TITLE || shared >= SHARED_SIGNATURE;
    });
  };

  /**
   * The one unmatched direct child of the parent's match between the matches of the template section's neighbours,
   * where the template section is the one unmatched section between them, worded alike and not numbered otherwise.
   */
  const rewordedInPlace = (template: TemplateSection): DocSection | undefined => {
    const parentMatch = template.parent ? match.get(template.parent) : contentRoot;
    const words = titleWords(template.title);
    if (!parentMatch || words.size === 0) return undefined;
    const siblings = template.parent ? template.parent.children : templateSections.filter((section) => !section.parent);
    const matchedOrder = (sibling: TemplateSection) => {
      const doc = match.get(sibling);
      return doc?.parent === parentMatch ? doc.order : undefined;
    };
    const at = siblings.indexOf(template);
    let from = at;
    while (from > 0 && matchedOrder(siblings[from - 1]) === undefined) from--;
    let to = at + 1;
    while (to < siblings.length && matchedOrder(siblings[to]) === undefined) to++;
    if (to - from !== 1) return undefined;
    const after = from > 0 ? matchedOrder(siblings[from - 1])! : -1;
    const before = to < siblings.length ? matchedOrder(siblings[to])! : Infinity;
    const between = parentMatch.children.filter((doc) => doc.order > after && doc.order < before && !used.has(doc));
    if (between.length !== 1 || numbersDiffer(template, between[0])) return undefined;
    const docWords = titleWords(between[0].title);
    let shared = 0;
    for (const word of docWords) if (words.has(word)) shared++;
    return shared / (words.size + docWords.size - shared) >= SHARED_WORDS ? between[0] : undefined;
  };

  // Parents before children, so that a renamed parent claims its heading before a child's look-alike does.
  // A repeatable section's placeholder title resembles nothing: its headings are gathered last.
  // A second pass for what is still unmatched: a reworded section is known by its neighbours' matches, and a later
  // neighbour may be matched only after it (`6. Runtime Scenarios` before `7. Deployment`).
  for (let pass = 0; pass < 2; pass++) {
    for (const template of templateSections) {
      if (match.has(template) || template.repeatableParts) continue;
      const found = similarTitle(template, anchorOf(template)) ?? renamedInPlace(template) ?? rewordedInPlace(template);
      assign(template, found);
      if (found) renamed.add(found);
    }
  }

  for (const group of repeatableGroups(templateSections)) {
    const parent = group[0].parent;
    const anchor = parent ? match.get(parent) : contentRoot;
    if (!anchor) continue;
    for (const doc of anchor.children) {
      if (used.has(doc)) continue;
      const fitting = group.filter((template) => fitsRepeatableTitle(doc.keys.full, template.repeatableParts!));
      // Where group members differ in body (`<Name black box 1>`, `<Name interface 1>`), the one whose fields it has.
      const items = itemsOf(doc);
      const best = fitting.reduce<TemplateSection | undefined>((chosen, template) => (!chosen || signatureOverlap(template.signature, items) > signatureOverlap(chosen.signature, items) ? template : chosen), undefined);
      if (best) assign(best, doc);
    }
  }
  return { match, templateOf, renamed };
}

/** Sibling template sections with placeholder titles, in template order: each group stands for any number of headings. */
function repeatableGroups(templateSections: readonly TemplateSection[]): TemplateSection[][] {
  const groups = new Map<TemplateSection | undefined, TemplateSection[]>();
  for (const template of templateSections) {
    if (!template.repeatableParts) continue;
    const group = groups.get(template.parent) ?? [];
    group.push(template);
    groups.set(template.parent, group);
  }
  return [...groups.values()];
}

/** The group of sibling placeholder headings a template section belongs to, or undefined for an ordinary section. */
export function repeatableGroup(template: TemplateSection, topLevel: readonly TemplateSection[]): TemplateSection[] | undefined {
  if (!template.repeatableParts) return undefined;
  return (template.parent ? template.parent.children : topLevel).filter((sibling) => sibling.repeatableParts);
}

/**
 * Document sections by title key, so that exact titles are found without a pairwise scan. Same title: equal full or
 * core titles, or one side's title equal to the other's aside (`CI` ~ `지속적 통합 (CI)`).
 */
function indexTitles(docSections: readonly DocSection[]): { sameTitled: (template: TemplateSection) => DocSection[] } {
  const byName = new Map<string, DocSection[]>();
  const byAside = new Map<string, DocSection[]>();
  const add = (index: Map<string, DocSection[]>, key: string, doc: DocSection) => {
    const list = index.get(key);
    if (!list) index.set(key, [doc]);
    else if (list[list.length - 1] !== doc) list.push(doc);
  };
  docSections.forEach((doc) => {
    add(byName, doc.keys.full, doc);
    add(byName, doc.keys.core, doc);
    for (const aside of doc.keys.asides) add(byAside, aside, doc);
  });
  const position = new Map(docSections.map((doc, i) => [doc, i]));
  return {
    sameTitled: (template) => {
      const own = template.keys;
      if (!own.full) return [];
      const found = new Set<DocSection>();
      for (const key of [own.full, own.core]) {
        byName.get(key)?.forEach((doc) => found.add(doc));
        byAside.get(key)?.forEach((doc) => found.add(doc));
      }
      for (const aside of own.asides) byName.get(aside)?.forEach((doc) => found.add(doc));
      return [...found].sort((a, b) => position.get(a)! - position.get(b)!);
    },
  };
}

/**
 * Sections (of the document or the template) whose titles may reach SIMILAR_TITLE with given title keys, in order:
 * those sharing a bigram with the keys' rarest bigrams. A title of n bigrams needs ⌈0.6·n / 1.4⌉ of them in common
 * with another for a Dice score of 0.6, so any n − that + 1 of them include one it shares (the prefix filter of
 * similarity joins): the candidates are all the titles that can reach the threshold. Comparing every leftover with
 * every unmatched section instead would make matching quadratic.
 */
function bigramIndex<T extends { keys: TitleKeys; order: number }>(sections: readonly T[]): (keys: TitleKeys) => T[] {
  const byBigram = new Map<string, T[]>();
  for (const section of sections) {
    for (const key of similarityKeys(section.keys)) {
      for (const bigram of bigramCounts(key).keys()) {
        const list = byBigram.get(bigram);
        if (!list) byBigram.set(bigram, [section]);
        else if (list[list.length - 1] !== section) list.push(section);
      }
    }
  }
  const frequency = (bigram: string) => byBigram.get(bigram)?.length ?? 0;
  return (keys) => {
    const found = new Set<T>();
    for (const key of similarityKeys(keys)) {
      const bigrams = key.length - 1;
      // The epsilon keeps a product that should be whole from rounding up past it.
      const needed = Math.ceil((SIMILAR_TITLE * bigrams) / (2 - SIMILAR_TITLE) - 1e-9);
      let left = bigrams - needed + 1;
      for (const [bigram, count] of [...bigramCounts(key)].sort((a, b) => frequency(a[0]) - frequency(b[0]))) {
        if (left <= 0) break;
        byBigram.get(bigram)?.forEach((section) => found.add(section));
        left -= count;
      }
    }
    return [...found].sort((a, b) => a.order - b.order);
  };
}

/** The title keys that similarity compares: the full and the core title, when long enough. */
function similarityKeys(keys: TitleKeys): string[] {
  return (keys.core === keys.full ? [keys.full] : [keys.full, keys.core]).filter((key) => key.length >= MIN_KEY_LENGTH_FOR_SIMILARITY);
}

function computeTitleSimilarity(template: TemplateSection, doc: DocSection): number {
  return bestOverKeys(template, doc, bigramSimilarity);
}

/** An upper bound of `computeTitleSimilarity` from the key lengths alone: most pairs are ruled out without bigrams. */
function similarityBound(template: TemplateSection, doc: DocSection): number {
  return bestOverKeys(template, doc, (a, b) => (2 * Math.min(a.length - 1, b.length - 1)) / (a.length - 1 + (b.length - 1)));
}

/** The best score over the full and core keys of both titles (each distinct pair once), short keys left out. */
function bestOverKeys(template: TemplateSection, doc: DocSection, score: (a: string, b: string) => number): number {
  let best = 0;
  for (const a of similarityKeys(template.keys)) for (const b of similarityKeys(doc.keys)) best = Math.max(best, score(a, b));
  return best;
}

/** Titles that differ only in a number in their words name different things: `Level 1` is not `Level 3` renamed. */
function countsDiffer(a: string, b: string): boolean {
  const digits = (key: string) => key.match(/\d+/gu)?.join(' ') ?? '';
  const [digitsA, digitsB] = [digits(a), digits(b)];
  return digitsA !== digitsB && digitsA !== '' && digitsB !== '' && a.replace(/\d+/gu, '') === b.replace(/\d+/gu, '');
}

function numbersDiffer(template: TemplateSection, doc: DocSection): boolean {
  const a = template.number?.[template.number.length - 1];
  const b = doc.number?.[doc.number.length - 1];
  return a !== undefined && b !== undefined && a !== b;
}

/** Index of the first section after `order` in sections sorted by order. */
function firstAfter(sections: readonly DocSection[], order: number): number {
  let low = 0;
  let high = sections.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sections[middle].order <= order) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Share of the template section's labels and columns that the document section also has (Jaccard). */
function signatureOverlap(signature: ReadonlySet<string>, items: readonly ScanItem[]): number {
  if (signature.size < 2) return 0;
  const docKeys = new Set<string>();
  for (const item of items) {
    if (item.kind === 'field') docKeys.add(item.labelKey);
    else if (item.kind === 'row') item.columnKeys.forEach((key) => docKeys.add(key));
    else if (item.kind === 'empty-table') item.columns.forEach((column) => docKeys.add(normalizeKey(column)));
  }
  if (docKeys.size < 2) return 0;
  let shared = 0;
  for (const key of signature) if (docKeys.has(key)) shared++;
  return shared / (signature.size + docKeys.size - shared);
}
