import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { OverviewShown } from '../../src/vscode/overview';
import { archdoc, repoRoot, waitFor } from './helpers';

function workspaceRoot(): string {
  return vscode.workspace.workspaceFolders![0].uri.fsPath;
}

/** `archdoc check --format json .` in the workspace: path → completion, as the command line reports it. */
function checkedCompletion(): Map<string, { filled: number; total: number }> {
  const result = spawnSync(process.execPath, [join(repoRoot(), 'bin', 'archdoc.js'), 'check', '--format', 'json', '.'], { cwd: workspaceRoot(), encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  const json = JSON.parse(result.stdout) as { files: Array<{ path: string; completion: { filled: number; total: number } }> };
  return new Map(json.files.map((file) => [file.path, file.completion]));
}

function rowsOf(shown: OverviewShown | undefined): Map<string, { filled: number; total: number }> {
  return new Map((shown?.model.groups ?? []).flatMap((group) => group.rows.map((row) => [row.path, { filled: row.filled, total: row.total }] as const)));
}

const ADR = '# Decision Record: cache\n\n## Context\n- **Problem**: slow pages\n- **Constraints**: \n\n## Decision\n- **Choice**: Buy\n- **Reason**: cost\n';

describe('architecture overview', function () {
  this.timeout(60_000);
  const adrPath = () => join(workspaceRoot(), 'docs', 'adr-cache.md');

  // Each test starts from the same file on disk (an edited document may have been saved when its editor closed).
  beforeEach(() => writeFileSync(adrPath(), ADR));
  afterEach(async () => {
    for (let i = 0; i < 10 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); i++) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
  after(() => rmSync(adrPath(), { force: true }));

  it('opens and lists every architecture document with the completion `archdoc check` reports', async () => {
    const api = await archdoc();
    const shown = await vscode.commands.executeCommand<OverviewShown | undefined>('archdoc.showOverview');
    assert.ok(shown, 'the command returns what the webview shows');
    assert.equal(api.overviewShown(), shown);
    const expected = checkedCompletion();
    assert.deepEqual([...expected.keys()].sort(), ['docs/adr-cache.md', 'docs/architecture.md']);
    assert.equal(rowsOf(shown).size, expected.size);
    for (const [path, completion] of expected) assert.deepEqual(rowsOf(shown).get(path), completion, path);
    // Documents of different templates: a table each, with the template's own sections as columns.
    assert.deepEqual(shown.model.groups.map((group) => group.templateId).sort(), ['decision-record', 'high-level-architecture']);
    assert.deepEqual(shown.model.groups.find((group) => group.templateId === 'decision-record')?.columns.map((column) => column.title), ['Context', 'Decision']);
    const adr = shown.model.groups.flatMap((group) => group.rows).find((row) => row.path === 'docs/adr-cache.md');
    assert.match(adr?.link ?? '', /^file:\/\/.*\/docs\/adr-cache\.md$/u);
    assert.deepEqual(adr?.cells.map((cell) => `${cell.title} ${cell.state} ${cell.filled}/${cell.total} line ${cell.line}`), ['Context partial 1/2 line 3', 'Decision complete 2/2 line 7']);
    const webview = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview);
    assert.ok(webview, 'a webview tab is open');
  });

  it('follows an edit of an open document without parsing it again', async () => {
    const api = await archdoc();
    await vscode.commands.executeCommand('archdoc.showOverview');
    const before = api.overviewShown()!;
    const statsBefore = api.stats();
    const beforeRow = rowsOf(before).get('docs/adr-cache.md')!;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(adrPath()));
    const editor = await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('- **Constraints**:'));
    await editor.edit((edit) => edit.insert(new vscode.Position(line, document.lineAt(line).text.length), 'one region'));
    const after = await waitFor('the overview to show the edit', () => {
      const shown = api.overviewShown();
      const row = rowsOf(shown).get('docs/adr-cache.md');
      return shown && shown.updates > before.updates && row && row.filled === beforeRow.filled + 1 ? shown : undefined;
    });
    const row = after.model.groups.flatMap((group) => group.rows).find((candidate) => candidate.path === 'docs/adr-cache.md')!;
    assert.deepEqual(row.cells.map((cell) => cell.state), ['complete', 'complete']);
    assert.equal(row.percent, 100);
    // One parse per new version: the overview read the model's analysis, it did not parse the edited text itself.
    const statsAfter = api.stats();
    assert.equal(statsAfter.parses - statsBefore.parses, statsAfter.versionsAnalysed - statsBefore.versionsAnalysed);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('marks open slots in the Markdown preview from the editor\'s analysis', async () => {
    const api = await archdoc();
    const file = join(workspaceRoot(), 'docs', 'adr-preview.md');
    writeFileSync(file, ADR);
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(document);
      assert.ok(api.analysisOf(document.uri)?.templateId);
      const parsesBefore = api.stats().parses;
      const md = api.extendMarkdownIt(new MarkdownIt({ html: true }));
      const html = md.render(document.getText(), { currentDocument: document.uri });
      assert.equal(api.stats().parses, parsesBefore, 'the preview used the cached analysis');
      assert.match(html, /<h2>Context <span class="archdoc-badge archdoc-partial" title="1 of 2 slots filled"[^>]*>1\/2<\/span><\/h2>/u);
      assert.match(html, /<h2>Decision <span class="archdoc-badge archdoc-complete"[^>]*>2\/2<\/span><\/h2>/u);
      assert.match(html, /<li class="archdoc-open" title="[^"]*Constraints[^"]*"><strong>Constraints<\/strong>:<\/li>/u);
      assert.equal((html.match(/archdoc-open/gu) ?? []).length, 1);
      // Not an architecture document: nothing added.
      const plain = '# Notes\n\n- **Owner**: \n';
      assert.equal(md.render(plain, { currentDocument: vscode.Uri.file(join(workspaceRoot(), 'README.md')) }), new MarkdownIt({ html: true }).render(plain));
    } finally {
      rmSync(file, { force: true });
    }
  });
});
