/** The overview as Markdown (a job summary, a wiki page): one table per template, a state per template section. */
import type { Locale } from '../core/rules/messages';
import { progressPercent } from '../core/views/fileReport';
import { escapeMarkdownCell } from './escape';
import type { CellState, ReportCell, ReportGroup, ReportModel, ReportRow } from './model';
import { reportTexts, type ReportTexts } from './texts';

const MARK: Record<ReportCell['state'], string> = { complete: '✅', partial: '🟡', empty: '⭕', missing: '❌', none: '·' };

function cellText(cell: ReportCell, texts: ReportTexts): string {
  if (cell.state === 'none') return MARK.none;
  if (cell.state === 'missing') return `${MARK.missing} ${texts.missingCell}`;
  return `${MARK[cell.state]} ${cell.filled}/${cell.total}`;
}

function trendText(row: ReportRow, texts: ReportTexts): string {
  if (!row.history || row.history.length === 0) return '';
  const ordered = [...row.history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return texts.trend(progressPercent(ordered[0]), progressPercent(ordered[ordered.length - 1]), ordered.length);
}

function renderGroup(group: ReportGroup, withHistory: boolean, texts: ReportTexts): string {
  const header = [texts.document, texts.completion, ...group.columns.map((column) => column.title), ...(withHistory ? [texts.overTime] : [])];
  const lines = [
    `## ${escapeMarkdownCell(group.templateTitle)} (\`${group.templateId.replace(/`/gu, '')}\`)`,
    '',
    `| ${header.map(escapeMarkdownCell).join(' | ')} |`,
    `| ${header.map((_, i) => (i === 1 ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const row of group.rows) {
    const cells = [escapeMarkdownCell(row.path), `${row.percent}% (${row.filled}/${row.total})`, ...row.cells.map((cell) => cellText(cell, texts)), ...(withHistory ? [trendText(row, texts)] : [])];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export interface MarkdownReportOptions {
  title?: string;
  /** The language of the report (default English). */
  locale?: Locale;
}

export function renderMarkdownReport(model: ReportModel, options: MarkdownReportOptions = {}): string {
  const texts = reportTexts(options.locale);
  const parts = [`# ${escapeMarkdownCell(options.title ?? texts.title)}`, '', `${texts.summary(model.documents, model.filled, model.total, model.percent)}.`, ''];
  if (model.groups.length === 0) parts.push(texts.noDocuments, '');
  for (const group of model.groups) parts.push(renderGroup(group, model.hasHistory, texts), '');
  const states: CellState[] = ['complete', 'partial', 'empty', 'missing', 'none'];
  parts.push(states.map((state) => `${MARK[state]} ${texts.state[state]}`).join(' · '), '');
  return parts.join('\n');
}
