/**
 * Template → schema. Everything archdoc knows about a template comes from its Markdown: the heading tree, the
 * bold-label fields, table columns, option lists (`Azure/AWS/GCP`), pre-filled values and placeholders.
 */
import type { Heading, RootContent } from 'mdast';
import { readFrontMatter } from './frontmatter';
import { collectGuidance, isOptionalHeading } from './guidance';
import { LineIndex } from '../parse/lines';
import { IncrementalParser, ONE_PARSE_CHUNK_LENGTH } from '../parse/incremental';
import { ELLIPSIS_KEY, findPlaceholders, isEllipsis, type PlaceholderToken, repeatableTitleParts } from './placeholders';
import { type ScanItem, scanBlocks } from './scan';
import { buildSections, contentRoot, type DocSection } from '../parse/sections';
import type { Template, TemplateSection } from './schema';
import { frontMatterFields, settleOptionModes } from './templateFields';
import { normalizeKey, optionListKey, parseOptionList, placeholderKey } from '../parse/text';

// The schema's types have their own file (templateFields reads them too); importers find them here as before.
export type { OptionList, OptionMode, Template, TemplateFrontMatterField, TemplateSection } from './schema';

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

/** A template's schema, and what counting its slots needs: each section's own body in the template's parse. */
export interface TemplateSchema {
  template: Template;
  bodies: ReadonlyMap<TemplateSection, DocSection>;
  lines: LineIndex;
}

/** Every section's `ownSlots` is still 0: the rules count them (`compileTemplate` in ../analysis). */
export function compileTemplateSchema(id: string, source: string): TemplateSchema {
  const text = source.replace(/^\uFEFF/u, '');
  const lines = new LineIndex(text);
  // Chunk by chunk: the same tree as one parse, in time linear in the number of sections.
  const root = new IncrementalParser({ minChunkLength: ONE_PARSE_CHUNK_LENGTH }).parse(text).root;
  const tree = buildSections(root, lines.lineCount, text.length);
  const titleSection = tree.title;
  const title = titleSection?.title ?? id;
  const placeholderTokens = new Set<string>();
  const placeholderWords = new Map<string, PlaceholderToken>();
  const guidance = new Set<string>();
  const sections: TemplateSection[] = [];
  const bodies = new Map<TemplateSection, DocSection>();
  const usedIds = new Set<string>();
  const previousBlock = new Map<Heading, RootContent>();
  root.children.forEach((node, i) => {
    if (node.type === 'heading' && i > 0) previousBlock.set(node, root.children[i - 1]);
  });
  const addWords = (tokens: readonly PlaceholderToken[]) => {
    for (const token of tokens) if (!placeholderWords.has(token.key)) placeholderWords.set(token.key, token);
  };

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
      repeatableParts: repeatableTitleParts(doc.title),
      parent,
      children: [],
      order: sections.length,
      ...emptySchema(),
      optional: doc.heading ? isOptionalHeading(doc.heading, previousBlock.get(doc.heading), doc.title) : false,
      markdown: sectionMarkdown(text, doc, previousBlock),
    };
    sections.push(section);
    bodies.set(section, doc);
    addWords(findPlaceholders(doc.title));
    readSchema(section, scanBlocks(doc.blocks, lines), placeholderTokens, addWords);
    collectGuidance(doc.blocks, guidance);
    section.children = doc.children.map((child) => compileSection(child, section));
    return section;
  };

  // The title and the metadata under it (`* Status: [draft | agreed]`) hold placeholders too.
  if (titleSection) {
    addWords(findPlaceholders(titleSection.title));
    readSchema(scratchSection(), scanBlocks(titleSection.blocks, lines), placeholderTokens, addWords);
  }
  const topLevel = contentRoot(tree).children.map((doc) => compileSection(doc, undefined));
  const frontMatter = frontMatterFields(readFrontMatter(text)?.entries ?? [], addWords);
  settleOptionModes(sections, frontMatter);
  // Without an H1 there is no title to recognise documents by (the file name is no title).
  const template: Template = {
    id,
    title,
    titleKey: titleSection ? normalizeKey(title) : '',
    source,
    sections,
    topLevel,
    placeholderTokens,
    placeholderWords,
    guidance,
    frontMatter,
  };
  return { template, bodies, lines };
}

