/**
 * Open slots in a rendered Markdown preview (a markdown-it plugin): a badge with filled/total after each section
 * heading, and a class and tooltip on the block (list item, table row, paragraph) where a slot is still open. Only
 * for architecture documents; the analysis comes from the caller, so the editor's cached one can be used.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { Analysis, OpenSlot, SectionNode } from '../core';
import type { Locale } from '../core/rules/messages';
import { escapeHtml } from './escape';
import { reportTexts } from './texts';

/** Blocks that can hold an open slot, in the order a line's first one is preferred (a list item before its paragraph). */
const SLOT_BLOCKS = new Set(['list_item_open', 'tr_open', 'table_open', 'paragraph_open', 'heading_open', 'blockquote_open']);
/** Findings about whole sections: the heading's badge already says so. */
const SECTION_RULES = new Set(['missing-section', 'empty-section']);

/** `locale`: the language of the badges' tooltips (default English); the slots' tooltips are the analysis's findings. */
export function markOpenSlots(md: MarkdownIt, analysisOf: (src: string, env: unknown) => Analysis | undefined, options: { locale?: Locale } = {}): void {
  md.core.ruler.push('archdoc_open_slots', (state: StateCore) => {
    const analysis = analysisOf(state.src, state.env);
    if (!analysis?.templateId) return;
    const headings = new Map<number, SectionNode>();
    const slots = new Map<number, OpenSlot[]>();
    const addSlot = (slot: OpenSlot) => {
      if (!SECTION_RULES.has(slot.rule)) slots.set(slot.line, [...(slots.get(slot.line) ?? []), slot]);
    };
    const visit = (node: SectionNode): void => {
      if (!node.missing) headings.set(node.range.line, node);
      node.openSlots.forEach(addSlot);
      node.children.forEach(visit);
    };
    analysis.sections.forEach(visit);
    analysis.preambleSlots.forEach(addSlot);
    const marked = new Set<number>();
    state.tokens.forEach((token, index) => {
      if (!token.map || token.nesting !== 1) return;
      const line = token.map[0] + 1;
      const section = token.type === 'heading_open' ? headings.get(line) : undefined;
      if (section && section.progress.total > 0) addBadge(state, state.tokens[index + 1], section, options.locale);
      const open = slots.get(line);
      if (open && !marked.has(line) && SLOT_BLOCKS.has(token.type) && !(section && token.type === 'heading_open')) {
        marked.add(line);
        token.attrJoin('class', 'archdoc-open');
        token.attrSet('title', open.map((slot) => slot.label).join('\n'));
      }
    });
  });
}

function addBadge(state: StateCore, inline: Token | undefined, section: SectionNode, locale: Locale | undefined): void {
  if (!inline || inline.type !== 'inline') return;
  const { filled, total } = section.progress;
  const badge = new state.Token('html_inline', '', 0);
  const label = escapeHtml(reportTexts(locale).slotsFilled(filled, total));
  badge.content = ` <span class="archdoc-badge archdoc-${section.state}" title="${label}" aria-label="${label}">${filled}/${total}</span>`;
  (inline.children ??= []).push(badge);
}
