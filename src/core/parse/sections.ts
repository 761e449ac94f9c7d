/** The heading tree of a parsed document: each section owns the blocks up to its first sub-section. */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex, Range } from './lines';
import { collapseWhitespace, splitSectionNumber, type TitleKeys, titleKeys } from './text';

export interface DocSection {
  heading?: Heading;
  title: string;
  level: number;
  number?: number[];
  keys: TitleKeys;
  /** Blocks between this heading and the next heading of any level. */
  blocks: RootContent[];
  children: DocSection[];
  parent?: DocSection;
  /** Pre-order index among all headings of the document (0 = the virtual root). */
  order: number;
  /** First and last line (1-based) of the section including its sub-sections. */
  startLine: number;
  endLine: number;
  /** Start/end offsets in the text (heading start to the start of the next same-or-higher heading). */
  startOffset: number;
  endOffset: number;
}

export interface SectionTree {
  root: DocSection;
  /** The first heading when it is an H1: the document's title, not a section; every later heading is inside it. */
  title?: DocSection;
  /** Every heading section in document order (title included). */
  all: DocSection[];
}

/** `isTitle` decides whether a leading H1 is the document's title (by default it is). */
export function buildSections(root: Root, lineCount: number, textLength: number, isTitle: (keys: TitleKeys) => boolean = () => true): SectionTree {
  const virtualRoot: DocSection = {
    title: '',
    level: 0,
    keys: { full: '', core: '', asides: [] },
    blocks: [],
    children: [],
    order: 0,
    startLine: 1,
    endLine: lineCount,
    startOffset: 0,
    endOffset: textLength,
  };
  const all: DocSection[] = [];
  const stack: DocSection[] = [virtualRoot];
  let titleSection: DocSection | undefined;
  // An empty leading H1 (arc42's `# ` before its logo) is an untitled title: later H1s are chapters, not the title.
  let untitled = false;
  for (const node of root.children) {
    if (node.type === 'yaml') continue;
    if (node.type !== 'heading') {
      stack[stack.length - 1].blocks.push(node);
      continue;
    }
    const { title, number, keys } = headingTitle(node);
    // A heading with no text (a bare `#` being typed) is not a section yet.
    if (title.length === 0) {
      if (all.length === 0 && node.depth === 1) untitled = true;
      continue;
    }
    // The document's title (a leading H1) stays open for the whole document, so that sections written as
    // further H1s (`# 1. 개요`) still belong under it.
    while (stack.length > 1 && stack[stack.length - 1].level >= node.depth && stack[stack.length - 1] !== titleSection) close(stack.pop()!, node);
    const parent = stack[stack.length - 1];
    const section: DocSection = {
      heading: node,
      title,
      level: node.depth,
      number,
      keys,
      blocks: [],
      children: [],
      parent,
      order: all.length + 1,
      startLine: node.position?.start.line ?? 1,
      endLine: lineCount,
      startOffset: node.position?.start.offset ?? 0,
      endOffset: textLength,
    };
    parent.children.push(section);
    all.push(section);
    stack.push(section);
    if (all.length === 1 && !untitled && node.depth === 1 && isTitle(section.keys)) titleSection = section;
  }
  return { root: virtualRoot, title: titleSection, all };
}

function close(section: DocSection, next: Heading): void {
  section.endLine = Math.max(section.startLine, (next.position?.start.line ?? section.startLine + 1) - 1);
  section.endOffset = next.position?.start.offset ?? section.endOffset;
}

export interface HeadingTitle {
  title: string;
  number?: number[];
  keys: TitleKeys;
}

/** Read once per heading node: the incremental parser hands in the same nodes for unchanged text, version after version. */
const headingTitles = new WeakMap<Heading, HeadingTitle>();

/** A heading's rendered text, its section number and its title keys (treat as read-only: shared between analyses). */
export function headingTitle(heading: Heading): HeadingTitle {
  let found = headingTitles.get(heading);
  if (!found) {
    const title = headingText(heading);
    found = { title, number: splitSectionNumber(title).number, keys: titleKeys(title) };
    headingTitles.set(heading, found);
  }
  return found;
}

/** A heading's text as rendered: raw HTML (`<a id="s1"></a>`) and emoji shortcodes (`:memo:`) left out. */
export function headingText(heading: Heading): string {
  return collapseWhitespace(toString(heading, { includeHtml: false }).replace(/:[a-z0-9_+-]+:/gu, ' '));
}

/** The section under which the template's sections live: the title when there is one, else the root. */
export function contentRoot(tree: SectionTree): DocSection {
  return tree.title ?? tree.root;
}

/** The section's last sub-section at any depth (itself when it has none): its sub-sections end there in document order. */
export function lastDescendant(section: DocSection): DocSection {
  let last = section;
  while (last.children.length > 0) last = last.children[last.children.length - 1];
  return last;
}

export function isWithin(doc: DocSection, ancestor: DocSection): boolean {
  for (let node: DocSection | undefined = doc.parent; node; node = node.parent) if (node === ancestor) return true;
  return false;
}

/** The heading line of a section, from its `#`s (where findings on the heading itself are reported). */
export function headingRange(section: DocSection, lines: LineIndex): Range {
  return lines.lineRange(section.startLine, section.heading?.position?.start.column ?? 1);
}
