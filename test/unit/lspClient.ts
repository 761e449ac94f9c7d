/** A language client for the tests: `archdoc lsp --stdio` (the built CLI) driven through vscode-languageserver's own JSON-RPC. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  createProtocolConnection,
  type PublishDiagnosticsParams,
  type ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './helpers';

export const CLI = join(repoRoot, 'bin/archdoc.js');

export interface LspClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  stderr: () => string;
  /** The next diagnostics pushed for `uri` (of `version`, when given). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  applied: unknown[];
  close(): Promise<void>;
}

export const fullCapabilities: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, applyEdit: true },
  textDocument: { completion: { completionItem: { snippetSupport: true } }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
};

export async function startServer(folder: string | undefined, settings: Record<string, unknown> = { debounceMs: 0 }, capabilities = fullCapabilities): Promise<LspClient> {
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: folder ?? repoRoot, env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' }, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const pushed: PublishDiagnosticsParams[] = [];
  const waiting: Array<{ accept: (params: PublishDiagnosticsParams) => boolean }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiting.findIndex((waiter) => waiter.accept(params));
    if (index >= 0) waiting.splice(index, 1);
    else pushed.push(params);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  const applied: unknown[] = [];
  connection.onRequest('workspace/applyEdit', (params: unknown) => {
    applied.push(params);
    return { applied: true };
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const rootUri = folder ? pathToFileURL(folder).href : null;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'fixture' }] : null });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    stderr: () => stderr,
    applied,
    diagnostics(uri, version) {
      const matches = (params: PublishDiagnosticsParams) => params.uri === uri && (version === undefined || params.version === version);
      const early = pushed.findIndex(matches);
      if (early >= 0) return Promise.resolve(pushed.splice(early, 1)[0]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}; server stderr: ${stderr}`)), 20000);
        waiting.push({ accept: (params) => matches(params) && (clearTimeout(timer), resolve(params), true) });
      });
    },
    async close() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      connection.dispose();
    },
  };
}
