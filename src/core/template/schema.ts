/** The schema a template compiles to: its sections with their fields, option lists, pre-filled values and slots. */
import type { TitleKeys } from '../parse/text';
import type { PlaceholderToken } from './placeholders';

/**
 * `choose`: the items are alternatives, one is picked (`Azure/AWS/GCP`). `each`: the items name values that all
 * have to be given (`RTO/RPO`); see `optionMode`.
 */
export type OptionMode = 'choose' | 'each';

export interface OptionList {
  raw: string;
  options: string[];
  mode: OptionMode;
}

/** A front-matter key of the template that the author fills (its value is empty, a placeholder or an option list). */
export interface TemplateFrontMatterField {
  key: string;
  value: string;
  optional: boolean;
  options?: OptionList;
}

export interface TemplateSection {
  /** Stable id within the template: the section number (`2.2.1`) or its normalised title. */
  id: string;
  title: string;
  level: number;
  number?: number[];
  keys: TitleKeys;
  /** For a title that is or holds a placeholder (`{title of option 1}`), its fixed words: the section repeats. */
  repeatableParts: string[] | undefined;
  parent?: TemplateSection;
  children: TemplateSection[];
  /** Pre-order index among the template's sections. */
  order: number;
  /** Option lists by field label key, and by table column key. */
  fieldOptions: Map<string, OptionList>;
  columnOptions: Map<string, OptionList>;
  /** Pre-filled field values (label key → option-list key of the value): content the template provides. */
  prefilledFields: Map<string, string>;
  /** Rows the template fills completely (their cells joined): template content, not slots. */
  prefilledRows: Set<string>;
  /** Field labels and table column keys: the section's content signature, used to match renamed sections. */
  signature: Set<string>;
  /** Placeholder fences and placeholder items in the section's own body. */
  placeholderCount: number;
  /** Slots in the section's own body, as counted on the template itself. */
  ownSlots: number;
  /** Marked optional (an "optional" comment, or a condition in the title): a document may leave it out. */
  optional: boolean;
  /** The section's Markdown (heading, body, sub-sections) without trailing separators: what "insert section" adds. */
  markdown: string;
}

export interface Template {
  id: string;
  title: string;
  titleKey: string;
  source: string;
  /** Sections in template order, the title excluded. */
  sections: TemplateSection[];
  topLevel: TemplateSection[];
  /** The placeholders the template uses (`{문서명}: {파일 위치}`, `...`, `[네트워크 토폴로지 다이어그램]`), as placeholderKey()s. */
  placeholderTokens: Set<string>;
  /** Every bracketed placeholder the template uses, anywhere, by its words (`titleofoption1`) → as first written. */
  placeholderWords: Map<string, PlaceholderToken>;
  /** Help text of the template (normalised), which is guidance, not content, when a document keeps it. */
  guidance: Set<string>;
  /** Front-matter keys the author fills. */
  frontMatter: TemplateFrontMatterField[];
}
