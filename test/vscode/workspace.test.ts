import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceCheck } from '../../src/vscode/commands';
import { archdoc, archdocDiagnostics, corpusDir, needsCorpus, openMarkdown, repoRoot, waitFor } from './helpers';

async function closeEditors(): Promise<void> {
  for (let i = 0; i < 10 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** The workspace folder on disk: files written here change under VS Code's feet, as a `git checkout` would. */
function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  assert.equal(folder.scheme, 'file');
  return folder.fsPath;
}

/** Writes files into the workspace, runs the test, and removes them and the folders it created. */
async function withFiles(files: Record<string, string | Buffer>, test: () => Promise<void>): Promise<void> {
  const root = workspaceRoot();
  const created = new Set<string>();
  try {
    for (const [path, content] of Object.entries(files)) {
      const folder = mkdirSync(dirname(join(root, path)), { recursive: true });
      if (folder) created.add(folder);
      writeFileSync(join(root, path), content);
    }
    await test();
  } finally {
    for (const path of Object.keys(files)) rmSync(join(root, path), { force: true });
    for (const folder of created) rmSync(folder, { recursive: true, force: true });
  }
}

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [join(repoRoot(), 'bin', 'archdoc.js'), ...args], { cwd: workspaceRoot(), encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  assert.notEqual(result.status, 2, result.stderr);
  return result.stdout;
}

function workspaceFile(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  return folder.with({ path: `${folder.path}/${path}` });
}

describe('workspace features', () => {
  afterEach(closeEditors);

  it('uses templates from .archdoc/templates/', async () => {
    await archdoc();
    const editor = await openMarkdown('# Decision Record: cache\n\n## Context\n- **Problem**: slow pages\n- **Constraints**: \n\n## Decision\n- **Choice**: Build/Buy\n- **Reason**: cost\n');
    const rules = await waitFor('diagnostics from the workspace template', () => {
      const found = archdocDiagnostics(editor.document.uri).map((d) => `${typeof d.code === 'object' ? d.code.value : ''}@${d.range.start.line + 1}`);
      return found.length === 2 ? found : undefined;
    });
    assert.deepEqual(rules, ['empty-field@5', 'unchosen-option@8']);
  });

  it('checks every architecture document of the workspace without opening it', async () => {
    await archdoc();
    const uri = workspaceFile('docs/architecture.md');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), false);
    const result = await vscode.commands.executeCommand<{ checked: number; findings: number }>('archdoc.checkWorkspace');
    assert.equal(result.checked, 1);
    assert.ok(result.findings > 100);
    assert.equal(archdocDiagnostics(uri).length, result.findings);
    assert.deepEqual(archdocDiagnostics(workspaceFile('README.md')), []);
  });

  it('checks the same files as `archdoc check .` in the same workspace', async () => {
    await archdoc();
    const architecture = readFileSync(join(workspaceRoot(), 'docs', 'architecture.md'));
    const extra = {
      'notes/adr-002.MARKDOWN': '# Decision Record: queue\n\n## Context\n- **Problem**: \n',
      'notes/plain.markdown': '# Notes\n\n- **Owner**: \n',
      'dist/architecture.md': architecture,
      'node_modules/pkg/architecture.md': architecture,
      '.archdoc/templates/drafts/architecture.md': architecture,
    };
    await withFiles(extra, async () => {
      const editor = await vscode.commands.executeCommand<WorkspaceCheck>('archdoc.checkWorkspace');
      const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
      const json = JSON.parse(cli(['check', '--format', 'json', '.'])) as { files: Array<{ path: string; findings: unknown[] }> };
      assert.deepEqual([...editor.documents].sort(byPath), json.files.map((file) => ({ path: file.path, findings: file.findings.length })).sort(byPath));
      const skipped = [...cli(['check', '.']).matchAll(/^(.+): skipped \(not an architecture document\)$/gmu)].map((match) => match[1]);
      assert.deepEqual([...editor.skipped].sort(), skipped.sort());
      // What both agree on is the policy: Markdown in any case of .md/.markdown, no dependency, build or template
      // folder (other tests may leave plain Markdown files behind, so only these are named).
      assert.deepEqual(editor.documents.map((document) => document.path).sort(), ['docs/architecture.md', 'notes/adr-002.MARKDOWN']);
      for (const path of ['README.md', 'notes/plain.markdown']) assert.ok(editor.skipped.includes(path), path);
      for (const path of editor.skipped) assert.doesNotMatch(path, /^(?:dist|node_modules|\.archdoc)\//u);
    });
  });

  it('applies a template added to, edited in or deleted from .archdoc/templates without a refresh', async () => {
    const api = await archdoc();
    const editor = await openMarkdown('# Runbook: payments\n\n## Alerts\n- **Pager**: \n');
    const uri = editor.document.uri;
    assert.equal(api.analysisOf(uri)?.templateId, undefined);
    await withFiles({ '.archdoc/templates/runbook.md': '# Runbook\n\n## Alerts\n- **Pager**: \n' }, async () => {
      await waitFor('diagnostics from the new template', () => archdocDiagnostics(uri).length === 1, 20000);
      assert.equal(api.analysisOf(uri)?.templateId, 'runbook');
      writeFileSync(join(workspaceRoot(), '.archdoc/templates/runbook.md'), '# Runbook\n\n## Alerts\n- **Pager**: \n\n## Recovery\n- **Steps**: \n');
      const rules = await waitFor('diagnostics from the edited template', () => {
        const found = archdocDiagnostics(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : ''));
        return found.length === 2 ? found.sort() : undefined;
      }, 20000);
      assert.deepEqual(rules, ['empty-field', 'missing-section']);
    });
    await waitFor('no diagnostics once the template is deleted', () => archdocDiagnostics(uri).length === 0, 20000);
    assert.equal(api.analysisOf(uri)?.templateId, undefined);
  });

  it('recognises an arc42 document by its structure once the arc42 template is in .archdoc/templates', async function () {
    needsCorpus(this);
    const api = await archdoc();
    const arc42 = readFileSync(join(corpusDir, 'templates/world/arc42-9.0-EN-withhelp.md'));
    const documentText = readFileSync(join(repoRoot(), 'test/fixtures/structure/arc42-library.md'));
    await withFiles({ '.archdoc/templates/arc42-9.0-EN-withhelp.md': arc42, 'docs/library-arc42.md': documentText }, async () => {
      const uri = vscode.Uri.file(join(workspaceRoot(), 'docs/library-arc42.md'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const analysis = await waitFor('the arc42 template applied', () => {
        const current = api.analysisOf(uri);
        return current?.templateId === 'arc42-9.0-EN-withhelp' ? current : undefined;
      }, 20000);
      assert.equal(analysis.recognition, 'structure');
      const missing = await waitFor('its diagnostics', () => {
        const found = archdocDiagnostics(uri).filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'missing-section');
        return found.length > 0 ? found.map((d) => d.range.start.line + 1) : undefined;
      });
      assert.deepEqual(missing, analysis.findings.filter((finding) => finding.rule === 'missing-section').map((finding) => finding.line));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  it('names a template that cannot be used and why, and still applies the others', async () => {
    const api = await archdoc();
    await withFiles({ '.archdoc/templates/legacy.md': Buffer.from([0x23, 0x20, 0xc7, 0xd1, 0x0a]), '.archdoc/templates/empty.md': 'no headings here\n' }, async () => {
      const problems = await waitFor('both problems', () => (api.templateProblems().length === 2 ? api.templateProblems() : undefined), 20000);
      assert.deepEqual([...problems].sort((a, b) => (a.path < b.path ? -1 : 1)), [
        { path: '.archdoc/templates/empty.md', reason: 'has no headings, so it defines nothing to check' },
        { path: '.archdoc/templates/legacy.md', reason: 'not valid UTF-8 (save it as UTF-8)' },
      ]);
      const editor = await openMarkdown('# Decision Record: cache\n\n## Context\n- **Problem**: \n');
      await waitFor('the decision-record template still applies', () => api.analysisOf(editor.document.uri)?.templateId === 'decision-record');
    });
    await waitFor('no problems once the files are gone', () => api.templateProblems().length === 0, 20000);
  });

  it('moves to the next and previous open slot, and reveals a tree item', async () => {
    await archdoc();
    const editor = await openMarkdown('# High Level 아키텍처 정의서\n\n## 1. 개요\n- **A**: x\n- **B**: \n- **C**: y\n- **D**: \n');
    await waitFor('diagnostics', () => archdocDiagnostics(editor.document.uri).length > 0);
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    await vscode.commands.executeCommand('archdoc.nextSlot');
    assert.equal(editor.selection.active.line, 4);
    await vscode.commands.executeCommand('archdoc.nextSlot');
    assert.equal(editor.selection.active.line, 6);
    await vscode.commands.executeCommand('archdoc.previousSlot');
    assert.equal(editor.selection.active.line, 4);
    await vscode.commands.executeCommand('archdoc.revealRange', editor.document.uri, new vscode.Range(2, 0, 2, 3));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 2);
  });

  it('never checks a template file of archdoc.templates as a document, in the editor and in `archdoc check .`', async () => {
    const api = await archdoc();
    const template = '# Incident Review\n\n## Impact\n- **Customers**: \n\n## Follow-up\n- **Owner**: Team/Vendor\n';
    const review = '# Incident Review: outage\n\n## Impact\n- **Customers**: 3%\n\n## Follow-up\n- **Owner**: \n';
    const config = vscode.workspace.getConfiguration('archdoc');
    await withFiles({ 'reviews/incident-template.md': template, 'reviews/2026-outage.md': review }, async () => {
      await config.update('templates', ['reviews/incident-template.md'], vscode.ConfigurationTarget.Workspace);
      try {
        const document = await vscode.workspace.openTextDocument(workspaceFile('reviews/2026-outage.md'));
        await vscode.window.showTextDocument(document);
        await waitFor('the review checked against the template', () => api.analysisOf(document.uri)?.templateId === 'incident-template', 20000);
        const templateDocument = await vscode.workspace.openTextDocument(workspaceFile('reviews/incident-template.md'));
        await vscode.window.showTextDocument(templateDocument);
        assert.equal(api.analysisOf(templateDocument.uri)?.templateId, undefined);
        assert.deepEqual(archdocDiagnostics(templateDocument.uri), []);
        const check = await vscode.commands.executeCommand<WorkspaceCheck>('archdoc.checkWorkspace');
        assert.ok(check.documents.some((entry) => entry.path === 'reviews/2026-outage.md'));
        assert.ok(check.skipped.includes('reviews/incident-template.md'));
        const json = JSON.parse(cli(['check', '--format', 'json', 'reviews'])) as { files: Array<{ path: string }> };
        assert.deepEqual(json.files.map((file) => file.path), ['reviews/2026-outage.md']);
      } finally {
        await config.update('templates', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });

  it('applies the severity setting', async () => {
    await archdoc();
    const config = vscode.workspace.getConfiguration('archdoc');
    await config.update('severity', { 'empty-field': 'error', 'missing-section': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openMarkdown('# High Level 아키텍처 정의서\n\n## 1. 개요\n- **A**: \n');
      const diagnostics = await waitFor('error diagnostics', () => {
        const found = archdocDiagnostics(editor.document.uri);
        return found.length === 1 && found[0].severity === vscode.DiagnosticSeverity.Error ? found : undefined;
      });
      assert.equal(diagnostics[0].range.start.line, 3);
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('shows findings of a section not started yet as information, and as warnings with unstartedSections: warning', async () => {
    await archdoc();
    const editor = await openMarkdown('# High Level 아키텍처 정의서\n\n## 1. 개요\n- **A**: 값\n- **B**: \n\n## 2. 요구사항\n- **C**: \n');
    const severityAt = (line: number) => archdocDiagnostics(editor.document.uri).find((d) => d.range.start.line === line)?.severity;
    await waitFor('diagnostics on both fields', () => severityAt(4) !== undefined && severityAt(7) !== undefined);
    assert.equal(severityAt(4), vscode.DiagnosticSeverity.Warning);
    assert.equal(severityAt(7), vscode.DiagnosticSeverity.Information);
    const config = vscode.workspace.getConfiguration('archdoc');
    await config.update('unstartedSections', 'warning', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the unstarted field as a warning', () => severityAt(7) === vscode.DiagnosticSeverity.Warning);
    } finally {
      await config.update('unstartedSections', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('skips a document over archdoc.maxFileSize with a visible reason, and no diagnostics', async () => {
    const api = await archdoc();
    const config = vscode.workspace.getConfiguration('archdoc');
    await config.update('maxFileSize', 100, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openMarkdown(`# High Level 아키텍처 정의서\n\n## 1. 개요\n- **A**: \n${'본문 '.repeat(100)}\n`);
      const analysis = await waitFor('skipped analysis', () => {
        const current = api.analysisOf(editor.document.uri);
        return current?.skippedReason ? current : undefined;
      });
      assert.match(analysis.skippedReason!, /larger than archdoc\.maxFileSize/u);
      assert.equal(analysis.templateId, 'high-level-architecture');
      assert.deepEqual(archdocDiagnostics(editor.document.uri), []);
    } finally {
      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('debounces typing: a burst of edits is analysed once, after the pause', async () => {
    const api = await archdoc();
    // A pause longer than any keystroke takes on a loaded machine, so the burst stays one burst.
    const config = vscode.workspace.getConfiguration('archdoc');
    await config.update('debounceMs', 1500, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openMarkdown('# High Level 아키텍처 정의서\n\n## 1. 개요\n- **A**: \n');
      await waitFor('first diagnostics', () => archdocDiagnostics(editor.document.uri).length > 0);
      // The cursor off every diagnostic: the light bulb asks for quick fixes after each edit, and quick fixes for a
      // diagnostic under the cursor need the current version's analysis (not the debounced pipeline under test).
      editor.selection = new vscode.Selection(1, 0, 1, 0);
      const before = api.stats().versionsAnalysed;
      for (const char of 'value') assert.ok(await editor.edit((b) => b.insert(new vscode.Position(3, editor.document.lineAt(3).text.length), char)), 'edit applied');
      assert.equal(api.stats().versionsAnalysed, before, 'nothing analysed while typing');
      await waitFor('empty-field gone after the pause', () => !archdocDiagnostics(editor.document.uri).some((d) => d.range.start.line === 3));
      assert.equal(editor.document.isClosed, false, 'the document is still open');
      assert.equal(api.stats().versionsAnalysed, before + 1);
    } finally {
      await config.update('debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('inserts a missing section from its tree item', async () => {
    const api = await archdoc();
    const editor = await openMarkdown('# High Level 아키텍처 정의서\n\n## 1. 개요 (Executive Summary)\n\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: 예약\n');
    // The node the tree shows, exactly what its inline "Insert section" button passes to the command.
    const missing = await waitFor('the missing 1.2 in the tree', () =>
      api.treeNodes()[0]?.children.find((node) => node.kind === 'section' && node.section.title.startsWith('1.2')),
    );
    assert.equal(missing.kind === 'section' && missing.section.state, 'missing');
    await vscode.commands.executeCommand('archdoc.insertSection', missing);
    assert.match(editor.document.getText(), /- \*\*비즈니스 목적\*\*: 예약\n\n### 1\.2 아키텍처 범위 및 경계\n- \*\*시스템 범위\*\*: /u);
  });
});
