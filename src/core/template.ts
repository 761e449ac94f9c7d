/**
 * Template → schema. Everything archdoc knows about a template comes from its Markdown: the heading tree, the
 * bold-label fields, table columns, option lists (`Azure/AWS/GCP`), pre-filled values and placeholders.
 */
import { LineIndex } from './lines';
import { parseMarkdown } from './parse';
import { type ScanItem, scanBlocks } from './scan';
import { buildSections, contentRoot, type DocSection } from './sections';
import { normalizeKey, optionListKey, parseOptionList, placeholderKey, type TitleKeys } from './text';

export interface OptionList {
  raw: string;
  options: string[];
}

export interface TemplateSection {
  /** Stable id within the template: the section number (`2.2.1`) or its normalised title. */
  id: string;
  title: string;
  level: number;
  number?: number[];
  keys: TitleKeys;
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
}

const BRACKETED = /^(\{[^{}\n]+\}|\[[^[\]\n]+\])$/u;
/** A text made only of `{…}` tokens and separators, or an ellipsis: `{문서명}: {파일 위치}`, `...`. */
const PLACEHOLDER_TEXT = /^(?:(?:\{[^{}]+\}|\[[^[\]]+\])(?:\s*[:：,/-]?\s*))+$|^(?:\.{3}|…)$/u;

export function isPlaceholderText(text: string): boolean {
  return PLACEHOLDER_TEXT.test(text.trim());
}

/** A fence whose whole content is one bracketed line without data punctuation (`[1,2]` is data). */
export function isPlaceholderFence(content: string, tokens: ReadonlySet<string>): boolean {
  const text = content.trim();
  if (tokens.has(placeholderKey(text))) return true;
  return BRACKETED.test(text) && !/["',:;=]/u.test(text);
}

export function compileTemplate(id: string, source: string): Template {
  const text = source.replace(/^\uFEFF/u, '');
  const lines = new LineIndex(text);
  const tree = buildSections(parseMarkdown(text).root, lines.lineCount, text.length);
  const titleSection = tree.title;
  const title = titleSection?.title ?? id;
  const placeholderTokens = new Set<string>();
  const sections: TemplateSection[] = [];
  const usedIds = new Set<string>();

  const compileSection = (doc: DocSection, parent: TemplateSection | undefined): TemplateSection => {
    const baseId = doc.number ? doc.number.join('.') : doc.keys.full || `section-${doc.order}`;
    let sectionId = baseId;
    for (let n = 2; usedIds.has(sectionId); n++) sectionId = `${baseId}~${n}`;
    usedIds.add(sectionId);
    const section: TemplateSection = {
      id: sectionId,
      title: doc.title,
      level: doc.level,
      number: doc.number,
      keys: doc.keys,
      parent,
      children: [],
      order: sections.length,
      fieldOptions: new Map(),
      columnOptions: new Map(),
      prefilledFields: new Map(),
      prefilledRows: new Set(),
      signature: new Set(),
      placeholderCount: 0,
      ownSlots: 0,
      markdown: text.slice(doc.startOffset, doc.endOffset).replace(/(?:\s*(?:^|\n)(?:-{3,}|\*{3,}|_{3,})\s*)+$/u, '').trimEnd(),
    };
    sections.push(section);
    readSchema(section, scanBlocks(doc.blocks, lines), placeholderTokens);
    section.children = doc.children.map((child) => compileSection(child, section));
    return section;
  };

  const topLevel = contentRoot(tree).children.map((doc) => compileSection(doc, undefined));
  // Without an H1 there is no title to recognise documents by (the file name is no title).
  return { id, title, titleKey: titleSection ? normalizeKey(title) : '', source, sections, topLevel, placeholderTokens };
}

function readSchema(section: TemplateSection, items: ScanItem[], tokens: Set<string>): void {
  for (const item of items) {
    switch (item.kind) {
      case 'field': {
        section.signature.add(item.labelKey);
        const options = parseOptionList(item.value);
        if (item.value.length === 0) section.ownSlots++;
        else if (isPlaceholderText(item.value)) {
          tokens.add(placeholderKey(item.value));
          section.ownSlots++;
        } else if (options) {
          section.fieldOptions.set(item.labelKey, { raw: item.value, options });
          section.ownSlots++;
        } else section.prefilledFields.set(item.labelKey, optionListKey(item.value));
        break;
      }
      case 'row': {
        item.columnKeys.forEach((key) => section.signature.add(key));
        let hasOptions = false;
        item.cells.forEach((cell, i) => {
          const options = parseOptionList(cell);
          if (options && item.columnKeys[i]) {
            section.columnOptions.set(item.columnKeys[i], { raw: cell, options });
            hasOptions = true;
          }
        });
        // A row is one slot, whether it waits for blank cells, a choice, or both.
        if (hasOptions || item.blank.some(Boolean)) section.ownSlots++;
        else section.prefilledRows.add(rowKey(item.cells));
        break;
      }
      case 'empty-table':
        item.columns.forEach((column) => section.signature.add(normalizeKey(column)));
        section.ownSlots++;
        break;
      case 'fence':
        if (BRACKETED.test(item.content.trim())) {
          tokens.add(placeholderKey(item.content));
          section.placeholderCount++;
          section.ownSlots++;
        }
        break;
      case 'text':
        if (isPlaceholderText(item.text)) {
          tokens.add(placeholderKey(item.text));
          section.placeholderCount++;
          section.ownSlots++;
        }
        break;
    }
  }
}

export function rowKey(cells: readonly string[]): string {
  return cells.map(optionListKey).join('|');
}
