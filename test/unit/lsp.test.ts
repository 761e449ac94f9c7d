import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from './helpers';
import { CLI, type LspClient, startServer } from './lspClient';

const FIXTURE_DOCS = ['docs/결제-ko.md', 'docs/ledger-en.md', 'docs/decisions/0007-outbox.md'];

interface CheckFinding {
  rule: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** `archdoc check --format json` in the folder: findings by document path. */
function checkFindings(folder: string): Map<string, CheckFinding[]> {
  const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'docs'], { cwd: folder, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const report = JSON.parse(run.stdout) as { files: Array<{ path: string; findings: CheckFinding[] }> };
  return new Map(report.files.map((file) => [file.path, file.findings]));
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

function asCheck(diagnostic: Diagnostic): CheckFinding {
  const { range } = diagnostic;
  return {
    rule: String(diagnostic.code),
    severity: SEVERITY[diagnostic.severity ?? 2],
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  };
}

function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = edit.changes?.[uri] ?? (edit.documentChanges ?? []).flatMap((change) => ('edits' in change && change.textDocument.uri === uri ? change.edits.filter((one): one is TextEdit => 'newText' in one) : []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

describe('language server (archdoc lsp --stdio, over JSON-RPC)', function () {
  this.timeout(60000);
  let folder: string;
  let client: LspClient;
  const uriOf = (path: string) => pathToFileURL(join(folder, path)).href;
  const textOf = (path: string) => readFileSync(join(folder, path), 'utf8');
  let version = 1;
  const open = async (path: string, text = textOf(path)) => {
    const uri = uriOf(path);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: ++version, text } });
    return { uri, version };
  };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archdoc-lsp-'));
    cpSync(join(repoRoot, 'test/fixtures/lsp'), folder, { recursive: true });
    client = await startServer(folder);
  });
  after(async () => {
    await client.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('pushes the findings of `check --format json` (the project settings applied), source archdoc, code = rule id linking to its docs', async () => {
    const expected = checkFindings(folder);
    assert.equal(expected.size, FIXTURE_DOCS.length);
    // The project's .vscode/settings.json makes todo an error: the server reads it as check does.
    assert.ok(expected.get('docs/ledger-en.md')?.some((finding) => finding.rule === 'todo' && finding.severity === 'error'));
    for (const path of FIXTURE_DOCS) {
      const { uri, version: opened } = await open(path);
      const pushed = await client.diagnostics(uri, opened);
      assert.deepEqual(pushed.diagnostics.map(asCheck), expected.get(path), path);
      for (const diagnostic of pushed.diagnostics) {
        assert.equal(diagnostic.source, 'archdoc');
        assert.match(diagnostic.codeDescription?.href ?? '', new RegExp(`${diagnostic.code}$`, 'u'));
      }
    }
  });

  it('answers pulled diagnostics (textDocument/diagnostic, workspace/diagnostic) with the same findings', async () => {
    const path = 'docs/ledger-en.md';
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(path) } })) as { kind: string; resultId: string; items: Diagnostic[] };
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map(asCheck), checkFindings(folder).get(path));
    const again = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uriOf(path) }, previousResultId: report.resultId })) as { kind: string };
    assert.equal(again.kind, 'unchanged');
    const workspace = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: Array<{ uri: string; items: Diagnostic[] }> };
    assert.deepEqual(workspace.items.find((item) => item.uri === uriOf(path))?.items.map(asCheck), report.items.map(asCheck));
  });

  it('a quick fix (choose an option) is a workspace edit that changes the text', async () => {
    const path = 'docs/decisions/0007-outbox.md';
    const text = textOf(path);
    const { uri } = await open(path);
    const diagnostics = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    const option = diagnostics.items.find((diagnostic) => diagnostic.code === 'unchosen-option');
    assert.ok(option);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: option.range, context: { diagnostics: [option] } })) as CodeAction[];
    const choose = actions.find((action) => action.title === 'Choose "accepted"');
    assert.ok(choose?.edit, actions.map((action) => action.title).join(', '));
    const changed = applyWorkspaceEdit(text, uri, choose.edit);
    assert.match(changed.split('\n')[1], /^status: accepted$/u);
    assert.ok(actions.some((action) => action.title === 'Mark as not applicable'));
  });

  it('after # at a line start, completes the missing template sections (snippets), in template order', async () => {
    const path = 'docs/결제-ko.md';
    const text = `${textOf(path)}\n## `;
    const { uri } = await open(path, text);
    const line = text.split('\n').length - 1;
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 3 } })) as CompletionItem[];
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('3. 아키텍처 설계 원칙'), labels.join(' | '));
    assert.ok(labels.indexOf('3. 아키텍처 설계 원칙') < labels.indexOf('4. 논리 아키텍처 (Logical View)'));
    assert.ok(!labels.includes('1. 개요 (Executive Summary)'));
    assert.equal(items[0].insertTextFormat, 2);
    const plain = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } })) as CompletionItem[];
    assert.deepEqual(plain, [], 'no heading typed there');
  });

  it('document symbols are the completeness tree; hover on a heading says what is open', async () => {
    const path = 'docs/ledger-en.md';
    const { uri } = await open(path);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const overview = symbols.find((symbol) => symbol.name === '1. Overview (Executive Summary)');
    assert.ok(overview, symbols.map((symbol) => symbol.name).join(' | '));
    const project = overview.children?.find((child) => child.name === '1.1 Project Overview');
    assert.match(project?.detail ?? '', /^\d+\/\d+$/u);
    assert.ok(project?.children?.some((child) => child.name === 'Key Features'));
    assert.ok(symbols.some((symbol) => symbol.name === '3. Architecture Design Principles' && symbol.detail === 'missing'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 5 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /1\.1 Project Overview/u);
    assert.match(value, /Key Features/u);
  });

  it('a burst of incremental edits ends with the diagnostics of a fresh analysis of the final text', async () => {
    const path = 'docs/ledger-en.md';
    const { uri, version: opened } = await open(path);
    let document = TextDocument.create(uri, 'markdown', opened, textOf(path));
    let current = opened;
    const edits = [
      { range: { start: { line: 6, character: 21 }, end: { line: 6, character: 21 } }, text: 'Ledger, reversal, export' },
      { range: { start: { line: 8, character: 27 }, end: { line: 8, character: 51 } }, text: 'about 600 people' },
      { range: { start: { line: 20, character: 0 }, end: { line: 21, character: 0 } }, text: '' },
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '### 1.0 Glossary\n\nLedger: the book of record.\n\n' },
    ];
    for (const change of edits) {
      document = TextDocument.update(document, [change], ++current);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: current }, contentChanges: [change] });
    }
    const pushed = await client.diagnostics(uri, current);
    const fresh = await startServer(folder);
    try {
      const freshUri = pathToFileURL(join(folder, path)).href;
      await fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: freshUri, languageId: 'markdown', version: 1, text: document.getText() } });
      assert.deepEqual(pushed.diagnostics, (await fresh.diagnostics(freshUri, 1)).diagnostics);
      assert.ok(!pushed.diagnostics.some((diagnostic) => diagnostic.code === 'todo'), 'the TODO was edited away');
    } finally {
      await fresh.close();
    }
  });

  it('checks untitled documents too, and runs the insert-missing-sections command through workspace/applyEdit', async () => {
    const uri = 'untitled:Untitled-1';
    const text = readFileSync(join(folder, 'docs/ledger-en.md'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const pushed = await client.diagnostics(uri, 1);
    assert.ok(pushed.diagnostics.some((diagnostic) => diagnostic.code === 'missing-section'));
    const before = client.applied.length;
    assert.equal(await client.connection.sendRequest('workspace/executeCommand', { command: 'archdoc.insertMissingSections', arguments: [uri] }), true);
    const edit = (client.applied[before] as { edit: WorkspaceEdit }).edit;
    const changed = applyWorkspaceEdit(text, uri, edit);
    assert.match(changed, /^## 3\. Architecture Design Principles$/mu);
    assert.ok(changed.startsWith(text.slice(0, 200)), 'what the author wrote is kept');
  });

  it("the editor's settings (workspace/configuration) go over the project's; without snippet support, completion is plain text", async () => {
    const other = await startServer(folder, { debounceMs: 0, severity: { 'empty-field': 'off', todo: 'hint' } }, { workspace: { configuration: true } });
    try {
      const path = 'docs/ledger-en.md';
      const uri = uriOf(path);
      const text = `${textOf(path)}\n## `;
      await other.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const diagnostics = (await other.diagnostics(uri, 1)).diagnostics;
      assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'empty-field'));
      assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'todo')?.severity, 4);
      // The project's own setting still applies where the editor sets nothing.
      assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'empty-table-cell')?.severity, 3);
      const items = (await other.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: text.split('\n').length - 1, character: 3 } })) as CompletionItem[];
      assert.equal(items[0].insertTextFormat, 1);
      assert.ok(!/\$\{?\d/u.test(items.map((item) => (item.textEdit as TextEdit).newText).join('\n')), 'no tab stops in plain text');
    } finally {
      await other.close();
    }
  });

  it('survives a malformed message and a document over maxFileSize, and still answers', async () => {
    const garbage = '{"jsonrpc": "2.0", "method": ';
    client.child.stdin?.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    const uri = uriOf('docs/huge.md');
    const huge = `# High Level Architecture Definition\n\n${'- **Key Features**: \n'.repeat(120000)}`;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: huge } });
    assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics, []);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols, []);
    const { uri: ledger } = await open('docs/ledger-en.md');
    assert.ok(((await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: ledger } })) as { items: unknown[] }).items.length > 0);
    assert.equal(client.child.exitCode, null, client.stderr());
  });
});
