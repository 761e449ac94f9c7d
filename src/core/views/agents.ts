/**
 * What coding agents are told and which edits they may ask for: the completeness tree and a template section as
 * plain data, and the "insert section" / "not applicable" quick-fix edits addressed by section name or line. Every
 * agent surface (the MCP server, the editor's language-model tools) answers through these, from one analysis.
 */
import { insertSectionEdit, sectionNotApplicableEdits, type TextEdit } from '../edits/textEdits';
import { innermostSection, sectionFindings } from '../edits/quickFixes';
import { guidanceTexts } from '../template/guidance';
import { parseMarkdown } from '../parse/parse';
import type { Template, TemplateSection } from '../template/template';
import { splitSectionNumber, titleKeys } from '../parse/text';
import type { Analysis, OpenSlot, SectionNode } from '../analysis/types';

export interface SlotReport {
  rule: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SectionReport {
  id: string;
  title: string;
  level: number;
  line: number;
  state: SectionNode['state'];
  filled: number;
  total: number;
  /** The template section's title, when the document's section stands for it under another title. */
  renamedFrom?: string;
  openSlots: SlotReport[];
  children: SectionReport[];
}

export interface OutlineReport {
  path: string;
  template: string;
  recognition?: string;
  completion: { filled: number; total: number };
  /** Open slots before the first section (the title's metadata, front matter). */
  openSlots: SlotReport[];
  sections: SectionReport[];
}

/** The completeness tree of an architecture document's analysis. */
export function outlineReport(path: string, analysis: Analysis & { templateId: string }): OutlineReport {
  return {
    path,
    template: analysis.templateId,
    recognition: analysis.recognition,
    completion: { filled: analysis.progress.filled, total: analysis.progress.total },
    openSlots: analysis.preambleSlots.map(slotReport),
    sections: analysis.sections.map(sectionReport),
  };
}

function sectionReport(node: SectionNode): SectionReport {
  return {
    id: node.id,
    title: node.title,
    level: node.level,
    line: node.range.line,
    state: node.state,
    filled: node.progress.filled,
    total: node.progress.total,
    renamedFrom: node.renamedFrom,
    openSlots: node.openSlots.map(slotReport),
    children: node.children.map(sectionReport),
  };
}

function slotReport(slot: OpenSlot): SlotReport {
  return { rule: slot.rule, message: slot.label, line: slot.line, column: slot.column, endLine: slot.endLine, endColumn: slot.endColumn };
}

/**
 * A template section named by its number (`2.2.1`, `2.2.1.`), its id, or its title (with or without the number,
 * any case, punctuation and spacing ignored; a parenthesised aside may be left out).
 */
export function findTemplateSection(template: Template, query: string): TemplateSection | undefined {
  const wanted = query.trim();
  if (!wanted) return undefined;
  const byId = template.sections.find((section) => section.id === wanted || section.id === wanted.replace(/\.$/u, ''));
  if (byId) return byId;
  const { number } = splitSectionNumber(wanted);
  const keys = titleKeys(wanted);
  const byTitle = (section: TemplateSection) => (keys.full !== '' && (section.keys.full === keys.full || section.keys.core === keys.full || section.keys.core === keys.core));
  const sameNumber = (section: TemplateSection) => !number || section.number?.join('.') === number.join('.');
  const titled = template.sections.filter((section) => byTitle(section) && sameNumber(section));
  if (titled.length > 0) return titled[0];
  return number && keys.full === '' ? template.sections.find(sameNumber) : undefined;
}

/** How a section can be named in a request: number and title. */
export function sectionNames(template: Template): string[] {
  return template.sections.map((section) => (section.number ? section.title : `${section.title} (id ${section.id})`));
}

export interface TemplateSectionReport {
  template: string;
  id: string;
  title: string;
  level: number;
  optional: boolean;
  /** The section's Markdown as the template writes it (heading, body, sub-sections): the form to write it in. */
  skeleton: string;
  /** What the template says to the author about this section: its comments and help text. */
  guidance: string[];
  /** Slots the section's own body has in the template. */
  slots: number;
  parent?: { id: string; title: string };
  subsections: Array<{ id: string; title: string; optional: boolean }>;
}

export function templateSectionReport(template: Template, section: TemplateSection): TemplateSectionReport {
  return {
    template: template.id,
    id: section.id,
    title: section.title,
    level: section.level,
    optional: section.optional,
    skeleton: section.markdown,
    // The section's own body: its text before the first sub-section's.
    guidance: guidanceTexts(parseMarkdown(section.children.length ? section.markdown.split(section.children[0].markdown)[0] : section.markdown).root.children),
    slots: section.ownSlots,
    parent: section.parent && { id: section.parent.id, title: section.parent.title },
    subsections: section.children.map((child) => ({ id: child.id, title: child.title, optional: child.optional })),
  };
}

/** Why an agent's edit request cannot be done, in words it can act on. */
export class EditRequestError extends Error {}

/** The "insert section" quick fix for a missing template section named by number or title. */
export function insertSectionByName(analysis: Analysis, template: Template, text: string, name: string): { section: TemplateSection; edit: TextEdit } {
  const section = findTemplateSection(template, name);
  if (!section) throw new EditRequestError(`template ${template.id} has no section "${name}"; its sections: ${sectionNames(template).join('; ')}`);
  const finding = analysis.findings.find((candidate) => candidate.data?.kind === 'missing-section' && candidate.data.templateSectionId === section.id);
  const edit = finding && insertSectionEdit(finding, template, text);
  if (!edit) throw new EditRequestError(`section "${section.title}" is not missing from the document (only missing sections are inserted)`);
  return { section, edit };
}

/**
 * The "not applicable" quick fix at a line: on a section's heading, the whole section (its open slots and missing
 * sub-sections, as the tree's command); elsewhere every open slot on that line.
 */
export function notApplicableAtLine(analysis: Analysis, template: Template | undefined, text: string, line: number): { target: string; edits: TextEdit[] } {
  const section = innermostSection(analysis.sections, line);
  if (section && section.range.line === line) {
    const edits = sectionNotApplicableEdits(sectionFindings(analysis, section), template, text);
    if (edits.length === 0) throw new EditRequestError(`section "${section.title}" (line ${line}) has no open slot`);
    return { target: `section "${section.title}"`, edits };
  }
  const onLine = analysis.findings.filter((finding) => finding.rule !== 'missing-section' && finding.line <= line && line <= finding.endLine);
  const edits = onLine.length > 0 ? sectionNotApplicableEdits(onLine, template, text) : [];
  if (edits.length === 0) {
    const open = [...new Set(analysis.findings.filter((finding) => finding.rule !== 'missing-section').map((finding) => finding.line))];
    throw new EditRequestError(`line ${line} has no open slot to mark not applicable${open.length ? `; open slots are on lines ${open.slice(0, 30).join(', ')}` : ''}`);
  }
  return { target: onLine.length === 1 ? `${onLine[0].rule} at line ${onLine[0].line}` : `${onLine.length} open slots on line ${line}`, edits };
}
