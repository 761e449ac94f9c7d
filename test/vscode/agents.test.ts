import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { mcpServers } from '../../src/vscode/mcpProvider';
import { archdoc, archdocDiagnostics, repoRoot, waitFor } from './helpers';

interface CheckAnswer {
  files: Array<{ path: string; template: string; completion: { filled: number; total: number }; findings: Array<{ rule: string; line: number; column: number; message: string; severity: string }> }>;
}

async function invoke(name: string, input: object): Promise<string[]> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part as { value: string }).value);
}

async function invokeJson<T>(name: string, input: object): Promise<T> {
  return JSON.parse((await invoke(name, input))[0]) as T;
}

/** What the Problems panel shows for a document, as `rule@line:column message`. */
function problems(uri: vscode.Uri): string[] {
  return archdocDiagnostics(uri).map((d) => `${(d.code as { value: string }).value}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

function answered(answer: CheckAnswer): string[] {
  return answer.files[0].findings.map((f) => `${f.rule}@${f.line}:${f.column} ${f.message}`);
}

/** Files written by `openCopy`, removed after each test (the workspace suite counts the documents it finds). */
const written: vscode.Uri[] = [];

/** A new workspace file with the fixture document's text, in an editor (other suites expect the fixture itself unopened). */
async function openCopy(): Promise<{ editor: vscode.TextEditor; uri: vscode.Uri; path: string }> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const path = `agents-${Date.now()}.md`;
  const uri = vscode.Uri.joinPath(folder, path);
  await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'docs/architecture.md')));
  written.push(uri);
  return { editor: await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri)), uri, path };
}

describe('language-model tools in a real VS Code', () => {
  // The edited document must stay unsaved however slowly the test runs.
  before(() => vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global));
  after(() => vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global));
  afterEach(async () => {
    for (let i = 0; i < 10 && vscode.window.visibleTextEditors.length > 0; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const uri of written.splice(0)) await vscode.workspace.fs.delete(uri);
  });

  it('contributes archdoc_check, archdoc_outline and archdoc_templateSection', async () => {
    await archdoc();
    const names = vscode.lm.tools.map((tool) => tool.name);
    for (const name of ['archdoc_check', 'archdoc_outline', 'archdoc_templateSection']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  });

  it('archdoc_check answers for the open, unsaved, edited document what the Problems panel shows, parsing no version twice', async () => {
    const api = await archdoc();
    const { editor, uri, path } = await openCopy();
    const document = editor.document;
    const line = document.lineAt(17);
    assert.equal(line.text, '- **외부 시스템 연동**: ');
    await waitFor('diagnostics of the opened document', () => problems(uri).some((entry) => entry.startsWith('empty-field@18:')));

    // An edit that fills the field, left to the debounced pipeline: the Problems panel updates, then the tool answers.
    await editor.edit((builder) => builder.insert(line.range.end, '결제 게이트웨이'));
    await waitFor('the Problems panel to drop the filled field', () => !problems(uri).some((entry) => entry.startsWith('empty-field@18:')));
    const settled = api.stats();
    const answer = await invokeJson<CheckAnswer>('archdoc_check', { path });
    assert.ok(document.isDirty, 'the edit is not saved');
    assert.deepEqual(answered(answer), problems(uri));
    assert.equal(answer.files[0].path, path);
    assert.deepEqual(api.stats(), settled, 'the tool read the analysis the editor already had');

    // An edit the tool sees before the debounce: analysed once, now; the debounced update then reuses that analysis.
    const field = document.lineAt(36);
    assert.match(field.text, /^- \*\*동시사용자\*\*: $/u);
    await editor.edit((builder) => builder.insert(field.range.end, '10,000'));
    const before = api.stats();
    const fresh = await invokeJson<CheckAnswer>('archdoc_check', {});
    assert.ok(!answered(fresh).some((entry) => entry.startsWith('empty-field@37:')), 'the answer reflects the latest edit');
    const after = api.stats();
    assert.equal(after.versionsAnalysed - before.versionsAnalysed, 1);
    assert.equal(after.parses - before.parses, 1);
    await waitFor('the Problems panel to catch up', () => !problems(uri).some((entry) => entry.startsWith('empty-field@37:')));
    assert.deepEqual(problems(uri), answered(fresh));
    assert.deepEqual(api.stats(), after, 'the debounced update parsed nothing again');
  });

  it('archdoc_outline and archdoc_templateSection answer for the active document and its template', async () => {
    const api = await archdoc();
    const { uri } = await openCopy();
    const analysis = await waitFor('analysis', () => api.analysisOf(uri));
    const outline = await invokeJson<{ template: string; completion: { filled: number; total: number }; sections: Array<{ title: string; filled: number; total: number; state: string }> }>('archdoc_outline', {});
    assert.equal(outline.template, 'high-level-architecture');
    assert.deepEqual(outline.completion, analysis.progress);
    assert.deepEqual(
      outline.sections.map((section) => `${section.title} ${section.filled}/${section.total} ${section.state}`),
      analysis.sections.map((section) => `${section.title} ${section.progress.filled}/${section.progress.total} ${section.state}`),
    );
    const section = await invokeJson<{ template: string; id: string; skeleton: string }>('archdoc_templateSection', { section: '2.2.3' });
    assert.equal(section.template, 'high-level-architecture', "the active document's template");
    assert.match(section.skeleton, /^#### 2\.2\.3 가용성 요구사항\n/u);
    const adr = await invokeJson<{ optional: boolean; guidance: string[] }>('archdoc_templateSection', { template: 'adr', section: 'Consequences' });
    assert.equal(adr.optional, true);
    assert.equal(adr.guidance.length, 1);
    await assert.rejects(invoke('archdoc_templateSection', { template: 'nope', section: '1' }), /Unknown template "nope"/u);
    await assert.rejects(invoke('archdoc_outline', { path: 'docs/none.md' }), /no such file/u);
    const notArchitecture = await invoke('archdoc_check', { path: 'README.md' });
    assert.deepEqual(JSON.parse(notArchitecture[0]), { files: [] });
    assert.match(notArchitecture[1], /not an architecture document/u);
    // A closed file that is not text is read as the command line reads it: not analysed, and the reason given.
    const binary = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, `binary-${Date.now()}.md`);
    await vscode.workspace.fs.writeFile(binary, new Uint8Array([0x23, 0x20, 0x41, 0x00, 0xff, 0x0a]));
    written.push(binary);
    const notText = await invoke('archdoc_check', { path: vscode.workspace.asRelativePath(binary, false) });
    assert.match(notText[1], /not an architecture document \(Not analysed: binary file/u);
  });

  it("offers an MCP server per workspace folder that the extension host's Node can start, and it answers", async () => {
    await archdoc();
    /** Records what the provider hands VS Code (the constructor exists only from VS Code 1.101). */
    class Definition {
      cwd?: vscode.Uri;
      constructor(
        readonly label: string,
        readonly command: string,
        readonly args?: string[],
        readonly env?: Record<string, string | number | null>,
        readonly version?: string,
      ) {}
    }
    const cli = join(repoRoot(), 'out/cli.js');
    const servers = mcpServers(Definition, cli, '1.2.3') as Definition[];
    const folder = vscode.workspace.workspaceFolders![0].uri;
    assert.equal(servers.length, 1);
    const [server] = servers;
    assert.deepEqual([server.label, server.command, server.args, server.env, server.cwd?.toString()], ['archdoc', process.execPath, [cli, 'mcp', folder.fsPath], { ELECTRON_RUN_AS_NODE: '1' }, folder.toString()]);
    const requests = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'host-test', version: '1' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'check', arguments: { path: 'docs/architecture.md' } } },
    ];
    const run = spawnSync(server.command, server.args!, { cwd: server.cwd!.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: String(server.env!.ELECTRON_RUN_AS_NODE) }, input: requests.map((request) => JSON.stringify(request)).join('\n') + '\n', encoding: 'utf8', timeout: 60000 });
    const answers = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; result: { structuredContent?: { files: Array<{ path: string; template: string }> } } });
    const check = answers.find((answer) => answer.id === 2);
    assert.deepEqual(check?.result.structuredContent?.files.map((file) => `${file.path} ${file.template}`), ['docs/architecture.md high-level-architecture'], run.stderr);
    assert.match(run.stderr, /serving .* \(read-only\)/u);
  });
});
