/**
 * What the analysis of one document keeps between its versions, so that after an edit only the changed sections
 * are scanned and evaluated again: per section its scanned items and its evaluated slots, per top-level block
 * whether it holds a suppression comment.
 *
 * Keyed by parse nodes. The incremental parser hands back the very same nodes for a chunk whose text did not change
 * (moved to their new lines), so a section whose heading and blocks are the same nodes, each moved by the same
 * number of lines, has the same content: its results are reused with their lines moved. Anything else — a changed
 * chunk, a full parse — brings new nodes, and the section is computed afresh. A memo that never saw the nodes
 * (a plain `analyze`) computes everything: the full analysis is the incremental one with an empty memo.
 */
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import type { Locale } from '../rules/messages';
import type { ScanItem } from '../template/scan';
import type { DocSection } from '../parse/sections';
import type { SectionSlots } from './slots';
import type { Template, TemplateSection } from '../template/template';
import type { Finding, FindingData, Range } from './types';

/** Everything besides the section's own content that its evaluation depends on. */
export interface EvaluationKey {
  template: Template;
  locale: Locale;
  templateSection: TemplateSection | undefined;
  schema: TemplateSection | undefined;
  hasChildren: boolean;
}

interface SectionEntry {
  blocks: readonly RootContent[];
  /** The heading's and each block's first line when the entry was made. */
  headingLine: number;
  blockLines: number[];
  items: ScanItem[];
  evaluation?: { key: EvaluationKey; slots: SectionSlots };
}

export class AnalysisMemo {
  private readonly sections = new WeakMap<Heading, SectionEntry>();
  private readonly hasDirectives = new WeakMap<RootContent, boolean>();

  /** The section's scanned items on its current lines; `scan` runs only when the section's content is new. */
  items(section: DocSection, scan: () => ScanItem[]): ScanItem[] {
    const entry = this.entryOf(section);
    if (!entry) {
      const items = scan();
      if (section.heading) this.sections.set(section.heading, { blocks: section.blocks, headingLine: lineOf(section.heading), blockLines: section.blocks.map(lineOf), items });
      return items;
    }
    const lines = lineOf(section.heading) - entry.headingLine;
    return lines === 0 ? entry.items : entry.items.map((item) => shiftItem(item, lines));
  }

  /**
   * The section's evaluated slots, as new finding objects on its current lines (an analysis settles their severity
   * in place); `evaluate` runs only when the content or the key changed. Call `items` for the section first.
   */
  slots(section: DocSection, key: EvaluationKey, evaluate: () => SectionSlots): SectionSlots {
    const entry = this.entryOf(section);
    const line = lineOf(section.heading);
    if (!entry) return evaluate();
    if (!entry.evaluation || !sameKey(entry.evaluation.key, key)) {
      entry.evaluation = { key, slots: shiftSlots(evaluate(), entry.headingLine - line) };
    }
    return shiftSlots(entry.evaluation.slots, line - entry.headingLine);
  }

  /** The top-level blocks that hold a suppression comment, each looked into once. */
  blocksWithDirectives(root: Root, directive: string): RootContent[] {
    return root.children.filter((node) => {
      let found = this.hasDirectives.get(node);
      if (found === undefined) this.hasDirectives.set(node, (found = containsHtml(node, directive)));
      return found;
    });
  }

  /** The section's entry when its heading and blocks are the nodes it was made from, all moved alike. */
  private entryOf(section: DocSection): SectionEntry | undefined {
    const entry = section.heading && this.sections.get(section.heading);
    if (!entry || entry.blocks.length !== section.blocks.length) return undefined;
    const lines = lineOf(section.heading) - entry.headingLine;
    for (let i = 0; i < section.blocks.length; i++) {
      if (section.blocks[i] !== entry.blocks[i] || lineOf(section.blocks[i]) - entry.blockLines[i] !== lines) return undefined;
    }
    return entry;
  }
}

function lineOf(node: Nodes | undefined): number {
  return node?.position?.start.line ?? 0;
}

function sameKey(a: EvaluationKey, b: EvaluationKey): boolean {
  return a.template === b.template && a.locale === b.locale && a.templateSection === b.templateSection && a.schema === b.schema && a.hasChildren === b.hasChildren;
}

function containsHtml(node: Nodes, text: string): boolean {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'html' && next.value.includes(text)) return true;
    if ('children' in next) for (const child of next.children) stack.push(child);
  }
  return false;
}

function shiftRange<T extends Range>(range: T, lines: number): T {
  return { ...range, line: range.line + lines, endLine: range.endLine + lines };
}

function shiftItem(item: ScanItem, lines: number): ScanItem {
  const moved = { ...item, range: shiftRange(item.range, lines) };
  if ('valueRange' in moved) moved.valueRange = shiftRange(moved.valueRange, lines);
  return moved;
}

function shiftData(data: FindingData | undefined, lines: number): FindingData | undefined {
  if (!data || !('value' in data)) return data && { ...data };
  return { ...data, value: shiftRange(data.value, lines) };
}

/** New finding objects on lines moved by `lines`, grouped into slots as before. */
function shiftSlots(slots: SectionSlots, lines: number): SectionSlots {
  const moved = new Map<Finding, Finding>(slots.findings.map((finding) => [finding, { ...shiftRange(finding, lines), data: shiftData(finding.data, lines) }]));
  // Every finding of an open slot is one of the section's findings.
  return { filled: slots.filled, total: slots.total, findings: slots.findings.map((finding) => moved.get(finding)!), openSlots: slots.openSlots.map((slot) => slot.map((finding) => moved.get(finding)!)) };
}
