/** The `browser` bundle in the web-worker extension host: activation, diagnostics and the completeness tree. */
import * as assert from './assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'archdoc.archdoc';
const CONTENT = '# High Level 아키텍처 정의서\n\n## 1. 개요\n- **비즈니스 목적**: \n';

interface TreeItemSnapshot {
  label: string;
  description: string;
  state?: string;
  children: TreeItemSnapshot[];
}
interface AnalysisSnapshot {
  templateId?: string;
  findings: Array<{ rule: string; line: number }>;
  progress: { filled: number; total: number };
  sections: Array<{ title: string; progress: { filled: number; total: number } }>;
}
interface ArchdocApi {
  analysisOf(uri: vscode.Uri): AnalysisSnapshot | undefined;
  treeItems(): TreeItemSnapshot[];
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; the failure says what was last seen. */
async function waitFor<T>(what: string, probe: () => T | undefined, describeLast: () => string, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describeLast()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const archdocDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'archdoc');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
const flatten = (items: TreeItemSnapshot[]): TreeItemSnapshot[] => items.flatMap((item) => [item, ...flatten(item.children)]);

describe('archdoc in the web-worker extension host', () => {
  let api: ArchdocApi;
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: CONTENT });
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension<ArchdocApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the web extension host`);
    api = await extension.activate();
    assert.ok(api && typeof api.treeItems === 'function', 'activate() did not return the archdoc API');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('runs the browser bundle in a web worker (no Node.js)', () => {
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web, 'not the web UI');
    assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined', 'a `process` global exists');
    assert.strictEqual(typeof navigator, 'object', 'no `navigator`');
    assert.strictEqual(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'not a worker global scope');
    assert.strictEqual(typeof (globalThis as { document?: unknown }).document, 'undefined', 'a DOM `document` exists (not a worker)');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.strictEqual(extension.isActive, true);
    assert.strictEqual(extension.packageJSON.browser, './out/web/extension.js');
  });

  it('reports the empty field as an archdoc diagnostic', async () => {
    const found = await waitFor(
      'an archdoc empty-field diagnostic',
      () => archdocDiagnostics(document.uri).find((d) => codeOf(d) === 'empty-field'),
      () => JSON.stringify(vscode.languages.getDiagnostics(document.uri).map((d) => [d.source, codeOf(d), d.message])),
    );
    assert.strictEqual(found.range.start.line, 3, 'the diagnostic is on the `비즈니스 목적` line');
  });

  it('lists the section in the completeness tree', async () => {
    const item = await waitFor(
      'the tree to list `1. 개요`',
      () => flatten(api.treeItems()).find((node) => node.label === '1. 개요'),
      () => JSON.stringify(api.treeItems().map((node) => node.label)),
    );
    assert.strictEqual(item.state, 'empty', 'its one field is empty');
    const analysis = api.analysisOf(document.uri);
    assert.strictEqual(analysis?.templateId, 'high-level-architecture');
    // x/y: nothing filled out of the section's slots (its own field and those of its missing subsections).
    const section = analysis.sections.find((s) => s.title === '1. 개요');
    assert.ok(section && section.progress.total > 1, `1. 개요 in the analysis: ${JSON.stringify(section?.progress)}`);
    assert.strictEqual(item.description, `0/${section.progress.total}`);
    assert.strictEqual(JSON.stringify(analysis.findings.map((f) => `${f.rule}@${f.line}`).filter((f) => !f.startsWith('missing-section'))), '["empty-field@4"]');
    assert.strictEqual(analysis.progress.filled, 0);
  });

  it('opens the architecture overview, without git history (a browser cannot run git)', async () => {
    const shown = await vscode.commands.executeCommand<{ model: { hasHistory: boolean; groups: unknown[] }; updates: number } | undefined>('archdoc.showOverview');
    assert.ok(shown && shown.updates >= 1, `the overview posted nothing: ${JSON.stringify(shown)}`);
    assert.strictEqual(shown.model.hasHistory, false);
    const webview = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview);
    assert.ok(webview, 'no webview tab');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
