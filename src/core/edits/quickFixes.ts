/**
 * The quick fixes a finding offers, with their edits, from what the finding carries (its fix data and range) and
 * the analysis it belongs to. Surfaces only title and apply them.
 */
import { chooseOptionEdit, insertMissingSectionsEdits, insertSectionEdit, notApplicableEdits, sectionNotApplicableEdits, type TextEdit } from './textEdits';
import type { Template } from '../template/template';
import type { Analysis, Finding, SectionNode } from '../analysis/types';

export type QuickFix =
  | { kind: 'choose-option'; option: string; edits: TextEdit[] }
  | { kind: 'insert-section'; sectionTitle: string; edits: TextEdit[] }
  | { kind: 'insert-all-missing'; count: number; edits: TextEdit[] }
  | { kind: 'not-applicable'; edits: TextEdit[] }
  | { kind: 'section-not-applicable'; sectionTitle: string; edits: TextEdit[] };

/** In the order a light bulb lists them; only fixes with edits. Choosing an option is never preferred (no auto-pick). */
export function quickFixes(finding: Finding, analysis: Analysis, template: Template | undefined, text: string): QuickFix[] {
  const fixes: QuickFix[] = [];
  const data = finding.data;
  if (data?.kind === 'options') {
    for (const option of data.options) {
      const edit = chooseOptionEdit(finding, option, text);
      if (edit) fixes.push({ kind: 'choose-option', option, edits: [edit] });
    }
  }
  if (data?.kind === 'missing-section' && template) {
    const edit = insertSectionEdit(finding, template, text);
    const sectionTitle = template.sections.find((section) => section.id === data.templateSectionId)?.title ?? data.templateSectionId;
    if (edit) fixes.push({ kind: 'insert-section', sectionTitle, edits: [edit] });
    const missing = analysis.findings.filter((candidate) => candidate.rule === 'missing-section');
    if (missing.length > 1) fixes.push({ kind: 'insert-all-missing', count: missing.length, edits: insertMissingSectionsEdits(missing, template, text) });
  }
  fixes.push({ kind: 'not-applicable', edits: notApplicableEdits(finding, template, text) });
  const section = innermostSection(analysis.sections, finding.line);
  if (section) {
    const inSection = sectionFindings(analysis, section);
    // With one open slot, the section fix would be the same as the finding's own.
    if (inSection.length > 1) fixes.push({ kind: 'section-not-applicable', sectionTitle: section.title, edits: sectionNotApplicableEdits(inSection, template, text) });
  }
  return fixes.filter((fix) => fix.edits.length > 0);
}

/** The deepest section present in the document whose lines hold `line`. */
export function innermostSection(sections: readonly SectionNode[], line: number): SectionNode | undefined {
  for (const section of sections) {
    if (section.missing || line < section.range.line || line > section.endLine) continue;
    return innermostSection(section.children, line) ?? section;
  }
  return undefined;
}

/** The findings inside a section's lines (its sub-sections and their missing sections included). */
export function sectionFindings(analysis: Analysis, section: SectionNode): Finding[] {
  return analysis.findings.filter((finding) => finding.line >= section.range.line && finding.line <= section.endLine);
}
