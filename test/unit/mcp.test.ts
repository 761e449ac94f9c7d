import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { parseArgs } from '../../src/cli/args';
import { createArchdocServer } from '../../src/mcp/server';
import { corpusFiles, needsCorpus, repoRoot } from './helpers';

const CLI = join(repoRoot, 'bin/archdoc.js');
const READ_TOOLS = ['check', 'list_documents', 'outline', 'template_section'];
const WRITE_TOOLS = ['insert_section', 'mark_not_applicable'];

/** `archdoc check --format json` run in `cwd`, as a user would. */
function cliJson(cwd: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `archdoc check ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** A working folder with documents, a workspace template, a binary file, and a symbolic link that leads out of it. */
function makeFolder(): { root: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'archdoc-mcp-'));
  const outside = mkdtempSync(join(tmpdir(), 'archdoc-mcp-outside-'));
  mkdirSync(join(root, 'docs'));
  mkdirSync(join(root, '.archdoc/templates'), { recursive: true });
  copyFileSync(join(repoRoot, 'test/fixtures/documents/two-missing-sections.md'), join(root, 'docs/platform.md'));
  copyFileSync(join(repoRoot, 'test/fixtures/blind/gaps-en.md'), join(root, 'docs/gaps-en.md'));
  copyFileSync(join(repoRoot, 'test/fixtures/blind/gaps-ko.md'), join(root, 'docs/gaps-ko.md'));
  copyFileSync(join(repoRoot, 'test/fixtures/templates/madr4-style/template.md'), join(root, '.archdoc/templates/decision.md'));
  copyFileSync(join(repoRoot, 'test/fixtures/templates/madr4-style/half.md'), join(root, 'docs/decision-half.md'));
  writeFileSync(join(root, 'README.md'), '# Not an architecture document\n\nJust notes.\n');
  writeFileSync(join(root, 'docs/binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02]));
  copyFileSync(join(repoRoot, 'test/fixtures/blind/gaps-en.md'), join(outside, 'secret.md'));
  symlinkSync(join(outside, 'secret.md'), join(root, 'docs/escape.md'));
  return { root, outside };
}

async function inProcessClient(folder: string, allowWrites = false): Promise<Client> {
  const server = createArchdocServer({ folder, allowWrites, locale: 'en', log: () => {} });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'archdoc-test', version: '1.0.0' });
  await client.connect(clientSide);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** Calls a tool that must fail as a tool error; returns its message. */
async function toolError(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = await call(client, name, args);
  assert.equal(result.isError, true, `${name} ${JSON.stringify(args).slice(0, 80)} should fail, got: ${textOf(result).slice(0, 200)}`);
  return textOf(result);
}

/** A fresh working folder and an in-process client for each test of the suite. */
function inProcessFolder(allowWrites: boolean): { root: string; outside: string; client: Client } {
  const state = { root: '', outside: '', client: undefined as unknown as Client };
  beforeEach(async () => {
    Object.assign(state, makeFolder());
    state.client = await inProcessClient(state.root, allowWrites);
  });
  afterEach(async () => {
    await state.client.close();
    rmSync(state.root, { recursive: true, force: true });
    rmSync(state.outside, { recursive: true, force: true });
  });
  return state;
}

describe('archdoc mcp (in process)', function () {
  this.timeout(120000);
  const f = inProcessFolder(false);

  it('lists the read-only tools only, and refuses the write tools, leaving files alone', async () => {
    const names = (await f.client.listTools()).tools.map((tool) => tool.name).sort();
    assert.deepEqual(names, READ_TOOLS);
    const before = readFileSync(join(f.root, 'docs/gaps-en.md'), 'utf8');
    assert.match(await toolError(f.client, 'insert_section', { path: 'docs/gaps-en.md', section: '5.1.2' }), /insert_section not found/u);
    assert.match(await toolError(f.client, 'mark_not_applicable', { path: 'docs/gaps-en.md', line: 9 }), /not found/u);
    assert.equal(readFileSync(join(f.root, 'docs/gaps-en.md'), 'utf8'), before);
  });

  it('check gives byte for byte the object of `archdoc check --format json` for one file, from the file or its text', async () => {
    for (const path of ['docs/platform.md', 'docs/gaps-en.md', 'docs/gaps-ko.md', 'docs/decision-half.md', 'README.md']) {
      const expected = cliJson(f.root, path);
      const fromFile = await call(f.client, 'check', { path });
      assert.equal(`${JSON.stringify(fromFile.structuredContent)}\n`, expected, path);
      const text = readFileSync(join(f.root, path), 'utf8');
      const fromText = await call(f.client, 'check', { path, text });
      assert.equal(`${JSON.stringify(fromText.structuredContent)}\n`, expected, `${path} as text`);
    }
    // A template chosen: as `--template ID` with the file named.
    const forced = await call(f.client, 'check', { path: 'README.md', template: 'high-level-architecture-en' });
    assert.equal(`${JSON.stringify(forced.structuredContent)}\n`, cliJson(f.root, '--template', 'high-level-architecture-en', 'README.md'));
    const findings = (forced.structuredContent as { files: Array<{ findings: unknown[] }> }).files[0].findings;
    assert.ok(findings.length > 0, 'a forced template finds its sections missing');
  });

  it('check tells the model the findings by line in the text answer', async () => {
    const result = await call(f.client, 'check', { path: 'docs/platform.md' });
    assert.match(textOf(result), /^docs\/platform\.md:332:1: warning missing-section Section "9\.2 /mu);
    assert.match(textOf(result), /187\/193 slots filled \(96%\) \[high-level-architecture\]/u);
  });

  it('refuses paths outside the working folder: .., absolute, and a symbolic link that leads out', async () => {
    for (const path of ['../secret.md', join(f.outside, 'secret.md'), 'docs/escape.md', 'docs/../../x.md']) {
      assert.match(await toolError(f.client, 'check', { path }), /outside the working folder/u, path);
      assert.match(await toolError(f.client, 'outline', { path }), /outside the working folder/u, path);
    }
    assert.match(await toolError(f.client, 'list_documents', { folder: '..' }), /outside the working folder/u);
  });

  it('reports bad input as tool errors: missing file, folder, binary file, unknown template, no document, wrong types', async () => {
    assert.match(await toolError(f.client, 'check', { path: 'docs/nope.md' }), /docs\/nope\.md: no such file/u);
    assert.match(await toolError(f.client, 'check', { path: 'docs' }), /is a folder/u);
    assert.match(await toolError(f.client, 'check', { path: 'docs/binary.md' }), /binary file/u);
    assert.match(await toolError(f.client, 'check', { path: 'docs/platform.md', template: 'nope' }), /unknown template "nope".*high-level-architecture.*decision/u);
    assert.match(await toolError(f.client, 'check', {}), /give `path`/u);
    assert.match(await toolError(f.client, 'check', { path: 42 }), /Invalid arguments/u);
    assert.match(await toolError(f.client, 'outline', { path: 'README.md' }), /not an architecture document/u);
    assert.match(await toolError(f.client, 'template_section', { section: '99.9' }), /has no section "99\.9"; its sections: 1\. 개요/u);
    assert.match(await toolError(f.client, 'template_section', { template: 'nope', section: '1' }), /unknown template/u);
    assert.match(await toolError(f.client, 'template_section', {}), /Invalid arguments/u);
    assert.match(await toolError(f.client, 'list_documents', { folder: 'README.md' }), /not a folder/u);
  });

  it('answers a 3 MB document as the command line does (skipped as too large), without failing', async () => {
    const big = `# High Level Architecture Definition\n\n${'- **Field**: value\n'.repeat(170000)}`;
    assert.ok(big.length > 3_000_000);
    writeFileSync(join(f.root, 'big.md'), big);
    const expected = cliJson(f.root, 'big.md');
    const result = await call(f.client, 'check', { path: 'big.md', text: big });
    assert.equal(result.isError, undefined);
    assert.equal(`${JSON.stringify(result.structuredContent)}\n`, expected);
    assert.match(textOf(result), /larger than archdoc\.maxFileSize/u);
    assert.equal((await call(f.client, 'outline', { text: big })).isError, undefined);
  });

  it('outline gives the completeness tree: states, filled/total, open slots with lines, missing sections in place', async () => {
    const result = await call(f.client, 'outline', { path: 'docs/platform.md' });
    const tree = result.structuredContent as { template: string; completion: { filled: number; total: number }; sections: Array<{ title: string; state: string; filled: number; total: number; children: Array<{ title: string; state: string; line: number; openSlots: Array<{ rule: string; line: number }> }> }> };
    assert.equal(tree.template, 'high-level-architecture');
    assert.deepEqual(tree.completion, { filled: 187, total: 193 });
    const nine = tree.sections.find((section) => section.title.startsWith('9.'))!;
    const missing = nine.children.find((child) => child.title.startsWith('9.2'))!;
    assert.equal(missing.state, 'missing');
    assert.deepEqual(missing.openSlots.map((slot) => `${slot.rule}@${slot.line}`), ['missing-section@332']);
    assert.equal(nine.state, 'partial');
    // The tree adds up: each section's total is its own slots plus its children's.
    const sum = tree.sections.reduce((total, section) => total + section.total, 0);
    assert.ok(sum <= tree.completion.total && sum > 0);
    assert.match(textOf(result), /9\.2 데이터 과학 플랫폼\s+MISSING/u);
  });

  it('template_section gives a section skeleton and guidance, by number or title, in the chosen template', async () => {
    const byNumber = (await call(f.client, 'template_section', { section: '2.2.3' })).structuredContent as { skeleton: string; id: string };
    assert.equal(byNumber.id, '2.2.3');
    assert.match(byNumber.skeleton, /^#### 2\.2\.3 가용성 요구사항\n- \*\*목표 가용성\*\*: 99\.9% \/ 99\.99% \/ 99\.999%/u);
    const byTitle = (await call(f.client, 'template_section', { template: 'high-level-architecture-en', section: 'availability requirements' })).structuredContent as { id: string; skeleton: string };
    assert.equal(byTitle.id, '2.2.3');
    assert.match(byTitle.skeleton, /Target Availability/u);
    const withGuidance = await call(f.client, 'template_section', { template: 'adr', section: 'Consequences' });
    const report = withGuidance.structuredContent as { guidance: string[]; optional: boolean; skeleton: string };
    assert.equal(report.optional, true);
    assert.deepEqual(report.guidance, ['Optional: what follows from the decision, good and bad.']);
    assert.match(textOf(withGuidance), /Guidance:\n- Optional: what follows/u);
    const parent = (await call(f.client, 'template_section', { section: '2' })).structuredContent as { subsections: Array<{ id: string }> };
    assert.deepEqual(parent.subsections.map((section) => section.id), ['2.1', '2.2', '2.3']);
  });

  it('list_documents finds the architecture documents with template and completion, and names what it could not read', async () => {
    const result = await call(f.client, 'list_documents', {});
    const listing = result.structuredContent as { documents: Array<{ path: string; template: string; completion: { filled: number; total: number } }>; otherMarkdownFiles: number; problems: Array<{ path: string; reason: string }> };
    assert.deepEqual(listing.documents.map((d) => `${d.path} ${d.template}`), ['docs/decision-half.md decision', 'docs/gaps-en.md high-level-architecture-en', 'docs/gaps-ko.md high-level-architecture', 'docs/platform.md high-level-architecture']);
    assert.deepEqual(listing.documents[3].completion, { filled: 187, total: 193, percent: 96 });
    assert.equal(listing.otherMarkdownFiles, 1);
    assert.deepEqual(listing.problems.map((p) => p.path).sort(), ['docs/binary.md', 'docs/escape.md']);
    assert.match(listing.problems.find((p) => p.path === 'docs/escape.md')!.reason, /outside the working folder/u);
    const below = (await call(f.client, 'list_documents', { folder: 'docs' })).structuredContent as { documents: unknown[] };
    assert.equal(below.documents.length, 4);
  });

  it('treats a template file of archdoc.templates as a template, not a document, as `archdoc check` does', async () => {
    copyFileSync(join(repoRoot, 'test/fixtures/templates/madr4-style/template.md'), join(f.root, 'docs/adr-template.md'));
    mkdirSync(join(f.root, '.vscode'));
    writeFileSync(join(f.root, '.vscode/settings.json'), JSON.stringify({ 'archdoc.templates': ['docs/adr-template.md'] }));
    const listing = (await call(f.client, 'list_documents', { folder: 'docs' })).structuredContent as { documents: Array<{ path: string }> };
    assert.deepEqual(listing.documents.map((d) => d.path), ['docs/decision-half.md', 'docs/gaps-en.md', 'docs/gaps-ko.md', 'docs/platform.md']);
    const checked = await call(f.client, 'check', { path: 'docs/adr-template.md' });
    assert.deepEqual(checked.structuredContent, { files: [] });
    assert.match(textOf(checked), /^docs\/adr-template\.md: a template \(--template or archdoc\.templates\), not a document; not checked\.$/mu);
    assert.equal(cliJson(f.root, 'docs/adr-template.md'), '{"files":[]}\n');
  });

  it('offers the templates as resources', async () => {
    const { resources } = await f.client.listResources();
    const uris = resources.map((resource) => resource.uri);
    for (const id of ['high-level-architecture', 'high-level-architecture-en', 'adr', 'adr-ko', 'decision']) assert.ok(uris.includes(`archdoc://templates/${id}`), id);
    const read = await f.client.readResource({ uri: 'archdoc://templates/decision' });
    assert.equal((read.contents[0] as { text: string }).text, readFileSync(join(f.root, '.archdoc/templates/decision.md'), 'utf8'));
    await assert.rejects(f.client.readResource({ uri: 'archdoc://templates/nope' }), /unknown template/u);
  });
});

