import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { archdoc, archdocDiagnostics, openMarkdown, waitFor } from './helpers';

async function closeEditors(): Promise<void> {
  for (let i = 0; i < 10 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
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
    const editor = await openMarkdown('# High Level 아키텍처 정의서\n\n## 1. 개요\n- **A**: \n');
    await waitFor('first diagnostics', () => archdocDiagnostics(editor.document.uri).length > 0);
    const before = api.stats().versionsAnalysed;
    for (const char of 'value') await editor.edit((b) => b.insert(new vscode.Position(3, editor.document.lineAt(3).text.length), char));
    assert.equal(api.stats().versionsAnalysed, before, 'nothing analysed while typing');
    await waitFor('empty-field gone after the pause', () => !archdocDiagnostics(editor.document.uri).some((d) => d.range.start.line === 3));
    assert.equal(api.stats().versionsAnalysed, before + 1);
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
