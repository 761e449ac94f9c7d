/**
 * The architecture overview's webview script: renders the model the extension posts with the report's renderer
 * (the same tables as `archdoc report`, cells as buttons, in the editor's language the extension posts with it), keeps the focused cell focused across updates, and asks
 * the extension to open a document at a section when a cell or a document name is activated (click, Enter, Space).
 */
import type { Locale } from '../core/rules/messages';
import { renderLegend, renderSummary, renderTables } from '../report/html';
import type { ReportModel } from '../report/model';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('overview') as HTMLElement;

window.addEventListener('message', (event: MessageEvent<{ type?: string; model?: ReportModel; locale?: Locale }>) => {
  const { type, model, locale } = event.data ?? {};
  if (type !== 'update' || !model) return;
  const focused = document.activeElement instanceof HTMLElement ? { ...document.activeElement.dataset } : undefined;
  root.innerHTML = `${renderSummary(model, locale)}${renderLegend(locale)}${renderTables(model, { interactive: true, locale })}`;
  if (focused?.link) {
    const again = Array.from(root.querySelectorAll<HTMLElement>('button[data-link]')).find((button) => button.dataset.link === focused.link && button.dataset.line === focused.line);
    again?.focus();
  }
});

root.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-link]') : null;
  if (button) vscode.postMessage({ type: 'open', link: button.dataset.link, line: Number(button.dataset.line) });
});

vscode.postMessage({ type: 'ready' });
