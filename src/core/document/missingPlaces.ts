/** Where missing template sections belong in a document, and how many slots each stands for. */
import type { LineIndex } from '../parse/lines';
import type { DocSection } from '../parse/sections';
import type { Template, TemplateSection } from '../template/template';

export type SectionMatch = ReadonlyMap<TemplateSection, DocSection>;

/** The line after which a missing section's skeleton goes: after the last present earlier sibling, else after the parent's own content. */
export function insertionLine(anchor: DocSection, missing: TemplateSection, template: Template, match: SectionMatch, lines: LineIndex): number {
  let previous: DocSection | undefined;
  for (const sibling of missing.parent ? missing.parent.children : template.topLevel) {
    if (sibling.order >= missing.order) break;
    const doc = match.get(sibling);
    if (doc && doc.parent === anchor) previous = doc;
  }
  const end = previous ? previous.endLine : anchor.children.length > 0 ? anchor.children[0].startLine - 1 : anchor.endLine;
  return lastContentLine(lines, previous?.startLine ?? anchor.startLine, end);
}

function lastContentLine(lines: LineIndex, from: number, to: number): number {
  for (let line = Math.min(to, lines.lineCount); line > from; line--) {
    const text = lines.lineText(line).trim();
    if (text.length > 0 && !/^(?:-{3,}|\*{3,}|_{3,})$/u.test(text.replace(/\s+/gu, ''))) return line;
  }
  return Math.max(from, 1);
}

/** The slots a missing section stands for: its own and those of its sub-sections that are not found elsewhere. */
export function missingSlots(templateSection: TemplateSection, match: SectionMatch): number {
  return templateSection.children.reduce((sum, child) => sum + (match.has(child) ? 0 : missingSlots(child, match)), templateSection.ownSlots);
}
