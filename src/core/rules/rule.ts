/**
 * What a rule is: its id, default severity, texts in English and Korean, the quick fixes it offers, and its check.
 * The rule table (`./index.ts`) lists every rule; the CLI (`archdoc rules`, SARIF), the README's rule sections and
 * the `archdoc.severity` schema in package.json are all read from it.
 */
import type { LineIndex, Range } from '../parse/lines';
import type { Locale } from './messages';
import type { ScanItem } from '../template/scan';
import type { DocSection } from '../parse/sections';
import type { Template, TemplateSection } from '../template/template';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Extra data for quick fixes: the option list, the missing template section, … */
export type FindingData =
  | { kind: 'options'; options: string[]; value: Range }
  /** A list of values to give each (`RTO/RPO`), not a choice: no "choose" fix. */
  | { kind: 'values'; names: string[]; value: Range }
  | { kind: 'missing-section'; templateSectionId: string; insertAfterLine: number }
  | { kind: 'field'; label: string; value: Range }
  | { kind: 'cells'; columns: string[]; columnCount: number };

export type Localized<T> = Record<Locale, T>;
export type MessageParams = Record<string, string>;

/** The quick fixes a finding of the rule can offer (the editor and the agent write tools read these). */
export type FixKind = 'choose-option' | 'not-applicable' | 'insert-section';

/** One finding as a rule reports it; the engine adds the rule id, severity and message. */
export interface RuleHit {
  range: Range;
  params: MessageParams;
  data?: FindingData;
}

/** A section-level finding stands for the slots of the whole section. */
export interface SectionHit extends RuleHit {
  slots: number;
}

/** A document-level finding, filed under the document section it belongs to. */
export interface DocumentHit extends RuleHit {
  anchor: DocSection;
  templateSection: TemplateSection;
}

export interface ItemContext {
  /** Where option lists and pre-filled values come from: the matched template section (or a same-titled one). */
  schema?: TemplateSection;
  template: Template;
  lines: LineIndex;
}

export interface SectionContext {
  section: DocSection;
  template: Template;
  /** The template section this document section was matched to. */
  templateSection?: TemplateSection;
  lines: LineIndex;
}

export interface DocumentContext {
  template: Template;
  /** Template section → the document section it was matched to. */
  match: ReadonlyMap<TemplateSection, DocSection>;
  /** The section that holds the document's top-level sections (its title, or the virtual root). */
  top: DocSection;
  title?: DocSection;
  lines: LineIndex;
}

export interface Rule<Id extends string = string> {
  id: Id;
  severity: Severity;
  /** One line: what the rule reports (`archdoc rules`, SARIF, the settings schema). */
  description: Localized<string>;
  /** The finding's message, from the parameters the check reports. */
  message: Localized<(params: MessageParams) => string>;
  fixes: readonly FixKind[];
  /** The README's section for the rule (Markdown, English): what is reported and what is not, with examples. */
  docs: string;
  /** Findings on one fillable thing (a field, a table row, a fence, a short text). The thing is one slot: open
   *  while any rule reports on it. */
  checkItem?(item: ScanItem, context: ItemContext): RuleHit[];
  /** Findings on the section's heading itself (a placeholder title left in), one slot each; the body is still checked. */
  checkHeading?(context: SectionContext): RuleHit[];
  /** A finding on a section as a whole; when one is reported, the section's items are not checked. */
  checkSection?(context: SectionContext): SectionHit | undefined;
  /** Findings about the document's structure. */
  checkDocument?(context: DocumentContext): DocumentHit[];
}

/** Keeps the literal id type, so that the rule table yields the `RuleId` union. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

export const NONE: RuleHit[] = [];
