/**
 * The outline model: the document's sections as a tree of `SectionNode`s with their progress, state and open slots,
 * missing template sections placed where they belong. Every surface (tree view, CLI outline, reports) reads it.
 */
import type { LineIndex } from '../parse/lines';
import { missingSlots, type SectionMatch } from '../document/missingPlaces';
import { type DocSection, headingRange } from '../parse/sections';
import type { TemplateSection } from '../template/template';
import type { Finding, OpenSlot, Progress, SectionNode, SectionState } from './types';

/** What the outline needs from the analysis of each section. */
export interface OutlineInput {
  /** A section's own kept findings and progress (sub-sections excluded). */
  own(section: DocSection): { findings: Finding[]; filled: number; total: number };
  /** Kept missing-section findings under a document section, with the template section each stands for. */
  missing(section: DocSection): Array<{ templateSection: TemplateSection; finding: Finding }>;
  templateOf: ReadonlyMap<DocSection, TemplateSection>;
  /** Sections matched to their template section under another title. */
  renamed: ReadonlySet<DocSection>;
  match: SectionMatch;
  lines: LineIndex;
}

export interface Outline {
  root: SectionNode;
  /** Every kept finding, in tree order. */
  findings: Finding[];
  /** Findings in a section whose slots are all still open (the author has not started it). */
  unstarted: Set<Finding>;
}

export function buildOutline(top: DocSection, input: OutlineInput): Outline {
  const findings: Finding[] = [];
  const unstarted = new Set<Finding>();
  const build = (section: DocSection): SectionNode => {
    const own = input.own(section);
    findings.push(...own.findings);
    const templateSection = input.templateOf.get(section);
    const children = section.children.map(build);
    const missing = input.missing(section);
    findings.push(...missing.map((entry) => entry.finding));
    const missingNodes = missing.map((entry) => ({ node: missingNode(entry.templateSection, entry.finding, input.match), order: entry.templateSection.order }));
    const ordered = orderChildren(children, missingNodes, input.templateOf, section);
    const progress = sumProgress({ filled: own.filled, total: own.total }, ordered);
    if (progress.filled === 0) own.findings.forEach((finding) => unstarted.add(finding));
    return {
      id: templateSection ? templateSection.id : `doc:${section.startLine}`,
      title: section.title,
      level: section.level,
      range: headingRange(section, input.lines),
      endLine: section.endLine,
      missing: false,
      templateSectionId: templateSection?.id,
      renamedFrom: templateSection && input.renamed.has(section) ? templateSection.title : undefined,
      progress,
      state: stateOf(progress),
      children: ordered,
      openSlots: own.findings.map(toOpenSlot),
    };
  };
  return { root: build(top), findings, unstarted };
}

function missingNode(templateSection: TemplateSection, finding: Finding, match: SectionMatch): SectionNode {
  const progress = { filled: 0, total: Math.max(1, missingSlots(templateSection, match)) };
  return {
    id: templateSection.id,
    title: templateSection.title,
    level: templateSection.level,
    range: { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
    endLine: finding.line,
    missing: true,
    templateSectionId: templateSection.id,
    insertAfterLine: finding.data?.kind === 'missing-section' ? finding.data.insertAfterLine : finding.line,
    progress,
    state: 'missing',
    children: [],
    openSlots: [toOpenSlot(finding)],
  };
}

/** Present children in document order, each missing one placed before the first present sibling that follows it in the template. */
function orderChildren(present: SectionNode[], missing: Array<{ node: SectionNode; order: number }>, templateOf: ReadonlyMap<DocSection, TemplateSection>, section: DocSection): SectionNode[] {
  const orderOf = new Map<SectionNode, number>();
  present.forEach((node, i) => {
    const templateSection = templateOf.get(section.children[i]);
    if (templateSection) orderOf.set(node, templateSection.order);
  });
  const ordered = [...present];
  for (const { node, order } of missing) {
    const index = ordered.findIndex((candidate) => (orderOf.get(candidate) ?? -1) > order);
    ordered.splice(index < 0 ? ordered.length : index, 0, node);
    orderOf.set(node, order);
  }
  return ordered;
}

function sumProgress(own: Progress, children: readonly SectionNode[]): Progress {
  return children.reduce((sum, child) => ({ filled: sum.filled + child.progress.filled, total: sum.total + child.progress.total }), own);
}

function stateOf(progress: Progress): SectionState {
  if (progress.total === 0) return 'none';
  if (progress.filled === progress.total) return 'complete';
  return progress.filled === 0 ? 'empty' : 'partial';
}

export function toOpenSlot(finding: Finding): OpenSlot {
  return { rule: finding.rule, label: finding.message, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, finding };
}
