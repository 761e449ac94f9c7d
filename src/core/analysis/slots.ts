/**
 * The slot model of one document section: every fillable thing the scan finds is one slot, open while a rule
 * reports on it, filled otherwise — except the template's own pre-filled text, which is neither. Template
 * placeholders that the author replaced with content (a diagram, a path, a list) count as filled slots.
 */
import type { LineIndex } from '../parse/lines';
import type { Locale } from '../rules/messages';
import { RULES } from '../rules';
import type { RuleHit } from '../rules/rule';
import type { ScanItem } from '../template/scan';
import type { DocSection } from '../parse/sections';
import { rowKey, type Template, type TemplateSection } from '../template/template';
import { optionListKey } from '../parse/text';
import type { Finding } from './types';

export interface SectionSlots {
  findings: Finding[];
  filled: number;
  total: number;
  /** The findings on each open slot: the slot leaves the count when all of them are silenced. */
  openSlots: Finding[][];
}

export interface SlotContext {
  template: Template;
  lines: LineIndex;
  locale: Locale;
}

/** A rule's hit as a finding, its range clamped into the document (every range reported lies inside it). */
export function toFinding(rule: (typeof RULES)[number], hit: RuleHit, locale: Locale, lines: LineIndex): Finding {
  return { rule: rule.id, severity: rule.severity, ...lines.clamp(hit.range), message: rule.message[locale](hit.params), data: hit.data };
}

/**
 * `templateSection`: the matched template section (its slots); `schema`: where option lists and pre-fills come
 * from (the matched section, or one with the same title). `isHeadingSection`: false for the title and the preamble.
 */
export function evaluateSection(
  section: DocSection,
  templateSection: TemplateSection | undefined,
  schema: TemplateSection | undefined,
  items: readonly ScanItem[],
  isHeadingSection: boolean,
  { template, lines, locale }: SlotContext,
): SectionSlots {
  const result: SectionSlots = { findings: [], filled: 0, total: 0, openSlots: [] };
  const open = (findings: Finding[], slots = 1) => {
    result.findings.push(...findings);
    for (let i = 0; i < slots; i++) result.openSlots.push(findings);
    result.total += slots;
  };
  if (isHeadingSection) {
    for (const rule of RULES) for (const hit of rule.checkHeading?.({ section, template, templateSection, lines }) ?? []) open([toFinding(rule, hit, locale, lines)]);
    for (const rule of RULES) {
      const hit = rule.checkSection?.({ section, template, templateSection, lines });
      if (hit) {
        open([toFinding(rule, hit, locale, lines)], hit.slots);
        return result;
      }
    }
  }

  let placeholdersFound = 0;
  let hasReplacement = false;
  for (const item of items) {
    const findings: Finding[] = [];
    for (const rule of RULES) {
      for (const hit of rule.checkItem?.(item, { schema, template, lines }) ?? []) findings.push(toFinding(rule, hit, locale, lines));
    }
    if (item.kind === 'row') hasReplacement = true;
    else if (item.kind === 'fence' || item.kind === 'text') {
      if (findings.some((finding) => finding.rule === 'placeholder')) placeholdersFound++;
      else if (item.kind === 'text' || item.content.trim().length > 0) hasReplacement = true;
    }
    if (findings.length > 0) open(findings);
    // Fences and short texts are slots only while they hold a placeholder; fields and rows always are.
    else if ((item.kind === 'field' || item.kind === 'row' || item.kind === 'meta') && !isTemplateContent(item, schema)) {
      result.filled++;
      result.total++;
    }
  }
  if (hasReplacement) {
    const replaced = Math.max(0, (templateSection?.placeholderCount ?? 0) - placeholdersFound);
    result.filled += replaced;
    result.total += replaced;
  }
  return result;
}

/** Text the template itself provides (a pre-filled field value or row): neither a gap nor the author's work. */
function isTemplateContent(item: ScanItem, schema: TemplateSection | undefined): boolean {
  if (!schema) return false;
  if (item.kind === 'field') {
    const prefilled = schema.prefilledFields.get(item.labelKey);
    return prefilled !== undefined && prefilled === optionListKey(item.value);
  }
  return item.kind === 'row' && schema.prefilledRows.size > 0 && schema.prefilledRows.has(rowKey(item.cells));
}

/** The kept findings and the progress left when silenced findings leave the count (a silenced gap is not a gap). */
export function settleSlots(result: SectionSlots, keep: (finding: Finding) => boolean): { findings: Finding[]; filled: number; total: number } {
  const findings = result.findings.filter(keep);
  const silencedSlots = result.openSlots.filter((slot) => !slot.some(keep)).length;
  return { findings, filled: result.filled, total: result.total - silencedSlots };
}
