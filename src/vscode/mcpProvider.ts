/**
 * The archdoc MCP server offered to agent mode (VS Code 1.101 and later): one `archdoc mcp` per workspace folder,
 * the bundled CLI run by the editor's own Node, so agents find archdoc without any setup. Older editors and the
 * web build (no processes there) register nothing, and the extension works as before.
 */
import * as vscode from 'vscode';

/** Set by the bundler: true in the Node extension host's bundle, false in the web worker's. */
declare const ARCHDOC_NODE_HOST: boolean;

/** The contributed provider id (package.json `mcpServerDefinitionProviders`). */
export const MCP_PROVIDER_ID = 'archdoc.mcp';

/** The part of the MCP API of VS Code ≥ 1.101 used here (the typings in use are those of 1.100). */
interface McpStdioServerDefinition {
  cwd?: vscode.Uri;
}
type McpStdioServerDefinitionConstructor = new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => McpStdioServerDefinition;
interface McpServerDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<McpStdioServerDefinition[]>;
}
interface McpApi {
  registerMcpServerDefinitionProvider?(id: string, provider: McpServerDefinitionProvider): vscode.Disposable;
}

export function registerMcpServerProvider(context: vscode.ExtensionContext): vscode.Disposable {
  const lm = vscode.lm as unknown as McpApi;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: McpStdioServerDefinitionConstructor }).McpStdioServerDefinition;
  if (!ARCHDOC_NODE_HOST || typeof lm.registerMcpServerDefinitionProvider !== 'function' || !Definition) return new vscode.Disposable(() => {});
  const changed = new vscode.EventEmitter<void>();
  const cli = vscode.Uri.joinPath(context.extensionUri, 'out', 'cli.js').fsPath;
  const version = (context.extension.packageJSON as { version: string }).version;
  const provider: McpServerDefinitionProvider = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => mcpServers(Definition, cli, version),
  };
  try {
    return vscode.Disposable.from(changed, vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()), lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider));
  } catch (error) {
    // VS Code 1.100 has an earlier form of this API that refuses the `mcpServerDefinitionProviders` contribution.
    console.warn(`archdoc: no MCP server for agent mode: ${String(error)}`);
    return changed;
  }
}

/** One read-only server per local workspace folder, working in that folder. */
export function mcpServers(Definition: McpStdioServerDefinitionConstructor, cli: string, version: string): McpStdioServerDefinition[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  return folders.map((folder) => {
    const label = folders.length > 1 ? `archdoc (${folder.name})` : 'archdoc';
    // The editor's executable is Electron on the desktop: ELECTRON_RUN_AS_NODE makes it plain Node (a real Node ignores it).
    const server = new Definition(label, nodeExecutable(), [cli, 'mcp', folder.uri.fsPath], { ELECTRON_RUN_AS_NODE: '1' }, version);
    server.cwd = folder.uri;
    return server;
  });
}

/** The Node the extension host runs on (read through globalThis: the web build is type-checked without Node types). */
function nodeExecutable(): string {
  return (globalThis as unknown as { process: { execPath: string } }).process.execPath;
}
