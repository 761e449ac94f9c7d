import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TreeItemSnapshot } from '../../src/extension';
import { archdoc, archdocDiagnostics, corpusDir, needsCorpus, openMarkdown, repoRoot, waitFor } from './helpers';

const templateText = readFileSync(join(repoRoot(), 'templates/high-level-architecture.md'), 'utf8');

async function revertAndCloseAll(): Promise<void> {
  for (let i = 0; i < 10 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Files written by `openFile`, removed after each test (the workspace check counts the documents it finds). */
const written: vscode.Uri[] = [];

/**
 * A new workspace file with this content, in an editor. Not an untitled document: VS Code reuses untitled names,
 * and a closed one's late close event can hand a test the previous test's document.
 */
async function openFile(content: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const uri = folder.with({ path: `${folder.path}/test-${Date.now()}-${written.length}.md` });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  written.push(uri);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

describe('archdoc in a real VS Code', () => {
  afterEach(async () => {
    await revertAndCloseAll();
    for (const uri of written.splice(0)) await vscode.workspace.fs.delete(uri);
  });

  it('activates and contributes its commands', async () => {
    await archdoc();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['archdoc.insertTemplate', 'archdoc.nextSlot', 'archdoc.previousSlot', 'archdoc.checkWorkspace', 'archdoc.refresh']) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('inserts the template into an empty editor: template text, all sections at 0 %, one undo removes it', async () => {
    const api = await archdoc();
    const editor = await openMarkdown('');
    await vscode.commands.executeCommand('archdoc.insertTemplate', 'high-level-architecture');
    assert.equal(editor.document.getText(), templateText);
    const items = await waitFor('tree items', () => {
      const roots = api.treeItems();
      return roots.length === 17 ? roots : undefined;
    });
    const visit = (nodes: ReturnType<typeof api.treeItems>) =>
      nodes.forEach((node) => {
        if (node.state) assert.ok(node.state === 'empty' || node.state === 'none', `${node.label}: ${node.state}`);
        visit(node.children);
      });
    visit(items);
    assert.equal(items[0].label, '1. 개요 (Executive Summary)');
    assert.equal(items[0].description, '0/8');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), '');
  });

  it('opens a new untitled document when the editor is not empty, leaving the original untouched', async () => {
    // A file of the workspace (not an untitled document, whose name VS Code may reuse between tests).
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const notes = folder.with({ path: `${folder.path}/notes-${Date.now()}.md` });
    await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('# Notes\n\nkeep me\n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    await vscode.commands.executeCommand('archdoc.insertTemplate', 'high-level-architecture-en');
    assert.equal(editor.document.getText(), '# Notes\n\nkeep me\n');
    const active = vscode.window.activeTextEditor!;
    assert.notEqual(active.document, editor.document);
    assert.match(active.document.getText(), /^# High Level Architecture Definition/u);
  });

  const documents = [
    ...['blind/filled-ko.md', 'blind/gaps-en.md', 'blind/gaps-ko.md', 'documents/two-missing-sections.md'].map((name) => ({
      name,
      file: join(repoRoot(), 'test/fixtures', name),
      corpus: false,
    })),
    ...['05-phonebill-yabo0812.md', '06-travel-planner-npd.md', '07-lunch-pick-npd.md'].map((name) => ({
      name: `corpus ${name}`,
      file: join(corpusDir, 'highlevel', name),
      corpus: true,
    })),
  ];
  for (const { name, file, corpus } of documents) {
    it(`shows the CLI's findings for ${name} in the Problems panel`, async function () {
      if (corpus) needsCorpus(this);
      await archdoc();
      // The CLI exits 1 when it has findings: read its output whatever the exit code.
      const cli = JSON.parse(
        spawnSync(process.execPath, [join(repoRoot(), 'bin/archdoc.js'), 'check', '--format', 'json', file], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }).stdout,
      ) as { files: Array<{ findings: Array<{ rule: string; line: number; severity: string }> }> };
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(document);
      const expected = cli.files[0].findings.map((f) => `${f.rule}@${f.line}:${f.severity}`);
      const actual = await waitFor('diagnostics', () => {
        const diagnostics = archdocDiagnostics(document.uri);
        return diagnostics.length === expected.length ? diagnostics : undefined;
      });
      const severityName = (s: vscode.DiagnosticSeverity) => ['error', 'warning', 'information', 'hint'][s];
      assert.deepEqual(
        actual.map((d) => `${typeof d.code === 'object' ? d.code.value : d.code}@${d.range.start.line + 1}:${severityName(d.severity)}`),
        expected,
      );
      for (const diagnostic of actual) {
        assert.ok(typeof diagnostic.code === 'object' && diagnostic.code.target.toString().includes('#rule-'), 'code links to the rule docs');
      }
    });
  }

  it('shows x/y per section in the tree for a filled document with two missing sections', async () => {
    const api = await archdoc();
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(join(repoRoot(), 'test/fixtures/documents/two-missing-sections.md')));
    await vscode.window.showTextDocument(document);
    const roots = await waitFor('its tree', () => {
      const items = api.treeItems();
      return items.length > 0 && items[0].label === '1. 개요(Executive Summary)' ? items : undefined;
    });
    assert.equal(roots.find((r) => r.label === '2. 아키텍처 요구사항')?.description, '✓');
    const nine = roots.find((r) => r.label === '9. AI/ML 아키텍처')!;
    assert.equal(nine.description, '3/6');
    const missing = nine.children.find((c) => c.label === '9.2 데이터 과학 플랫폼')!;
    assert.equal(missing.state, 'missing');
  });

  it('analyses a plain README.md, finds it is not a document: no diagnostics, no tree', async () => {
    const api = await archdoc();
    // A copy under a new name, so that it is surely opened (and analysed by the model) for the first time here.
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const copy = folder.with({ path: `${folder.path}/plain-${Date.now()}` });
    const readme = copy.with({ path: `${copy.path}/README.md` });
    await vscode.workspace.fs.writeFile(readme, await vscode.workspace.fs.readFile(folder.with({ path: `${folder.path}/README.md` })));
    const before = api.stats().versionsAnalysed;
    const document = await vscode.workspace.openTextDocument(readme);
    await vscode.window.showTextDocument(document);
    assert.match(document.getText(), /^- \*\*Owner\*\*: $/mu, 'the README has an empty field that a document would report');
    await waitFor('the model to analyse README.md on opening', () => api.stats().versionsAnalysed > before);
    const analysed = api.stats().versionsAnalysed;
    const analysis = api.analysisOf(document.uri);
    assert.equal(api.stats().versionsAnalysed, analysed, 'analysisOf found the version the model had analysed');
    assert.notEqual(analysis, undefined, 'README.md has an analysis');
    assert.equal(analysis?.templateId, undefined, 'not recognised as an architecture document');
    assert.equal(analysis?.skippedReason, undefined, 'recognition ran (the file was not skipped)');
    assert.deepEqual(analysis?.findings, []);
    await waitFor('the tree to follow the README editor', () => api.treeItems().length === 0);
    assert.deepEqual(archdocDiagnostics(document.uri), []);
    await vscode.workspace.fs.delete(copy, { recursive: true });
  });

  it('offers the missing sections after typing # and inserts a skeleton', async () => {
    await archdoc();
    const text = templateText.replace(/### 9\.2 데이터 과학 플랫폼[\s\S]*?(?=---\n\n## 10\.)/u, '');
    const editor = await openMarkdown(`${text}\n`);
    const last = editor.document.lineCount - 1;
    await editor.edit((b) => b.insert(new vscode.Position(last, 0), '#'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(last, 1), '#');
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('9.2 데이터 과학 플랫폼'), labels.join(', '));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '9.2 데이터 과학 플랫폼')!;
    assert.match((item.insertText as vscode.SnippetString).value, /^### 9\.2 데이터 과학 플랫폼\n- \*\*모델 개발 환경\*\*: \$\{1\}/u);
  });

  it('applies "choose option" and "insert missing section" quick fixes', async () => {
    await archdoc();
    const text = templateText.replace(/### 9\.2 데이터 과학 플랫폼[\s\S]*?(?=---\n\n## 10\.)/u, '');
    const editor = await openMarkdown(text);
    const document = editor.document;
    const optionLine = document.getText().split('\n').findIndex((l) => l.startsWith('- **주 클라우드**: Azure/AWS/GCP'));
    await waitFor('diagnostics', () => archdocDiagnostics(document.uri).length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(optionLine, 0, optionLine, 5));
    const choose = actions.find((a) => a.title === 'Choose "AWS"');
    assert.ok(choose?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(choose.edit));
    assert.equal(document.lineAt(optionLine).text, '- **주 클라우드**: AWS');

    const nineLine = document.getText().split('\n').findIndex((l) => l === '## 9. AI/ML 아키텍처');
    await waitFor('missing-section diagnostic', () => archdocDiagnostics(document.uri).some((d) => d.range.start.line === nineLine));
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(nineLine, 0, nineLine, 3));
    const insert = fixes.find((a) => a.title.startsWith('Insert missing section'));
    assert.ok(insert?.edit, fixes.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    assert.match(document.getText(), /```\n\n### 9\.2 데이터 과학 플랫폼\n- \*\*모델 개발 환경\*\*: \n/u);
    await waitFor('no missing-section left', () => !archdocDiagnostics(document.uri).some((d) => typeof d.code === 'object' && d.code.value === 'missing-section'));
  });

  it('parses each document version once, however many features ask', async () => {
    const api = await archdoc();
    const editor = await openMarkdown(templateText);
    await waitFor('first analysis', () => api.analysisOf(editor.document.uri)?.templateId);
    const before = api.stats();
    for (let i = 0; i < 5; i++) {
      await editor.edit((b) => b.insert(new vscode.Position(5, editor.document.lineAt(5).text.length), 'x'));
      await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 1), '#');
      await vscode.commands.executeCommand('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(6, 0, 6, 1));
      api.analysisOf(editor.document.uri);
    }
    await new Promise((r) => setTimeout(r, 600));
    const after = api.stats();
    assert.equal(after.parses - before.parses, after.versionsAnalysed - before.versionsAnalysed);
    assert.ok(after.versionsAnalysed - before.versionsAnalysed >= 5);
  });

  it('clears diagnostics when the document closes', async () => {
    await archdoc();
    const editor = await openMarkdown('# High Level 아키텍처 정의서\n\n## 1. 개요\n- **비즈니스 목적**: \n');
    const uri = editor.document.uri;
    await waitFor('diagnostics', () => archdocDiagnostics(uri).length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('diagnostics cleared', () => archdocDiagnostics(uri).length === 0, 15000);
  });

  it('highlights open slots in an architecture document, and nothing in a plain README', async () => {
    const api = await archdoc();
    const editor = await openFile('# High Level 아키텍처 정의서\n\n## 1. 개요\n- **비즈니스 목적**: 예약\n- **핵심 기능**: \n\n### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n');
    const highlighted = () => api.decorationsOf(editor).map((range) => editor.document.getText(range));
    await waitFor('the two open slots highlighted', () => JSON.stringify(highlighted()) === JSON.stringify(['**핵심 기능**:', 'Azure/AWS/GCP']));
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const readme = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(folder.with({ path: `${folder.path}/README.md` })));
    await new Promise((r) => setTimeout(r, 800));
    assert.deepEqual(api.decorationsOf(readme), []);
  });

  it('shows one open count in the status bar, the view badge and the view header, equal to the Problems panel', async () => {
    const api = await archdoc();
    const editor = await openFile(templateText);
    const diagnostics = await waitFor('diagnostics', () => archdocDiagnostics(editor.document.uri).length || undefined);
    const analysis = api.analysisOf(editor.document.uri)!;
    // The bare template has a row that is one slot but two findings: the open slots differ from the findings.
    assert.notEqual(analysis.progress.total - analysis.progress.filled, diagnostics);
    const shown = await waitFor('summary', () => {
      const summary = api.summaryShown();
      return summary.badge === diagnostics ? summary : undefined;
    });
    assert.equal(shown.statusText, '$(checklist) 0%');
    assert.equal(shown.statusTooltip, `0% filled, ${diagnostics} open findings\nTemplate high-level-architecture, recognised by the title`);
    assert.equal(shown.viewTitle, 'Completeness 0%');
    assert.equal(shown.viewDescription, `${diagnostics} open`);
  });

  it('puts the cursor where the value goes on next/previous open slot', async () => {
    await archdoc();
    const editor = await openFile('# High Level 아키텍처 정의서\n\n## 1. 개요\n- **A**: x\n- **B**: \n\n### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n');
    await waitFor('diagnostics', () => archdocDiagnostics(editor.document.uri).length > 0);
    const go = async (command: string) => {
      await vscode.commands.executeCommand(command);
      const { start, end } = editor.selection;
      return start.isEqual(end) ? `${start.line}:${start.character}` : editor.document.getText(editor.selection);
    };
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    const afterColon = `4:${'- **B**: '.length}`;
    assert.deepEqual([await go('archdoc.nextSlot'), await go('archdoc.nextSlot'), await go('archdoc.previousSlot')], [afterColon, 'Azure/AWS/GCP', afterColon]);
  });

  it('binds next/previous open slot to keys that no default VS Code keybinding uses, in Markdown editors only', async () => {
    const ours = (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')).contributes.keybindings as Array<{ command: string; key: string; when: string }>);
    assert.deepEqual(ours.map((binding) => binding.command).sort(), ['archdoc.nextSlot', 'archdoc.previousSlot']);
    const defaults = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const used = new Map<string, string[]>();
    for (const match of defaults.getText().matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/gu)) used.set(match[1], [...(used.get(match[1]) ?? []), match[2]]);
    assert.ok(used.size > 200, `read ${used.size} default keys`);
    for (const binding of ours) {
      const others = (used.get(binding.key) ?? []).filter((command) => !command.startsWith('archdoc.'));
      assert.deepEqual(others, [], `${binding.key} is also ${others.join(', ')}`);
      assert.match(binding.when, /editorLangId == markdown/u);
    }
  });

  it('marks a whole section not applicable and inserts all missing sections, each as one undo', async () => {
    await archdoc();
    const text = templateText.replace(/### 9\.2 데이터 과학 플랫폼[\s\S]*?(?=---\n\n## 10\.)/u, '').replace(/### 1\.3 문서 구성\n.*\n/u, '');
    const editor = await openFile(text);
    const document = editor.document;
    const fieldLine = document.getText().split('\n').indexOf('- **비즈니스 목적**: ');
    await waitFor('diagnostics', () => archdocDiagnostics(document.uri).some((d) => d.range.start.line === fieldLine));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(fieldLine, 2, fieldLine, 2));
    const section = actions.find((a) => a.title === 'Mark the whole section "1.1 프로젝트 개요" as not applicable');
    assert.ok(section?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(section.edit));
    assert.match(document.getText(), /### 1\.1 프로젝트 개요\n- \*\*비즈니스 목적\*\*: 해당 없음\n- \*\*핵심 기능\*\*: 해당 없음\n- \*\*대상 사용자\*\*: 해당 없음\n- \*\*예상 사용자 규모\*\*: 해당 없음\n/u);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), text);

    await waitFor('missing-section diagnostics', () => archdocDiagnostics(document.uri).filter((d) => typeof d.code === 'object' && d.code.value === 'missing-section').length === 2);
    const oneLine = document.getText().split('\n').indexOf('## 1. 개요 (Executive Summary)');
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(oneLine, 0, oneLine, 1));
    const all = fixes.find((a) => a.title === 'Insert all 2 missing sections from the template');
    assert.ok(all?.edit, fixes.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    await waitFor('no missing section', () => !archdocDiagnostics(document.uri).some((d) => typeof d.code === 'object' && d.code.value === 'missing-section'));
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), text);
  });

  it('lists open slots in the tree with a short label and the full message as tooltip', async () => {
    const api = await archdoc();
    await openFile('# High Level 아키텍처 정의서\n\n## 7. 물리 아키텍처 (Physical View)\n### 7.1 클라우드 아키텍처 패턴\n#### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n- **멀티 클라우드 전략**: \n');
    const slots = await waitFor('slots', () => {
      const found: TreeItemSnapshot[] = [];
      const visit = (nodes: TreeItemSnapshot[]) => nodes.forEach((node) => (node.tooltip ? found.push(node) : visit(node.children)));
      visit(api.treeItems());
      return found.length >= 2 ? found : undefined;
    });
    const field = slots.find((slot) => slot.label === '멀티 클라우드 전략')!;
    assert.equal(field.tooltip, 'Field "멀티 클라우드 전략" is empty.');
    const option = slots.find((slot) => slot.tooltip?.startsWith('"주 클라우드" still lists'))!;
    assert.ok(option.label.endsWith('…') && option.label.length < option.tooltip!.length, option.label);
  });
});