/** The parts of a section's schema that its body fills in, still empty. */
function emptySchema(): Pick<TemplateSection, 'fieldOptions' | 'columnOptions' | 'prefilledFields' | 'prefilledRows' | 'signature' | 'placeholderCount' | 'ownSlots'> {
  return { fieldOptions: new Map(), columnOptions: new Map(), prefilledFields: new Map(), prefilledRows: new Set(), signature: new Set(), placeholderCount: 0, ownSlots: 0 };
}

/** A section that only collects placeholders: the title's own content has no slots of a section. */
function scratchSection(): TemplateSection {
  return {
    id: '',
    title: '',
    level: 1,
    keys: { full: '', core: '', asides: [] },
    repeatableParts: undefined,
    children: [],
    order: -1,
    ...emptySchema(),
    optional: false,
    markdown: '',
  };
}

/**
 * What "insert section" adds: the heading with the comment just above it that belongs to it (an "optional" mark),
 * the body and sub-sections, without trailing separators or the next section's comment.
 */
function sectionMarkdown(text: string, doc: DocSection, previousBlock: ReadonlyMap<Heading, RootContent>): string {
  const before = doc.heading ? previousBlock.get(doc.heading) : undefined;
  const attached = before?.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/u.test(before.value) && (before.position?.end.line ?? 0) === (doc.heading?.position?.start.line ?? 0) - 1;
  const start = attached ? (before.position?.start.offset ?? doc.startOffset) : doc.startOffset;
  return text
    .slice(start, doc.endOffset)
    .replace(/(?:\s*(?:^|\n)(?:-{3,}|\*{3,}|_{3,}|<!--(?:(?!-->)[\s\S])*-->)[ \t]*)+\s*$/u, '')
    .trimEnd();
}

function readSchema(section: TemplateSection, items: ScanItem[], tokens: Set<string>, addWords: (tokens: readonly PlaceholderToken[]) => void): void {
  for (const item of items) {
    switch (item.kind) {
      case 'field': {
        section.signature.add(item.labelKey);
        const options = parseOptionList(item.value);
        const words = findPlaceholders(item.value);
        addWords(words);
        if (item.value.length === 0) continue;
        if (isPlaceholderText(item.value) || words.length > 0) {
          // A value made only of placeholders (`{문서명}: {파일 위치}`) is one placeholder; in a sentence each token is one.
          if (isPlaceholderText(item.value)) tokens.add(placeholderKey(item.value));
        } else if (options) {
          section.fieldOptions.set(item.labelKey, { raw: item.value, options, mode: 'choose' });
        } else section.prefilledFields.set(item.labelKey, optionListKey(item.value));
        break;
      }
      case 'row': {
        item.columnKeys.forEach((key) => section.signature.add(key));
        let hasOptions = false;
        let hasPlaceholder = false;
        item.cells.forEach((cell, i) => {
          const words = findPlaceholders(cell);
          addWords(words);
          if (words.length > 0) hasPlaceholder = true;
          const options = parseOptionList(cell);
          if (options && item.columnKeys[i]) {
            section.columnOptions.set(item.columnKeys[i], { raw: cell, options, mode: 'choose' });
            hasOptions = true;
          }
        });
        // A row that waits for nothing (no blank cell, choice or placeholder) is the template's own content.
        if (!hasOptions && !hasPlaceholder && !item.blank.some(Boolean)) section.prefilledRows.add(rowKey(item.cells));
        break;
      }
      case 'empty-table':
        item.columns.forEach((column) => section.signature.add(normalizeKey(column)));
        break;
      case 'fence':
        if (BRACKETED.test(item.content.trim())) {
          tokens.add(placeholderKey(item.content));
          addWords(findPlaceholders(item.content.trim()));
          section.placeholderCount++;
        }
        break;
      case 'text': {
        const words = findPlaceholders(item.prose);
        const ellipsis = isEllipsis(item.text);
        if (ellipsis) addEllipsis(addWords, item.text);
        addWords(words);
        if (isPlaceholderText(item.text) || words.length > 0 || ellipsis) {
          if (isPlaceholderText(item.text)) tokens.add(placeholderKey(item.text));
          section.placeholderCount++;
        }
        break;
      }
    }
  }
}

/** An ellipsis item (`…`, `...`) is one placeholder, whichever of the two is written. */
function addEllipsis(addWords: (tokens: readonly PlaceholderToken[]) => void, text: string): void {
  addWords([{ text: text.trim(), key: ELLIPSIS_KEY, offset: 0 }]);
}

export function rowKey(cells: readonly string[]): string {
  return cells.map(optionListKey).join('|');
}
