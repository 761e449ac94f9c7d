/**
 * Matches the document's sections to the template's. The rule (README, "How sections are matched"):
 *  1. same title: number, punctuation, case and spaces ignored; `(…)` asides may be dropped on either side, or
 *     stand for the title (`CI (GitHub Actions)` is `지속적 통합 (CI)`);
 *  2. a slightly renamed title: character-bigram similarity ≥ 0.6 (≥ 0.85 when both are numbered differently),
 *     inside the section matched to the nearest matched template ancestor (so `AI 서비스 매핑` matches
 *     `AI 서비스/모델 매핑`);
 *  3. renamed in place: an unmatched direct child of the parent's match under which most of the template section's
 *     sub-sections were found; or one with the same last number component and
 *     either some title likeness (≥ 0.25), the template's fields/columns (≥ 30 % shared), or a diagram where the
 *     template has only a diagram placeholder; or with most of the template's fields/columns (≥ 50 % shared)
 *     whatever its number.
 * Rule 1 runs over the whole template first (a renumbered section keeps its exact match; a same-titled heading
 * elsewhere must not contradict the number); rules 2–3 then run
 * parents before children. Each document section matches at most one template section.
 */
import type { ScanItem } from './scan';
import type { DocSection } from './sections';
import { bigramSimilarity, normalizeKey } from './text';
import type { TemplateSection } from './template';

const SIMILAR_TITLE = 0.6;
/** Similar titles under different numbers (`8.1.3 API Gateway 모니터링` vs `8.1.1 API Gateway`) must be closer. */
const SIMILAR_TITLE_OTHER_NUMBER = 0.85;
const MOSTLY_FOUND_CHILDREN = 0.5;
const LIKE_TITLE = 0.25;
const SHARED_SIGNATURE = 0.3;
const MOSTLY_SHARED_SIGNATURE = 0.5;
const MIN_KEY_LENGTH_FOR_SIMILARITY = 4;

export type SectionMatch = Map<TemplateSection, DocSection>;

export function matchSections(
  templateSections: readonly TemplateSection[],
  docSections: readonly DocSection[],
  contentRoot: DocSection,
  itemsOf: (section: DocSection) => readonly ScanItem[],
): SectionMatch {
  const match: SectionMatch = new Map();
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
    match.set(template, doc);
    used.add(doc);
  };

  for (const template of templateSections) {
    const anchor = anchorOf(template);
    const candidates = docSections.filter((doc) => !used.has(doc) && sameTitle(template, doc));
    // Where the template puts it first; deeper or elsewhere only when its number does not say otherwise
    // (`### 9.3 개요` is not the template's `## 1. 개요`).
    assign(
      template,
      candidates.find((doc) => doc.parent === anchor) ??
        candidates.find((doc) => isWithin(doc, anchor) && !numbersDiffer(template, doc)) ??
        candidates.find((doc) => !numbersDiffer(template, doc)),
    );
  }

  const similarTitle = (template: TemplateSection, anchor: DocSection): DocSection | undefined => {
    let best: DocSection | undefined;
    let bestScore = SIMILAR_TITLE;
    for (const doc of docSections) {
      if (used.has(doc) || !isWithin(doc, anchor)) continue;
      const score = titleSimilarity(template, doc);
      if (score < bestScore || (best && score === bestScore)) continue;
      if (score < SIMILAR_TITLE_OTHER_NUMBER && numbersDiffer(template, doc)) continue;
      // Leave the heading to another unmatched template section that resembles it more (4.2.2 바운디드 컨텍스트
      // rather than 4.1 시스템 컨텍스트 다이어그램 for `바운디드 컨텍스트 다이어그램`).
      if (templateSections.some((other) => other !== template && !match.has(other) && titleSimilarity(other, doc) > score)) continue;
      {
        best = doc;
        bestScore = score;
      }
    }
    return best;
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

  // Parents before children, so that a renamed parent claims its heading before a child's look-alike does.
  for (const template of templateSections) {
    if (match.has(template)) continue;
    assign(template, similarTitle(template, anchorOf(template)) ?? renamedInPlace(template));
  }
  return match;
}

/** Equal full or core titles, or one side's title equal to the other's aside (`CI` ~ `지속적 통합 (CI)`). */
function sameTitle(template: TemplateSection, doc: DocSection): boolean {
  const own = template.keys;
  if (!own.full) return false;
  const other = doc.keys;
  // Written out rather than with arrays: this runs for every (template section, document section) pair.
  return (
    own.full === other.full ||
    own.full === other.core ||
    own.core === other.full ||
    own.core === other.core ||
    own.asides.includes(other.full) ||
    own.asides.includes(other.core) ||
    other.asides.includes(own.full) ||
    other.asides.includes(own.core)
  );
}

function computeTitleSimilarity(template: TemplateSection, doc: DocSection): number {
  let best = 0;
  for (const a of [template.keys.full, template.keys.core]) {
    for (const b of [doc.keys.full, doc.keys.core]) {
      if (a.length < MIN_KEY_LENGTH_FOR_SIMILARITY || b.length < MIN_KEY_LENGTH_FOR_SIMILARITY) continue;
      best = Math.max(best, bigramSimilarity(a, b));
    }
  }
  return best;
}

function numbersDiffer(template: TemplateSection, doc: DocSection): boolean {
  const a = template.number?.[template.number.length - 1];
  const b = doc.number?.[doc.number.length - 1];
  return a !== undefined && b !== undefined && a !== b;
}

function isWithin(doc: DocSection, ancestor: DocSection): boolean {
  for (let node: DocSection | undefined = doc.parent; node; node = node.parent) if (node === ancestor) return true;
  return false;
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
