/**
 * Where each finding sits in its document: the path of section titles above it and its slot. Reports group by it,
 * and baselines and fingerprints match on it, so that a finding keeps its identity when lines are added above it.
 */
import type { Analysis, Finding, SectionNode } from '../../core';

export interface PlacedFinding {
  finding: Finding;
  /** Section titles from the top, joined by " > "; empty before the first section. */
  section: string;
  /** The open slot's label, as the completeness tree shows it. */
  slot: string;
}

export const SECTION_SEPARATOR = ' > ';

export function placeFindings(analysis: Analysis): PlacedFinding[] {
  const sections = new Map<Finding, string>();
  const visit = (node: SectionNode, parents: readonly string[]) => {
    const path = [...parents, node.title];
    for (const slot of node.openSlots) sections.set(slot.finding, path.join(SECTION_SEPARATOR));
    for (const child of node.children) visit(child, path);
  };
  for (const node of analysis.sections) visit(node, []);
  return analysis.findings.map((finding) => ({ finding, section: sections.get(finding) ?? '', slot: finding.message }));
}

/** One string per finding identity (no line numbers): path, rule, section and slot. */
export function identity(path: string, rule: string, section: string, slot: string): string {
  return [path, rule, section, slot].join('\u0000');
}
