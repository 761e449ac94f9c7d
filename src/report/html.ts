/**
 * The overview as HTML: one table per template (a real table with row and column headers), a completion bar per
 * document and a heat-map cell per template section. Bars and charts are inline SVG, so the page needs no script and
 * no inline style attributes (the editor's webview forbids them). The editor's overview renders cells as buttons.
 */
import type { Locale } from '../core/rules/messages';
import { historyChart, sparkline } from './chart';
import { escapeHtml } from './escape';
import type { CellState, ReportCell, ReportGroup, ReportModel, ReportRow } from './model';
import { reportTexts, type ReportTexts } from './texts';
import REPORT_CSS from '../../media/report.css';

export interface TablesOptions {
  /** Cells and document names as buttons carrying `data-link` and `data-line` (the editor's overview). */
  interactive: boolean;
  /** The language of the tables' texts (default English). */
  locale?: Locale;
}

const STATE_MARK: Record<CellState, string> = { complete: '✓', partial: '◐', empty: '○', missing: '✗', none: '·' };

/** What a cell says to a screen reader and on hover. */
export function cellDescription(cell: ReportCell, locale?: Locale): string {
  const texts = reportTexts(locale);
  if (cell.state === 'none') return `${cell.title}: ${texts.state.none}`;
  if (cell.state === 'missing') return texts.cellMissing(cell.title, cell.total);
  return texts.cellFilled(cell.title, texts.state[cell.state], cell.filled, cell.total);
}

/** A horizontal completion bar (SVG, so that no style attribute is needed). */
export function completionBar(percent: number): string {
  const width = Math.max(0, Math.min(100, percent));
  return `<svg class="bar" width="100" height="8" viewBox="0 0 100 8" aria-hidden="true"><rect class="track" width="100" height="8" rx="2"/><rect class="fill" width="${width}" height="8" rx="2"/></svg>`;
}

export function renderLegend(locale?: Locale): string {
  const texts = reportTexts(locale);
  const states: CellState[] = ['complete', 'partial', 'empty', 'missing', 'none'];
  return `<ul class="legend" aria-label="${texts.legend}">${states.map((state) => `<li><span class="swatch state-${state}" aria-hidden="true">${STATE_MARK[state]}</span>${texts.state[state]}</li>`).join('')}</ul>`;
}

export function renderSummary(model: ReportModel, locale?: Locale): string {
  return `<p class="summary">${reportTexts(locale).summary(model.documents, model.filled, model.total, model.percent)}</p>`;
}

/** Every group's table; an empty model says so. */
export function renderTables(model: ReportModel, options: TablesOptions): string {
  const texts = reportTexts(options.locale);
  if (model.groups.length === 0) return `<p class="empty-note">${texts.noDocuments}</p>`;
  return model.groups.map((group) => renderGroup(group, model.hasHistory, options, texts)).join('\n');
}

/** A numbered section's header shows its number (the full title on hover and for screen readers), so many columns fit. */
function columnHeader(title: string): string {
  const number = /^(\d+(?:\.\d+)*)\.?\s/u.exec(title)?.[1];
  const shown = number ? `<span aria-hidden="true">${number}</span><span class="visually-hidden">${escapeHtml(title)}</span>` : `<span>${escapeHtml(title)}</span>`;
  return `<th scope="col" class="section" title="${escapeHtml(title)}">${shown}</th>`;
}

function renderGroup(group: ReportGroup, withHistory: boolean, options: TablesOptions, texts: ReportTexts): string {
  const heads = group.columns.map((column) => columnHeader(column.title)).join('');
  const trendHead = withHistory ? `<th scope="col" class="trend-head">${texts.overTime}</th>` : '';
  const rows = group.rows.map((row) => renderRow(row, withHistory, options)).join('\n');
  return (
    `<section class="group" data-template="${escapeHtml(group.templateId)}">` +
    `<h2>${escapeHtml(group.templateTitle)}${group.templateTitle === group.templateId ? '' : ` <span class="template-id">${escapeHtml(group.templateId)}</span>`}</h2>\n` +
    `<div class="scroll"><table>\n<caption>${escapeHtml(texts.caption(group.templateTitle, group.rows.length))}</caption>\n` +
    `<thead><tr><th scope="col">${texts.document}</th><th scope="col">${texts.completion}</th>${heads}${trendHead}</tr></thead>\n` +
    `<tbody>\n${rows}\n</tbody></table></div></section>`
  );
}

function renderRow(row: ReportRow, withHistory: boolean, options: TablesOptions): string {
  const name = options.interactive && row.link ? `<button type="button" class="doc" data-link="${escapeHtml(row.link)}" data-line="1">${escapeHtml(row.path)}</button>` : escapeHtml(row.path);
  const note = row.note ? `<div class="note">${escapeHtml(row.note)}</div>` : '';
  const completion = `<td class="completion">${completionBar(row.percent)}<span class="percent">${row.percent}%</span> <span class="count">${row.filled}/${row.total}</span></td>`;
  const cells = row.cells.map((cell) => renderCell(row, cell, options)).join('');
  const trend = withHistory ? `<td class="trend-cell">${sparkline(row.history, options.locale)}</td>` : '';
  return (
    `<tr data-path="${escapeHtml(row.path)}" data-filled="${row.filled}" data-total="${row.total}" data-percent="${row.percent}">` +
    `<th scope="row">${name}${note}</th>${completion}${cells}${trend}</tr>`
  );
}

function renderCell(row: ReportRow, cell: ReportCell, options: TablesOptions): string {
  const description = escapeHtml(cellDescription(cell, options.locale));
  const text = cell.state === 'complete' || cell.state === 'missing' || cell.state === 'none' ? STATE_MARK[cell.state] : `${cell.filled}/${cell.total}`;
  const state = `cell state-${cell.state}`;
  if (options.interactive && row.link) {
    return `<td><button type="button" class="${state}" data-link="${escapeHtml(row.link)}" data-line="${cell.line}" aria-label="${description}" title="${description}">${text}</button></td>`;
  }
  return `<td><span class="${state}" role="img" aria-label="${description}" title="${description}">${text}</span></td>`;
}

/** Larger charts of completion over time, one per document that has history. */
export function renderHistoryCharts(model: ReportModel, locale?: Locale): string {
  const figures = model.groups
    .flatMap((group) => group.rows)
    .filter((row) => row.history && row.history.length > 0)
    .map((row) => `<figure>${historyChart(row.path, row.history ?? [], locale)}<figcaption>${escapeHtml(row.path)}</figcaption></figure>`);
  return figures.length > 0 ? `<section class="history"><h2>${reportTexts(locale).progressOverTime}</h2>\n${figures.join('\n')}</section>` : '';
}

export interface HtmlReportOptions {
  title?: string;
  /** When the report was made (shown; pass a fixed value for reproducible output). */
  generatedAt?: string;
  /** The language of the page (default English). */
  locale?: Locale;
}

/** A complete, self-contained page: inline CSS and SVG, no script, nothing loaded from elsewhere. */
export function renderHtmlReport(model: ReportModel, options: HtmlReportOptions = {}): string {
  const { locale } = options;
  const texts = reportTexts(locale);
  const title = options.title ?? texts.title;
  const generated = options.generatedAt ? `<p class="generated">${escapeHtml(texts.generated(options.generatedAt))}</p>` : '';
  return `<!DOCTYPE html>
<html lang="${texts.lang}">
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
${renderSummary(model, locale)}
${renderLegend(locale)}
${renderTables(model, { interactive: false, locale })}
${renderHistoryCharts(model, locale)}
${generated}
</main>
</body>
</html>
`;
}
