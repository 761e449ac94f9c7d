/**
 * `archdoc lsp --stdio`: the archdoc engine as a language server, for every editor that speaks LSP. Documents are
 * synchronised incrementally and analysed once per version (DocumentAnalyses); settings and templates are the
 * command line's, with the editor's `archdoc` settings over them (LspWorkspace). Diagnostics are pushed, or pulled
 * by clients that declare `textDocument/diagnostic`.
 */
import {
  type ClientCapabilities,
  type Connection,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  type FullDocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { type Locale, TEMPLATE_FOLDER, toLocale } from '../core';
import { DocumentAnalyses } from './analyses';
import { COMMANDS, executeCommand } from './commands';
import { toDiagnostic } from './convert';
import { type ClientAbilities, codeActions, completions, documentSymbols, hover } from './features';
import { Words } from './l10n';
import { LspWorkspace } from './workspace';

declare const ARCHDOC_VERSION: string;

export interface LspOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** `--lang`; else the client's locale, else the environment's (LANG), as the command line. */
  lang?: Locale;
  env: Record<string, string | undefined>;
}

/** Starts serving on the streams; resolves when the client has shut the server down and exited. */
export function serveLsp(options: LspOptions): Connection {
  const connection = createConnection(new StreamMessageReader(options.input), new StreamMessageWriter(options.output));
  const documents = new TextDocuments(TextDocument);
  let server: ArchdocServer | undefined;

  connection.onInitialize((params) => {
    server = new ArchdocServer(connection, documents, params, options);
    return server.initializeResult();
  });
  connection.onInitialized(() => void server?.initialized());
  documents.listen(connection);
  connection.listen();
  return connection;
}

