/** Completion over time as inline SVG: a sparkline for a table cell and a chart with axes for the report. */
import type { Locale } from '../core/rules/messages';
import { progressPercent } from '../core/views/fileReport';
import { escapeHtml } from './escape';
import type { HistoryPoint } from './model';
import { reportTexts } from './texts';

interface Point {
  date: string;
  commit: string;
  percent: number;
}

/** Oldest first, as percentages. */
function series(history: readonly HistoryPoint[]): Point[] {
  return [...history]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((point) => ({ date: point.date, commit: point.commit, percent: progressPercent(point) }));
}

function summary(points: readonly Point[], locale: Locale | undefined): string {
  const first = points[0];
  const last = points[points.length - 1];
  return reportTexts(locale).history(points.length, { percent: first.percent, day: day(first.date) }, { percent: last.percent, day: day(last.date) });
}

function day(date: string): string {
  return date.slice(0, 10);
}

function coordinates(points: readonly Point[], width: number, height: number, pad: number): Array<[number, number]> {
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  return points.map((point, i) => [round(pad + (points.length > 1 ? i * step : (width - 2 * pad) / 2)), round(pad + (height - 2 * pad) * (1 - point.percent / 100))]);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A small line of completion per commit (the table's trend cell); empty text when there is no history. */
export function sparkline(history: readonly HistoryPoint[] | undefined, locale?: Locale, width = 96, height = 24): string {
  if (!history || history.length === 0) return '';
  const points = series(history);
  const xy = coordinates(points, width, height, 3);
  const [lastX, lastY] = xy[xy.length - 1];
  const label = escapeHtml(summary(points, locale));
  return (
    `<svg class="trend" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}"><title>${label}</title>` +
    `<polyline points="${xy.map(([x, y]) => `${x},${y}`).join(' ')}"/><circle cx="${lastX}" cy="${lastY}" r="2.5"/></svg>`
  );
}

/** A chart with a 0–100 % axis and the first and last dates; each point says its commit on hover. */
export function historyChart(title: string, history: readonly HistoryPoint[], locale?: Locale, width = 480, height = 160): string {
  const points = series(history);
  if (points.length === 0) return '';
  const left = 40;
  const plotWidth = width - left - 12;
  const plotHeight = height - 36;
  const xy = coordinates(points, plotWidth, plotHeight, 6).map(([x, y]): [number, number] => [x + left, y + 8]);
  const grid = [0, 50, 100]
    .map((percent) => {
      const y = round(8 + 6 + (plotHeight - 12) * (1 - percent / 100));
      return `<line class="grid" x1="${left}" y1="${y}" x2="${width - 12}" y2="${y}"/><text class="axis" x="${left - 6}" y="${y + 4}" text-anchor="end">${percent}%</text>`;
    })
    .join('');
  const dots = points
    .map((point, i) => `<circle cx="${xy[i][0]}" cy="${xy[i][1]}" r="3"><title>${escapeHtml(`${day(point.date)} ${point.commit.slice(0, 7)}: ${point.percent}%`)}</title></circle>`)
    .join('');
  const first = points[0];
  const last = points[points.length - 1];
  const label = escapeHtml(`${title}: ${summary(points, locale)}`);
  return (
    `<svg class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}"><title>${label}</title>${grid}` +
    `<polyline points="${xy.map(([x, y]) => `${x},${y}`).join(' ')}"/>${dots}` +
    `<text class="axis" x="${left}" y="${height - 6}">${escapeHtml(day(first.date))}</text>` +
    `<text class="axis" x="${width - 12}" y="${height - 6}" text-anchor="end">${escapeHtml(day(last.date))}</text></svg>`
  );
}
