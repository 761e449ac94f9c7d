/** The one Markdown parse: remark's parser (mdast-util-from-markdown) + GFM + front matter, positions kept. */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/**
 * remark-parse's own parser (`mdast-util-from-markdown`) with GFM and YAML front matter, called directly: the
 * incremental parser parses thousands of small chunks, and remark's processor (a virtual file per call) added a sixth
 * to each. remark-gfm and remark-frontmatter would add the same extensions, plus Markdown serialisers nothing here uses.
 */
const PARSE_OPTIONS = { extensions: [gfm(), frontmatter(['yaml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] };

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
    return { root: fromMarkdown(text, PARSE_OPTIONS) };
  } catch (error) {
    // micromark recurses per nesting level; a hostile document can exhaust the stack. Report, never throw.
    const message = error instanceof Error ? error.message : String(error);
    return { root: { type: 'root', children: [] }, error: `The Markdown parser failed: ${message}` };
  }
}
