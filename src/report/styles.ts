/**
 * The overview's style sheet, shared by the editor's webview and the HTML report. Colours come from the editor's
 * theme variables where they exist (the webview), with light and dark fallbacks for a browser (the report).
 */
export const REPORT_CSS = `
:root {
  --ad-fg: var(--vscode-foreground, #1f2328);
  --ad-muted: var(--vscode-descriptionForeground, #59636e);
  --ad-bg: var(--vscode-editor-background, #ffffff);
  --ad-border: var(--vscode-panel-border, #d1d9e0);
  --ad-focus: var(--vscode-focusBorder, #0969da);
  --ad-accent: var(--vscode-progressBar-background, #0969da);
  --ad-complete: var(--vscode-charts-green, #1a7f37);
  --ad-partial: var(--vscode-charts-yellow, #bf8700);
  --ad-empty: var(--vscode-charts-orange, #d1580b);
  --ad-missing: var(--vscode-charts-red, #cf222e);
  --ad-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif);
}
@media (prefers-color-scheme: dark) {
  :root {
    --ad-fg: var(--vscode-foreground, #e6edf3);
    --ad-muted: var(--vscode-descriptionForeground, #9198a1);
    --ad-bg: var(--vscode-editor-background, #0d1117);
    --ad-border: var(--vscode-panel-border, #3d444d);
    --ad-complete: var(--vscode-charts-green, #3fb950);
    --ad-partial: var(--vscode-charts-yellow, #d29922);
    --ad-empty: var(--vscode-charts-orange, #db6d28);
    --ad-missing: var(--vscode-charts-red, #f85149);
  }
}
body { color: var(--ad-fg); background: var(--ad-bg); font-family: var(--ad-font); font-size: var(--vscode-font-size, 14px); margin: 0; }
main { padding: 12px 20px 24px; }
h1 { font-size: 1.4em; margin: 0.4em 0; }
h2 { font-size: 1.1em; margin: 1.2em 0 0.4em; }
.template-id, .count, .generated, .summary, caption, .note { color: var(--ad-muted); }
.template-id { font-weight: normal; font-size: 0.85em; margin-left: 0.4em; }
caption { text-align: left; caption-side: top; padding-bottom: 4px; font-size: 0.9em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid var(--ad-border); padding: 4px 6px; text-align: left; vertical-align: middle; }
thead th { font-weight: 600; font-size: 0.85em; vertical-align: bottom; }
th.section span { display: inline-block; max-width: 7em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
tbody th { font-weight: normal; white-space: nowrap; max-width: 28em; overflow: hidden; text-overflow: ellipsis; }
td.completion { white-space: nowrap; }
.percent { display: inline-block; min-width: 3.2em; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.bar { vertical-align: middle; }
.bar .track { fill: color-mix(in srgb, var(--ad-fg) 15%, transparent); }
.bar .fill { fill: var(--ad-accent); }
.cell, .swatch {
  display: inline-block; box-sizing: border-box; min-width: 3.2em; padding: 2px 4px; border-radius: 3px;
  text-align: center; font: inherit; font-size: 0.85em; font-variant-numeric: tabular-nums; color: var(--ad-fg);
  border: 1px solid transparent; background: transparent;
}
.swatch { min-width: 1.8em; margin-right: 0.3em; }
button.cell, button.doc { cursor: pointer; }
button.doc { font: inherit; color: var(--vscode-textLink-foreground, var(--ad-accent)); background: none; border: none; padding: 0; text-align: left; }
button:focus-visible { outline: 2px solid var(--ad-focus); outline-offset: 1px; }
button.cell:hover { border-color: var(--ad-focus); }
.state-complete { background: color-mix(in srgb, var(--ad-complete) 40%, transparent); }
.state-partial { background: color-mix(in srgb, var(--ad-partial) 40%, transparent); }
.state-empty { background: color-mix(in srgb, var(--ad-empty) 28%, transparent); }
.state-missing { background: color-mix(in srgb, var(--ad-missing) 40%, transparent); border-style: dashed; border-color: var(--ad-missing); }
.state-none { color: var(--ad-muted); }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 1em; padding: 0; margin: 0.6em 0; font-size: 0.9em; }
.trend polyline, .chart polyline { fill: none; stroke: var(--ad-accent); stroke-width: 1.5; }
.trend circle, .chart circle { fill: var(--ad-accent); }
.chart .grid { stroke: var(--ad-border); stroke-width: 1; }
.chart .axis { fill: var(--ad-muted); font-size: 11px; font-family: var(--ad-font); }
figure { display: inline-block; margin: 0 1.5em 1em 0; }
figcaption { font-size: 0.85em; color: var(--ad-muted); }
@media (forced-colors: active) {
  .cell { border-color: CanvasText; }
  .state-missing { border-style: dashed; }
}
`;
