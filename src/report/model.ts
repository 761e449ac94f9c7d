/**
 * The workspace overview as data: one group per template (its top-level sections are the columns), one row per
 * architecture document, one cell per template section. Built from analyses only, so every surface (the editor's
 * overview, the HTML and Markdown reports) shows the same numbers as `archdoc check`.
 */
import { progressPercent } from '../core/views/fileReport';
import type { Analysis, SectionNode, SectionState, Template } from '../core';

/** One point of a document's completion over time (one commit). */
export interface HistoryPoint {
  commit: string;
  /** ISO 8601 author date of the commit. */
  date: string;
  filled: number;
  total: number;
}

/** An analysed document as the caller found it. */
export interface ReportDocument {
  /** Shown path (workspace- or cwd-relative). */
  path: string;
  analysis: Analysis;
  /** What opens the document (a URI in the editor); not shown. */
  link?: string;
  history?: readonly HistoryPoint[];
}

/** `none`: the template section has nothing to fill, or the document neither has it nor needs it. */
export type CellState = SectionState;

export interface ReportCell {
  columnId: string;
  title: string;
  state: CellState;
  filled: number;
  total: number;
  /** 1-based line to open: the section's heading, or where a missing section would go. */
  line: number;
}

export interface ReportRow {
  path: string;
  link?: string;
  filled: number;
  total: number;
  percent: number;
  findings: number;
  cells: ReportCell[];
  history?: readonly HistoryPoint[];
  /** Why the analysis was skipped (too large, parse failure), shown instead of cells. */
  note?: string;
}

export interface ReportColumn {
  id: string;
  title: string;
}

export interface ReportGroup {
  templateId: string;
  templateTitle: string;
  columns: ReportColumn[];
  rows: ReportRow[];
}

export interface ReportModel {
  groups: ReportGroup[];
  documents: number;
  filled: number;
  total: number;
  percent: number;
  /** Whether any row carries history (the report then draws charts). */
  hasHistory: boolean;
}

/** A template whose title is a placeholder (`# {Decision title}`) is named by its id. */
const PLACEHOLDER = /[{[]/u;

/** Only architecture documents (analyses with a template) become rows; groups keep the templates' order. */
export function buildReportModel(documents: readonly ReportDocument[], templates: readonly Template[]): ReportModel {
  const groups = new Map<string, ReportGroup>();
  const sorted = [...documents].filter((doc) => doc.analysis.templateId).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const doc of sorted) {
    const templateId = doc.analysis.templateId as string;
    let group = groups.get(templateId);
    if (!group) {
      const template = templates.find((candidate) => candidate.id === templateId);
      const columns = template ? template.topLevel.map((section) => ({ id: section.id, title: section.title })) : columnsFromAnalysis(doc.analysis);
      group = { templateId, templateTitle: template && !PLACEHOLDER.test(template.title) ? template.title : templateId, columns, rows: [] };
      groups.set(templateId, group);
    }
    group.rows.push(buildRow(doc, group.columns));
  }
  const ordered = [...groups.values()].sort((a, b) => orderOf(a.templateId, templates) - orderOf(b.templateId, templates));
  const rows = ordered.flatMap((group) => group.rows);
  const filled = rows.reduce((sum, row) => sum + row.filled, 0);
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  return { groups: ordered, documents: rows.length, filled, total, percent: progressPercent({ filled, total }), hasHistory: rows.some((row) => row.history && row.history.length > 0) };
}

function orderOf(templateId: string, templates: readonly Template[]): number {
  const index = templates.findIndex((template) => template.id === templateId);
  return index < 0 ? templates.length : index;
}

/** A template that is no longer loaded: its matched top-level sections, as the document has them. */
function columnsFromAnalysis(analysis: Analysis): ReportColumn[] {
  return analysis.sections.filter((node) => node.templateSectionId).map((node) => ({ id: node.templateSectionId as string, title: node.title }));
}

function buildRow(doc: ReportDocument, columns: readonly ReportColumn[]): ReportRow {
  const { analysis } = doc;
  const byTemplateSection = new Map<string, SectionNode>();
  const visit = (node: SectionNode): void => {
    // The first occurrence stands for the template section (a repeated copy adds nothing new to the column).
    if (node.templateSectionId && !byTemplateSection.has(node.templateSectionId)) byTemplateSection.set(node.templateSectionId, node);
    node.children.forEach(visit);
  };
  analysis.sections.forEach(visit);
  const cells = columns.map((column): ReportCell => {
    const node = byTemplateSection.get(column.id);
    if (!node) return { columnId: column.id, title: column.title, state: 'none', filled: 0, total: 0, line: 1 };
    return { columnId: column.id, title: column.title, state: node.state, filled: node.progress.filled, total: node.progress.total, line: node.range.line };
  });
  return {
    path: doc.path,
    link: doc.link,
    filled: analysis.progress.filled,
    total: analysis.progress.total,
    percent: progressPercent(analysis.progress),
    findings: analysis.findings.length,
    cells,
    history: doc.history,
    note: analysis.skippedReason,
  };
}
