/**
 * What a template says to the author rather than asks of them: help text (arc42's `<div class="formalpara-title">`
 * blocks and the prose that follows them), HTML comments, and the marks that make an element optional.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { OPTIONAL_MARK } from './frontmatter';
import { findPlaceholders, isEllipsis } from './placeholders';
import { normalizeKey } from '../parse/text';

/** A help title (`<div class="formalpara-title">`, any class naming a title) opens help text; `</div>` closes its markup. */
const HELP_TITLE = /^\s*<div\b[^>]*\bclass\s*=\s*["'][^"']*title[^"']*["'][^>]*>\s*$/iu;
const CLOSE_DIV = /^\s*<\/div>\s*$/iu;
const COMMENT_ONLY = /^\s*(?:<!--[\s\S]*?-->\s*)+$/u;
/**
 * A heading aside that states a condition or optionality: `(레거시 시스템이 있는 경우)`, `(if any)`, `(optional)`,
 * `(선택)`, `(해당 시)`. Words of condition in English and Korean, not the titles of any template.
 */
const CONDITION_ASIDE = /[(（]\s*(?:(?:if|when|unless|where|optional(?:ly)?)\b[^()（）]*|[^()（）]*(?:경우|해당\s*시|필요\s*시|선택)[^()（）]*)[)）]/iu;

/** Help markup in a document or template: a help title `<div>` or a lone `</div>`. */
export function isHelpMarkup(block: RootContent): boolean {
  return block.type === 'html' && (HELP_TITLE.test(block.value) || CLOSE_DIV.test(block.value));
}

/** The comparable text of a block, for recognising the template's help text copied unchanged. */
export function guidanceKey(block: RootContent): string {
  return normalizeKey(block.type === 'html' ? block.value : toString(block, { includeHtml: false }));
}

/**
 * The template's help text in one section: once a help title has opened, every prose block without a placeholder
 * (paragraph, list, quote, figure HTML) until the next heading is guidance. Tables, code and placeholders are slots.
 */
export function collectGuidance(blocks: readonly RootContent[], into: Set<string>): void {
  for (const block of helpProse(blocks)) {
    const key = guidanceKey(block);
    if (key.length > 0) into.add(key);
  }
}

function helpProse(blocks: readonly RootContent[]): RootContent[] {
  const prose: RootContent[] = [];
  let inHelp = false;
  for (const block of blocks) {
    if (block.type === 'html' && HELP_TITLE.test(block.value)) {
      inHelp = true;
      continue;
    }
    if (!inHelp || isHelpMarkup(block)) continue;
    if (block.type !== 'paragraph' && block.type !== 'list' && block.type !== 'blockquote' && block.type !== 'html') continue;
    const text = toString(block, { includeHtml: false });
    if (findPlaceholders(text).length > 0 || isEllipsis(text)) continue;
    prose.push(block);
  }
  return prose;
}

/** What a template section says to the author, in order: its comments' text and its help prose. */
export function guidanceTexts(blocks: readonly RootContent[]): string[] {
  const help = new Set(helpProse(blocks));
  const texts: string[] = [];
  for (const block of blocks) {
    if (block.type === 'html' && COMMENT_ONLY.test(block.value)) {
      texts.push(...[...block.value.matchAll(/<!--([\s\S]*?)-->/gu)].map((match) => match[1].trim()).filter(Boolean));
    } else if (help.has(block)) texts.push(toString(block, { includeHtml: false }).trim());
  }
  return texts.filter(Boolean);
}

/** Guidance in a document: comments, help markup, or the template's own help text copied unchanged. */
export function isGuidanceBlock(block: RootContent, guidance: ReadonlySet<string>): boolean {
  if (block.type === 'html' && COMMENT_ONLY.test(block.value)) return true;
  if (isHelpMarkup(block)) return true;
  if (guidance.size === 0) return false;
  if (block.type !== 'paragraph' && block.type !== 'list' && block.type !== 'blockquote' && block.type !== 'html') return false;
  return guidance.has(guidanceKey(block));
}

/**
 * A template heading marked optional: an HTML comment speaking of "optional" (or 선택) on the heading's line or as
 * the block right before it, or an aside in the title that states a condition.
 */
export function isOptionalHeading(heading: Heading, previous: RootContent | undefined, title: string): boolean {
  const onLine = heading.children.some((node) => node.type === 'html' && COMMENT_ONLY.test(node.value) && OPTIONAL_MARK.test(node.value));
  const before =
    previous?.type === 'html' &&
    COMMENT_ONLY.test(previous.value) &&
    OPTIONAL_MARK.test(previous.value) &&
    (previous.position?.end.line ?? 0) >= (heading.position?.start.line ?? 0) - 1;
  return onLine || before || CONDITION_ASIDE.test(title);
}
