/**
 * The overview as HTML: one table per template (a real table with row and column headers), a completion bar per
 * document and a heat-map cell per template section. Bars and charts are inline SVG, so the page needs no script and
 * no inline style attributes (the editor's webview forbids them). The editor's overview renders cells as buttons.
 */
import { historyChart, sparkline } from './chart';
import { escapeHtml } from './escape';
import type { CellState, ReportCell, ReportGroup, ReportModel, ReportRow } from './model';
import REPORT_CSS from '../../media/report.css';

export interface TablesOptions {
  /** Cells and document names as buttons carrying `data-link` and `data-line` (the editor's overview). */
  interactive: boolean;
}

const STATE_LABEL: Record<CellState, string> = {
  complete: 'complete',
  partial: 'partial',
  empty: 'empty',
  missing: 'missing',
  none: 'nothing to fill',
};

const STATE_MARK: Record<CellState, string> = { complete: '✓', partial: '◐', empty: '○', missing: '✗', none: '·' };

/** What a cell says to a screen reader and on hover. */
export function cellDescription(cell: ReportCell): string {
  if (cell.state === 'none') return `${cell.title}: ${STATE_LABEL.none}`;
  if (cell.state === 'missing') return `${cell.title}: missing section, ${cell.total} slot(s) to fill`;
  return `${cell.title}: ${STATE_LABEL[cell.state]}, ${cell.filled} of ${cell.total} filled`;
}

/** A horizontal completion bar (SVG, so that no style attribute is needed). */
export function completionBar(percent: number): string {
  const width = Math.max(0, Math.min(100, percent));
  return `<svg class="bar" width="100" height="8" viewBox="0 0 100 8" aria-hidden="true"><rect class="track" width="100" height="8" rx="2"/><rect class="fill" width="${width}" height="8" rx="2"/></svg>`;
}

export function renderLegend(): string {
  const states: CellState[] = ['complete', 'partial', 'empty', 'missing', 'none'];
  return `<ul class="legend" aria-label="Legend">${states.map((state) => `<li><span class="swatch state-${state}" aria-hidden="true">${STATE_MARK[state]}</span>${STATE_LABEL[state]}</li>`).join('')}</ul>`;
}

export function renderSummary(model: ReportModel): string {
  return `<p class="summary">${model.documents} architecture document(s), ${model.filled}/${model.total} slots filled (${model.percent}%)</p>`;
}

/** Every group's table; an empty model says so. */
export function renderTables(model: ReportModel, options: TablesOptions): string {
  if (model.groups.length === 0) return '<p class="empty-note">No architecture documents found.</p>';
  return model.groups.map((group) => renderGroup(group, model.hasHistory, options)).join('\n');
}

/** A numbered section's header shows its number (the full title on hover and for screen readers), so many columns fit. */
function columnHeader(title: string): string {
  const number = /^(\d+(?:\.\d+)*)\.?\s/u.exec(title)?.[1];
  const shown = number ? `<span aria-hidden="true">${number}</span><span class="visually-hidden">${escapeHtml(title)}</span>` : `<span>${escapeHtml(title)}</span>`;
  return `<th scope="col" class="section" title="${escapeHtml(title)}">${shown}</th>`;
}

function renderGroup(group: ReportGroup, withHistory: boolean, options: TablesOptions): string {
  const heads = group.columns.map((column) => columnHeader(column.title)).join('');
  const trendHead = withHistory ? '<th scope="col" class="trend-head">Over time</th>' : '';
  const rows = group.rows.map((row) => renderRow(row, withHistory, options)).join('\n');
  return (
    `<section class="group" data-template="${escapeHtml(group.templateId)}">` +
    `<h2>${escapeHtml(group.templateTitle)}${group.templateTitle === group.templateId ? '' : ` <span class="template-id">${escapeHtml(group.templateId)}</span>`}</h2>\n` +
    `<div class="scroll"><table>\n<caption>${escapeHtml(group.templateTitle)}: ${group.rows.length} document(s)</caption>\n` +
    `<thead><tr><th scope="col">Document</th><th scope="col">Completion</th>${heads}${trendHead}</tr></thead>\n` +
    `<tbody>\n${rows}\n</tbody></table></div></section>`
  );
}

function renderRow(row: ReportRow, withHistory: boolean, options: TablesOptions): string {
  const name = options.interactive && row.link ? `<button type="button" class="doc" data-link="${escapeHtml(row.link)}" data-line="1">${escapeHtml(row.path)}</button>` : escapeHtml(row.path);
  const note = row.note ? `<div class="note">${escapeHtml(row.note)}</div>` : '';
  const completion = `<td class="completion">${completionBar(row.percent)}<span class="percent">${row.percent}%</span> <span class="count">${row.filled}/${row.total}</span></td>`;
  const cells = row.cells.map((cell) => renderCell(row, cell, options)).join('');
  const trend = withHistory ? `<td class="trend-cell">${sparkline(row.history)}</td>` : '';
  return (
    `<tr data-path="${escapeHtml(row.path)}" data-filled="${row.filled}" data-total="${row.total}" data-percent="${row.percent}">` +
    `<th scope="row">${name}${note}</th>${completion}${cells}${trend}</tr>`
  );
}

function renderCell(row: ReportRow, cell: ReportCell, options: TablesOptions): string {
  const description = escapeHtml(cellDescription(cell));
  const text = cell.state === 'complete' || cell.state === 'missing' || cell.state === 'none' ? STATE_MARK[cell.state] : `${cell.filled}/${cell.total}`;
  const state = `cell state-${cell.state}`;
  if (options.interactive && row.link) {
    return `<td><button type="button" class="${state}" data-link="${escapeHtml(row.link)}" data-line="${cell.line}" aria-label="${description}" title="${description}">${text}</button></td>`;
  }
  return `<td><span class="${state}" role="img" aria-label="${description}" title="${description}">${text}</span></td>`;
}

/** Larger charts of completion over time, one per document that has history. */
export function renderHistoryCharts(model: ReportModel): string {
  const figures = model.groups
    .flatMap((group) => group.rows)
    .filter((row) => row.history && row.history.length > 0)
    .map((row) => `<figure>${historyChart(row.path, row.history ?? [])}<figcaption>${escapeHtml(row.path)}</figcaption></figure>`);
  return figures.length > 0 ? `<section class="history"><h2>Progress over time</h2>\n${figures.join('\n')}</section>` : '';
}

export interface HtmlReportOptions {
  title?: string;
  /** When the report was made (shown; pass a fixed value for reproducible output). */
  generatedAt?: string;
}

/** A complete, self-contained page: inline CSS and SVG, no script, nothing loaded from elsewhere. */
export function renderHtmlReport(model: ReportModel, options: HtmlReportOptions = {}): string {
  const title = options.title ?? 'Architecture documents';
  const generated = options.generatedAt ? `<p class="generated">Generated ${escapeHtml(options.generatedAt)} by archdoc</p>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
${REPORT_CSS}
</style>
</head>
<body class="archdoc-report">
<main>
<h1>${escapeHtml(title)}</h1>
${renderSummary(model)}
${renderLegend()}
${renderTables(model, { interactive: false })}
${renderHistoryCharts(model)}
${generated}
</main>
</body>
</html>
`;
}
