/** The template sections a document still lacks, in template order, as `#` completion offers them. */
import { sectionSnippetBody } from './snippets';
import type { Template, TemplateSection } from '../template/template';
import type { Analysis, SectionNode } from '../analysis/types';

export interface MissingSectionItem {
  section: TemplateSection;
  /** Snippet text (tab stops on empty fields, choices on option lists). */
  snippet: string;
  /** Sorts the items in template order. */
  sortText: string;
}

export function missingSectionItems(analysis: Analysis, template: Template): MissingSectionItem[] {
  const missingIds = new Set<string>();
  const collect = (nodes: readonly SectionNode[]): void =>
    nodes.forEach((node) => (node.missing && node.templateSectionId ? missingIds.add(node.templateSectionId) : collect(node.children)));
  collect(analysis.sections);
  return template.sections
    .filter((section) => missingIds.has(section.id))
    .map((section, index) => ({ section, snippet: sectionSnippetBody(section).join('\n'), sortText: String(index).padStart(4, '0') }));
}

/** A line prefix where a heading is being typed: the `#`s, and what follows them. */
export function headingPrefix(linePrefix: string): { hashes: string } | undefined {
  const match = /^(#{1,6})(?:[ \t]+.*)?$/u.exec(linePrefix);
  return match ? { hashes: match[1] } : undefined;
}
