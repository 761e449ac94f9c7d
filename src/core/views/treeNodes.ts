/**
 * The completeness tree as data: section nodes (label, description, tooltip lines, state) and their open slots
 * (a short label that fits a sidebar, the finding's full message as tooltip). Surfaces only render it; the words
 * they show come in through `OutlineWords`, so each surface localises with its own mechanism.
 */
import type { Analysis, Finding, OpenSlot, SectionNode } from '../analysis/types';

export interface OutlineWords {
  /** Description of a template section absent from the document. */
  missing: string;
  /** "line {n}" */
  line(line: number): string;
  /** 'renamed from "{title}"': a section matched to a template section of another title. */
  renamed(templateTitle: string): string;
}

export interface OutlineSectionNode {
  kind: 'section';
  /** Unique within one analysis (stable across edits that do not move the heading). */
  key: string;
  section: SectionNode;
  label: string;
  description: string;
  parent?: OutlineSectionNode;
  children: OutlineNode[];
}

export interface OutlineSlotNode {
  kind: 'slot';
  key: string;
  slot: OpenSlot;
  /** The finding behind the slot, with its fix data. */
  finding: Finding;
  /** What is open, briefly: the field label, the blank columns, else the message cut to fit a sidebar. */
  label: string;
  description: string;
  /** The full message. */
  tooltip: string;
  parent?: OutlineSectionNode;
  children: [];
}

export type OutlineNode = OutlineSectionNode | OutlineSlotNode;

/** About what a default-width sidebar shows after two levels of indentation (a Hangul syllable counts twice). */
const SHORT_LABEL_WIDTH = 36;

export function buildTreeNodes(analysis: Analysis, words: OutlineWords): OutlineNode[] {
  const slotNode = (slot: OpenSlot, index: number, parent?: OutlineSectionNode): OutlineSlotNode => {
    const finding = slot.finding;
    return {
      kind: 'slot',
      key: `slot:${slot.line}:${slot.column}:${slot.rule}:${index}`,
      slot,
      finding,
      label: shortSlotLabel(slot, finding),
      description: words.line(slot.line),
      tooltip: slot.label,
      parent,
      children: [],
    };
  };
  const sectionNode = (section: SectionNode, parent?: OutlineSectionNode): OutlineSectionNode => {
    const node: OutlineSectionNode = {
      kind: 'section',
      key: `${section.missing ? 'missing' : 'section'}:${section.id}:${section.range.line}`,
      section,
      label: section.title,
      description: sectionDescription(section, words),
      parent,
      children: [],
    };
    node.children = [
      ...section.children.map((child) => sectionNode(child, node)),
      // A missing section's one slot is the section itself.
      ...(section.missing ? [] : section.openSlots.map((slot, index) => slotNode(slot, index, node))),
    ];
    return node;
  };
  return [...analysis.preambleSlots.map((slot, index) => slotNode(slot, index)), ...analysis.sections.map((section) => sectionNode(section))];
}

/** `filled/total`, ✓ when complete, nothing for a section without slots (nothing to fill is not an achievement). */
export function sectionDescription(section: SectionNode, words: OutlineWords): string {
  if (section.missing) return words.missing;
  const { filled, total } = section.progress;
  const progress = total === 0 ? '' : filled === total ? '✓' : `${filled}/${total}`;
  return section.renamedFrom ? [progress, words.renamed(section.renamedFrom)].filter(Boolean).join(' · ') : progress;
}

/** Tooltip lines of a section: its title, its progress, and what is open in it and below it (at most `limit`). */
export function sectionTooltipLines(section: SectionNode, words: OutlineWords, limit = 20): { title: string; progress?: string; open: string[]; more: boolean } {
  if (section.missing) return { title: section.title, open: [], more: false };
  const open: string[] = [];
  const collect = (node: SectionNode) => {
    node.openSlots.forEach((slot) => open.push(`${slot.label} (${words.line(slot.line)})`));
    node.children.forEach(collect);
  };
  collect(section);
  const { filled, total } = section.progress;
  return { title: section.title, progress: total > 0 ? `${filled}/${total}` : undefined, open: open.slice(0, limit), more: open.length > limit };
}

function shortSlotLabel(slot: OpenSlot, finding: Finding): string {
  const data = finding.data;
  if (data?.kind === 'field' && slot.rule === 'empty-field') return fit(data.label);
  if (data?.kind === 'cells') return fit(data.columns.join(', '));
  return fit(slot.label);
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Cuts text to `width` columns, the ellipsis included; wide (CJK) characters count twice. */
export function fit(text: string, width = SHORT_LABEL_WIDTH): string {
  const chars = Array.from(text.replace(/\s+/gu, ' ').trim());
  const widthOf = (char: string) => (WIDE.test(char) ? 2 : 1);
  if (chars.reduce((sum, char) => sum + widthOf(char), 0) <= width) return chars.join('');
  let used = 1; // the ellipsis
  let end = 0;
  while (end < chars.length && used + widthOf(chars[end]) <= width) used += widthOf(chars[end++]);
  return `${chars.slice(0, end).join('').trimEnd()}…`;
}
