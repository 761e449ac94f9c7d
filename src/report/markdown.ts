/** The overview as Markdown (a job summary, a wiki page): one table per template, a state per template section. */
import { progressPercent } from '../core/report';
import { escapeMarkdownCell } from './escape';
import type { ReportCell, ReportGroup, ReportModel, ReportRow } from './model';

const MARK: Record<ReportCell['state'], string> = { complete: '✅', partial: '🟡', empty: '⭕', missing: '❌', none: '·' };

function cellText(cell: ReportCell): string {
  if (cell.state === 'none') return MARK.none;
  if (cell.state === 'missing') return `${MARK.missing} missing`;
  return `${MARK[cell.state]} ${cell.filled}/${cell.total}`;
}

function trendText(row: ReportRow): string {
  if (!row.history || row.history.length === 0) return '';
  const ordered = [...row.history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = progressPercent(ordered[0]);
  const last = progressPercent(ordered[ordered.length - 1]);
  return `${first}% → ${last}% (${ordered.length} commit(s))`;
}

function renderGroup(group: ReportGroup, withHistory: boolean): string {
  const header = ['Document', 'Completion', ...group.columns.map((column) => column.title), ...(withHistory ? ['Over time'] : [])];
  const lines = [
    `## ${escapeMarkdownCell(group.templateTitle)} (\`${group.templateId.replace(/`/gu, '')}\`)`,
    '',
    `| ${header.map(escapeMarkdownCell).join(' | ')} |`,
    `| ${header.map((_, i) => (i === 1 ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const row of group.rows) {
    const cells = [escapeMarkdownCell(row.path), `${row.percent}% (${row.filled}/${row.total})`, ...row.cells.map(cellText), ...(withHistory ? [trendText(row)] : [])];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function renderMarkdownReport(model: ReportModel, title = 'Architecture documents'): string {
  const parts = [`# ${escapeMarkdownCell(title)}`, '', `${model.documents} architecture document(s), ${model.filled}/${model.total} slots filled (${model.percent}%).`, ''];
  if (model.groups.length === 0) parts.push('No architecture documents found.', '');
  for (const group of model.groups) parts.push(renderGroup(group, model.hasHistory), '');
  parts.push(`${MARK.complete} complete · ${MARK.partial} partial · ${MARK.empty} empty · ${MARK.missing} missing · ${MARK.none} nothing to fill`, '');
  return parts.join('\n');
}
