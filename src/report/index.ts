/** The overview of a workspace's architecture documents: its model and its HTML and Markdown renderings. Pure TypeScript. */
export { buildReportModel, type CellState, type HistoryPoint, type ReportCell, type ReportColumn, type ReportDocument, type ReportGroup, type ReportModel, type ReportRow } from './model';
export { cellDescription, type HtmlReportOptions, renderHistoryCharts, renderHtmlReport, renderLegend, renderSummary, renderTables, type TablesOptions } from './html';
export { type MarkdownReportOptions, renderMarkdownReport } from './markdown';
export { REPORT_TEXTS, reportTexts, type ReportTexts } from './texts';
export { DEFAULT_HISTORY_LIMIT, type GitRunner, readHistory } from './history';
export { escapeHtml } from './escape';
