/** The one Markdown parse: unified + remark-parse + GFM + front matter, positions kept. */
import type { Root } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

/**
 * GFM and YAML front matter for parsing only: what remark-gfm and remark-frontmatter add to the parser, without their
 * Markdown serialisers, which nothing here uses and which would take a fifth of the extension's bundle.
 */
function parseGfmAndFrontMatter(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfm(), frontmatter(['yaml']));
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown(), frontmatterFromMarkdown(['yaml']));
}

const processor = unified().use(remarkParse).use(parseGfmAndFrontMatter).freeze();

export interface ParseResult {
  root: Root;
  /** Set when the parser itself failed (e.g. stack exhaustion on pathological nesting). */
  error?: string;
}

let parseCount = 0;

/** Number of parses so far in this realm: lets tests prove that one document version is parsed once. */
export function getParseCount(): number {
  return parseCount;
}

/**
 * micromark's time grows much faster than the text for deeply nested containers (`- - - …` ten thousand deep takes
 * tens of seconds before it overflows the stack; 300 lines 99 deep take seconds). No real document nests lists or
 * quotes 32 deep, so such input is refused up front: the editor stays responsive and the reason is shown.
 */
const DEEP_NESTING = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))){32}|^[ \t]{128,}(?:[-*+>]|\d{1,9}[.)])[ \t]/mu;

export function parseMarkdown(text: string): ParseResult {
  parseCount++;
  if (DEEP_NESTING.test(text)) {
    return { root: { type: 'root', children: [] }, error: 'Not analysed: the Markdown nests lists or quotes more than 32 levels deep.' };
  }
  try {
    return { root: processor.parse(text) as Root };
  } catch (error) {
    // micromark recurses per nesting level; a hostile document can exhaust the stack. Report, never throw.
    const message = error instanceof Error ? error.message : String(error);
    return { root: { type: 'root', children: [] }, error: `The Markdown parser failed: ${message}` };
  }
}
