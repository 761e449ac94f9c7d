/** What counts as content: comments, `<br>`, blank text, empty bullets and empty fences do not. */
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { collapseWhitespace } from './text';

const INVISIBLE_HTML = /^\s*(?:<!--[\s\S]*?-->\s*|<br\s*\/?>\s*)*$/iu;

/** HTML that renders nothing: comments and line breaks. */
export function isInvisibleHtml(html: string): boolean {
  return INVISIBLE_HTML.test(html);
}

/** Inline content with something to see: text, or an image, code, link, footnote reference or visible HTML. */
export function hasVisibleInline(nodes: readonly PhrasingContent[]): boolean {
  return nodes.some((node) => {
    switch (node.type) {
      case 'text':
        return node.value.trim().length > 0;
      case 'html':
        return !isInvisibleHtml(node.value);
      case 'break':
        return false;
      case 'image':
      case 'imageReference':
      case 'inlineCode':
      case 'footnoteReference':
        return true;
      default:
        return 'children' in node ? hasVisibleInline(node.children as PhrasingContent[]) || toString(node).trim().length > 0 : true;
    }
  });
}

/** A block with something to see. */
export function isVisibleBlock(block: RootContent | Nodes): boolean {
  switch (block.type) {
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      return false;
    case 'html':
      return !isInvisibleHtml(block.value);
    case 'code':
      return block.value.trim().length > 0;
    case 'paragraph':
    case 'heading':
      return hasVisibleInline(block.children);
    case 'list':
      return block.children.some((item) => item.children.some(isVisibleBlock));
    case 'listItem':
    case 'blockquote':
      return block.children.some(isVisibleBlock);
    default:
      return true;
  }
}

const COMMENTS = /<!--[\s\S]*?(?:-->|$)/gu;

/**
 * A paragraph's text as read, comments left out (`* … <!-- numbers can vary -->` is guidance), and its prose: the
 * same without inline code, where placeholders are looked for (`List<String>` in code is code).
 */
export function renderedText(paragraph: Paragraph): { text: string; prose: string } {
  const text = collapseWhitespace(toString(paragraph).replace(COMMENTS, ''));
  if (!paragraph.children.some((node) => node.type === 'inlineCode')) return { text, prose: text };
  return { text, prose: collapseWhitespace(proseOf(paragraph.children).replace(COMMENTS, '')) };
}

function proseOf(nodes: readonly PhrasingContent[]): string {
  return nodes.map((node) => (node.type === 'inlineCode' ? ' ' : 'children' in node ? proseOf(node.children as PhrasingContent[]) : toString(node))).join('');
}