class ArchdocServer {
  private readonly workspace: LspWorkspace;
  private readonly analyses: DocumentAnalyses;
  private readonly l10n: Words;
  private readonly abilities: ClientAbilities;
  private readonly capabilities: ClientCapabilities;
  /** Clients that pull diagnostics get none pushed (they would show them twice). */
  private readonly pulls: boolean;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly seen = new Set<string>();
  private readonly skipReported = new Map<string, string>();
  /** Part of each pulled result id: a new generation after settings change, so that clients pull afresh. */
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    params: InitializeParams,
    options: LspOptions,
  ) {
    const env = options.env;
    const locale = options.lang ?? toLocale(params.locale ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG));
    this.l10n = new Words(locale);
    this.capabilities = params.capabilities;
    this.abilities = {
      snippets: params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
      versionedEdits: params.capabilities.workspace?.workspaceEdit?.documentChanges === true,
    };
    this.pulls = params.capabilities.textDocument?.diagnostic !== undefined;
    this.workspace = new LspWorkspace(workspaceFolders(params), locale, (message) => connection.console.warn(`archdoc: ${message}`));
    this.analyses = new DocumentAnalyses(this.workspace);
    this.register();
  }

  initializeResult(): InitializeResult {
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        completionProvider: { triggerCharacters: ['#'] },
        documentSymbolProvider: { label: 'archdoc' },
        hoverProvider: true,
        executeCommandProvider: { commands: COMMANDS },
        diagnosticProvider: { identifier: 'archdoc', interFileDependencies: false, workspaceDiagnostics: true },
      },
      serverInfo: { name: 'archdoc', version: ARCHDOC_VERSION },
    };
  }

  async initialized(): Promise<void> {
    const dynamic = (feature: { dynamicRegistration?: boolean } | undefined) => feature?.dynamicRegistration === true;
    if (dynamic(this.capabilities.workspace?.didChangeConfiguration)) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'archdoc' });
    if (dynamic(this.capabilities.workspace?.didChangeWatchedFiles)) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.vscode/settings.json' }, { globPattern: `**/${TEMPLATE_FOLDER}/*` }],
      });
    }
    await this.reload();
  }

  private register(): void {
    const { connection, documents } = this;
    documents.onDidChangeContent(({ document }) => this.schedule(document));
    documents.onDidClose(({ document }) => this.close(document.uri));
    connection.onDidChangeConfiguration((change) => void this.reload(change.settings));
    connection.onDidChangeWatchedFiles(() => void this.reload());
    connection.onCodeAction(this.guard([], (params) => this.withDocument(params.textDocument.uri, [], (document, analysis) => codeActions(document, analysis, this.analyses.templateOf(document, analysis), params, this.l10n, this.abilities))));
    connection.onCompletion(this.guard([], (params) => this.withDocument(params.textDocument.uri, [], (document, analysis) => completions(document, analysis, this.analyses.templateOf(document, analysis), params.position, this.l10n, this.abilities))));
    connection.onDocumentSymbol(this.guard([], (params) => this.withDocument(params.textDocument.uri, [], (_, analysis) => documentSymbols(analysis, this.l10n))));
    connection.onHover(this.guard(null, (params) => this.withDocument(params.textDocument.uri, null, (_, analysis) => hover(analysis, params.position, this.l10n) ?? null)));
    connection.onExecuteCommand((params) =>
      executeCommand(params.command, params.arguments ?? [], {
        connection,
        documentOf: (uri) => documents.get(uri),
        analyses: this.analyses,
        templatesOf: (uri) => this.workspace.templatesOf(uri),
        l10n: this.l10n,
        abilities: this.abilities,
      }),
    );
    connection.languages.diagnostics.on(
      this.guard({ kind: DocumentDiagnosticReportKind.Full, items: [] }, (params) => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        const report = this.report(document);
        return params.previousResultId === report.resultId ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId } : report;
      }),
    );
    connection.languages.diagnostics.onWorkspace(
      this.guard({ items: [] }, () => ({
        items: documents.all().map((document) => ({ uri: document.uri, version: document.version, ...this.report(document) })),
      })),
    );
  }

  /** A handler that answers `fallback` (and logs why) instead of failing the request on an unexpected error. */
  private guard<P, R>(fallback: R, handler: (params: P) => R): (params: P) => R {
    return (params) => {
      try {
        return handler(params);
      } catch (error) {
        this.connection.console.error(`archdoc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  private withDocument<R>(uri: string, none: R, answer: (document: TextDocument, analysis: ReturnType<DocumentAnalyses['of']>) => R): R {
    const document = this.documents.get(uri);
    return document ? answer(document, this.analyses.of(document)) : none;
  }

  private report(document: TextDocument): FullDocumentDiagnosticReport & { resultId: string } {
    const analysis = this.analyses.of(document);
    return { kind: DocumentDiagnosticReportKind.Full, resultId: `${this.generation}:${document.version}`, items: analysis.templateId ? analysis.findings.map(toDiagnostic) : [] };
  }

  /** The editor's `archdoc` settings (asked for, or as sent), then every open document analysed again. */
  private async reload(sent?: unknown): Promise<void> {
    let settings: unknown = (sent as { archdoc?: unknown } | undefined)?.archdoc;
    if (this.capabilities.workspace?.configuration) {
      settings = await this.connection.workspace.getConfiguration('archdoc').catch(() => undefined);
    }
    this.workspace.reload(settings);
    this.generation++;
    this.seen.clear();
    if (this.pulls) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    for (const document of this.documents.all()) this.schedule(document);
  }

  /** Diagnostics of a new document at once; after an edit, once typing pauses (`archdoc.debounceMs`). */
  private schedule(document: TextDocument): void {
    if (this.pulls) return;
    const uri = document.uri;
    const pending = this.timers.get(uri);
    if (pending !== undefined) clearTimeout(pending);
    const delay = this.seen.has(uri) ? this.workspace.debounceMsOf(uri) : 0;
    this.seen.add(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.publish(uri);
      }, delay),
    );
  }

  private async publish(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    try {
      const analysis = await this.analyses.whenAnalysed(document);
      // Undefined, or another document now: a newer version came in, and its own publish is scheduled.
      if (!analysis || this.documents.get(uri) !== document) return;
      this.reportSkip(uri, analysis.templateId ? undefined : analysis.skippedReason);
      const diagnostics = analysis.templateId ? analysis.findings.map(toDiagnostic) : [];
      await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      this.connection.console.error(`archdoc: ${uri}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** Why a document is not checked (too large, an unknown template named), said once until it changes. */
  private reportSkip(uri: string, reason: string | undefined): void {
    if (this.skipReported.get(uri) === reason) return;
    if (reason === undefined) this.skipReported.delete(uri);
    else {
      this.skipReported.set(uri, reason);
      void this.connection.window.showWarningMessage(`archdoc: ${displayName(uri)}: ${reason}`);
    }
  }

  private close(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(uri);
    this.seen.delete(uri);
    this.skipReported.delete(uri);
    this.analyses.forget(uri);
    if (!this.pulls) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/** The client's workspace folders as paths (file URIs only; the old `rootUri`/`rootPath` when it sends no folders). */
function workspaceFolders(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.flatMap((uri) => {
    try {
      return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
    } catch {
      return [];
    }
  });
  if (paths.length === 0 && params.rootPath) paths.push(params.rootPath);
  return paths;
}

function displayName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