describe('archdoc mcp --allow-writes (in process)', function () {
  this.timeout(120000);
  const f = inProcessFolder(true);

  const lines = (path: string) => readFileSync(join(f.root, path), 'utf8').split('\n');

  it('adds the write tools', async () => {
    assert.deepEqual((await f.client.listTools()).tools.map((tool) => tool.name).sort(), [...READ_TOOLS, ...WRITE_TOOLS].sort());
  });

  it('insert_section adds only the missing section, where it belongs, and check no longer reports it', async () => {
    const before = lines('docs/gaps-en.md');
    const result = await call(f.client, 'insert_section', { path: 'docs/gaps-en.md', section: '5.1.2' });
    assert.equal(result.isError, undefined, textOf(result));
    const after = lines('docs/gaps-en.md');
    const start = after.indexOf('#### 5.1.2 Inter-System Integration Processes');
    assert.ok(start > 0);
    // Everything else is unchanged: removing the inserted block gives the original back.
    const inserted = after.length - before.length;
    assert.deepEqual([...after.slice(0, start - 1), ...after.slice(start - 1 + inserted)], before);
    const check = (await call(f.client, 'check', { path: 'docs/gaps-en.md' })).structuredContent as { files: Array<{ findings: Array<{ rule: string; message: string }> }> };
    assert.ok(!check.files[0].findings.some((finding) => finding.message.includes('5.1.2')));
    assert.match(await toolError(f.client, 'insert_section', { path: 'docs/gaps-en.md', section: '5.1.2' }), /is not missing/u);
    assert.match(await toolError(f.client, 'insert_section', { path: 'docs/gaps-en.md', section: 'Nonexistent' }), /has no section "Nonexistent"/u);
  });

  it('mark_not_applicable writes N/A into the slot on that line only; on a heading line, the whole section', async () => {
    const before = lines('docs/gaps-en.md');
    assert.equal(before[8], '- **Expected User Scale**: ');
    await call(f.client, 'mark_not_applicable', { path: 'docs/gaps-en.md', line: 9 });
    const after = lines('docs/gaps-en.md');
    assert.equal(after[8], '- **Expected User Scale**: N/A');
    assert.deepEqual([...after.slice(0, 8), ...after.slice(9)], [...before.slice(0, 8), ...before.slice(9)]);
    // 6.3 is an empty section: on its heading, "N/A" goes under it.
    assert.match(after[149], /^### 6\.3 Development Guidelines/u);
    const result = await call(f.client, 'mark_not_applicable', { path: 'docs/gaps-en.md', line: 150 });
    assert.match(textOf(result), /section "6\.3 Development Guidelines" changed/u);
    const marked = lines('docs/gaps-en.md');
    const added = marked.length - after.length;
    assert.deepEqual(marked.slice(149, 152), [after[149], '', 'N/A']);
    assert.deepEqual([...marked.slice(0, 150), ...marked.slice(150 + added)], after);
    const unchanged = readFileSync(join(f.root, 'docs/gaps-en.md'));
    assert.match(await toolError(f.client, 'mark_not_applicable', { path: 'docs/gaps-en.md', line: 1 }), /line 1 has no open slot.*open slots are on lines/u);
    assert.match(await toolError(f.client, 'mark_not_applicable', { path: 'docs/gaps-en.md', line: 0 }), /Invalid arguments/u);
    assert.match(await toolError(f.client, 'mark_not_applicable', { path: 'README.md', line: 1 }), /not an architecture document/u);
    assert.match(await toolError(f.client, 'mark_not_applicable', { path: 'docs/escape.md', line: 9 }), /outside the working folder/u);
    assert.deepEqual(readFileSync(join(f.root, 'docs/gaps-en.md')), unchanged);
    assert.equal(readFileSync(join(f.outside, 'secret.md'), 'utf8'), readFileSync(join(repoRoot, 'test/fixtures/blind/gaps-en.md'), 'utf8'));
  });

  it('keeps a file\'s byte order mark and CRLF line endings, and the Korean "해당 없음"', async () => {
    const original = readFileSync(join(f.root, 'docs/gaps-ko.md'), 'utf8');
    writeFileSync(join(f.root, 'docs/crlf.md'), `\uFEFF${original.replace(/\n/gu, '\r\n')}`);
    const check = (await call(f.client, 'check', { path: 'docs/crlf.md' })).structuredContent as { files: Array<{ findings: Array<{ rule: string; line: number }> }> };
    const field = check.files[0].findings.find((finding) => finding.rule === 'empty-field')!;
    const missing = check.files[0].findings.filter((finding) => finding.rule === 'missing-section') as unknown as Array<{ message: string }>;
    assert.ok(missing.length > 0);
    await call(f.client, 'mark_not_applicable', { path: 'docs/crlf.md', line: field.line });
    const section = /"([\d.]+)/u.exec(missing[missing.length - 1].message)![1];
    assert.equal((await call(f.client, 'insert_section', { path: 'docs/crlf.md', section })).isError, undefined);
    const bytes = readFileSync(join(f.root, 'docs/crlf.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    assert.equal(text.replace(/\r\n/gu, '').includes('\n'), false, 'every line ending is CRLF');
    assert.match(text.split('\r\n')[field.line - 1], /해당 없음$/u);
  });
});

describe('archdoc mcp over stdio (node bin/archdoc.js mcp)', function () {
  this.timeout(180000);
  let root: string;
  let outside: string;

  before(() => ({ root, outside } = makeFolder()));
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  async function spawned(...args: string[]): Promise<{ client: Client; stderr: () => string }> {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', ...args], cwd: root, stderr: 'pipe' });
    let log = '';
    transport.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const client = new Client({ name: 'archdoc-e2e', version: '1.0.0' });
    await client.connect(transport);
    return { client, stderr: () => log };
  }

  it('lists the tools, checks as the CLI does, refuses what it must, and logs to stderr only', async () => {
    const { client, stderr } = await spawned();
    try {
      assert.deepEqual((await client.listTools()).tools.map((tool) => tool.name).sort(), READ_TOOLS);
      for (const path of ['docs/platform.md', 'docs/gaps-ko.md']) {
        const result = await call(client, 'check', { path });
        assert.equal(`${JSON.stringify(result.structuredContent)}\n`, cliJson(root, path), path);
      }
      assert.match(await toolError(client, 'check', { path: 'docs/escape.md' }), /outside the working folder/u);
      assert.match(await toolError(client, 'check', { path: 'docs/binary.md' }), /binary file/u);
      assert.match(await toolError(client, 'check', { path: 'missing.md' }), /no such file/u);
      const big = `# High Level 아키텍처 정의서\n\n${'가'.repeat(1_100_000)}\n`;
      assert.ok(Buffer.byteLength(big) > 3_000_000);
      const result = await call(client, 'check', { text: big });
      assert.equal(result.isError, undefined);
      assert.equal((result.structuredContent as { files: Array<{ template: string }> }).files[0].template, 'high-level-architecture');
      // Still serving after all that.
      assert.equal((await call(client, 'list_documents', {})).isError, undefined);
    } finally {
      await client.close();
    }
    assert.match(stderr(), /archdoc mcp .*serving .* \(read-only\)/u);
  });

  it('with --allow-writes: the write tools, changing the file', async () => {
    const { client } = await spawned('--allow-writes');
    try {
      assert.deepEqual((await client.listTools()).tools.map((tool) => tool.name).sort(), [...READ_TOOLS, ...WRITE_TOOLS].sort());
      const result = await call(client, 'insert_section', { path: 'docs/platform.md', section: '9.2' });
      assert.equal(result.isError, undefined, textOf(result));
      assert.match(readFileSync(join(root, 'docs/platform.md'), 'utf8'), /\n### 9\.2 데이터 과학 플랫폼\n/u);
    } finally {
      await client.close();
    }
  });

  it('check equals the CLI on every corpus document', async function () {
    needsCorpus(this);
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    for (const file of [...corpusFiles('highlevel'), ...corpusFiles('templates')]) copyFileSync(file, join(corpus, basename(file)));
    const cli = JSON.parse(cliJson(root, 'corpus')) as { files: Array<{ path: string }> };
    assert.ok(cli.files.length >= 10, `${cli.files.length} corpus documents`);
    const { client } = await spawned();
    try {
      for (const expected of cli.files) {
        const result = await call(client, 'check', { path: expected.path });
        assert.equal(JSON.stringify((result.structuredContent as { files: unknown[] }).files[0]), JSON.stringify(expected), expected.path);
      }
    } finally {
      await client.close();
    }
  });
});

describe('agent contributions and bundles', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
  const nlsKo = JSON.parse(readFileSync(join(repoRoot, 'package.nls.ko.json'), 'utf8'));

  it('contributes the three language-model tools, each registered, referenceable in prompts and described in English and Korean', () => {
    const tools = pkg.contributes.languageModelTools as Array<Record<string, unknown>>;
    const source = readFileSync(join(repoRoot, 'src/vscode/lmTools.ts'), 'utf8');
    assert.deepEqual(tools.map((tool) => `${tool.name} #${tool.toolReferenceName}`), ['archdoc_check #archdocCheck', 'archdoc_outline #archdocOutline', 'archdoc_templateSection #archdocTemplateSection']);
    for (const tool of tools) {
      assert.equal(tool.canBeReferencedInPrompt, true);
      assert.ok(source.includes(`registerTool<DocumentInput>('${tool.name}'`) || source.includes(`registerTool<TemplateSectionInput>('${tool.name}'`), `${tool.name} is registered`);
      for (const field of ['displayName', 'userDescription', 'modelDescription']) {
        const key = /^%(.+)%$/u.exec(String(tool[field]))![1];
        assert.ok(nls[key] && nlsKo[key] && nls[key] !== nlsKo[key], `${tool.name} ${field}`);
        if (field !== 'displayName') assert.match(nlsKo[key], /[\uac00-\ud7a3]/u);
      }
    }
  });

  it('contributes the MCP server definition provider under the id the extension registers', () => {
    const source = readFileSync(join(repoRoot, 'src/vscode/mcpProvider.ts'), 'utf8');
    const [provider] = pkg.contributes.mcpServerDefinitionProviders as Array<{ id: string }>;
    assert.ok(source.includes(`MCP_PROVIDER_ID = '${provider.id}'`));
  });

  it('bundles the MCP SDK into the CLI only: neither extension bundle carries it, and the web one never registers a server', () => {
    const bundle = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
    assert.match(bundle('out/cli.js'), /modelcontextprotocol/u);
    assert.doesNotMatch(bundle('out/extension.js'), /@modelcontextprotocol\/sdk|McpServer\b/u);
    const web = bundle('out/web/extension.js');
    assert.doesNotMatch(web, /@modelcontextprotocol\/sdk|McpServer\b/u);
    assert.doesNotMatch(web, /ARCHDOC_NODE_HOST/u, 'the bundler decided the host');
    assert.match(web, /function registerMcpServerProvider\(context\) \{\s+const \w+ = [^;]+;\s+const Definition = [^;]+;\s+if \(true\) return new/u, "the web build's guard is constant");
  });
});

describe('archdoc mcp arguments', () => {
  it('takes --allow-writes and at most one folder; --allow-writes belongs to mcp alone', () => {
    assert.deepEqual([parseArgs(['mcp']).allowWrites, parseArgs(['mcp']).paths], [false, []]);
    assert.deepEqual([parseArgs(['mcp', '--allow-writes', 'docs']).allowWrites, parseArgs(['mcp', '--allow-writes', 'docs']).paths], [true, ['docs']]);
    assert.throws(() => parseArgs(['mcp', 'a', 'b']), /at most one folder/u);
    assert.throws(() => parseArgs(['mcp', '--template', 'adr']), /no --template/u);
    assert.throws(() => parseArgs(['check', '--allow-writes', 'x.md']), /--allow-writes is an option of mcp/u);
    assert.throws(() => parseArgs(['mcp', '--allow-writes=yes']), /takes no value/u);
  });
});
