// The language server's budgets for scripts/bench.mjs, measured over stdio through vscode-languageserver's own
// client-side JSON-RPC against the built CLI (bin/archdoc.js lsp --stdio): the re-analysis after a one-line edit
// (didChange, then the pulled diagnostics of that version), and start-up to the first diagnostics of a document
// against `archdoc check` of it.
import { spawn, spawnSync } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const CLI = resolve('bin/archdoc.js');

/** A server over stdio in `folder`; `pull` declares pulled diagnostics (then none are pushed). */
async function startServer(folder, pull) {
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const pushed = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => pushed.forEach((waiter) => waiter(params)));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ debounceMs: 0 })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = pathToFileURL(folder).href;
  const capabilities = { workspace: { configuration: true }, textDocument: pull ? { diagnostic: {} } : {} };
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities });
  await connection.sendNotification('initialized', {});
  const diagnosticsOf = (uri) => new Promise((done) => pushed.push((params) => params.uri === uri && done(params)));
  const stop = async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise((done) => (child.exitCode !== null ? done() : child.once('exit', done)));
    connection.dispose();
  };
  return { connection, diagnosticsOf, stop };
}

const lineEnd = (text, line) => {
  const lines = text.split('\n');
  return { line: line - 1, character: lines[line - 1].replace(/\r$/u, '').length };
};

/**
 * For each edit (as bench.mjs's editedVersions: a character typed at a line end), the time from didChange to the
 * pulled diagnostics of that version, the edit undone (and analysed) before the next sample, as the editor bench
 * warms its cache on the original.
 */
export async function serverIncremental(text, edits, runs, median) {
  const folder = process.cwd();
  const server = await startServer(folder, true);
  const uri = 'untitled:bench-large.md';
  let version = 1;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  const pull = () => server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  await pull();
  const perPosition = [];
  for (const { line } of edits) {
    const at = lineEnd(text, line);
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
      await pull();
      samples.push(performance.now() - start);
      const typed = { line: at.line, character: at.character + 1 };
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: at, end: typed }, text: '' }] });
      await pull();
    }
    perPosition.push(median(samples));
  }
  await server.stop();
  return { median: median(perPosition), worst: Math.max(...perPosition) };
}

/** Start-up to the first pushed diagnostics of `file`, and `archdoc check` of it, taking turns; medians. */
export async function startupAgainstCheck(file, text, runs, median) {
  const folder = dirname(file);
  const server = [];
  const check = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const lsp = await startServer(folder, false);
    const uri = pathToFileURL(file).href;
    const first = lsp.diagnosticsOf(uri);
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await first;
    server.push(performance.now() - start);
    await lsp.stop();
    const checkStart = performance.now();
    spawnSync(process.execPath, [CLI, 'check', basename(file)], { cwd: folder, stdio: 'ignore' });
    check.push(performance.now() - checkStart);
  }
  return { server: median(server), check: median(check) };
}
