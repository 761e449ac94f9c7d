/**
 * The architecture overview: a webview with every architecture document of the workspace as a row (completion and a
 * heat-map cell per template section); the webview renders the posted model with `archdoc report`'s renderer. Open documents are read
 * from the analyses the model already made; closed files are read once, by the workspace check's file policy, and
 * again only when they change on disk. Where git history can be read (the Node host), each row shows a trend.
 */
import * as vscode from 'vscode';
import { type Analysis, DOCUMENT_GLOB, type Progress, toLocale } from '../core';
import { buildReportModel, DEFAULT_HISTORY_LIMIT, type HistoryPoint, type ReportModel } from '../report';
import { documentCandidates, isWorkspaceDocument } from './commands';
import type { DocumentModel } from './model';
import type { TemplateRegistry } from './templates';

/** Reads a file's completion over its version history; absent where the host cannot run git (the web). */
export type HistorySource = (uri: vscode.Uri, limit: number, analyse: (text: string) => Progress | undefined) => Promise<HistoryPoint[]>;

/** What the overview last sent to its webview (for tests and other extensions); the webview renders it. */
export interface OverviewShown {
  model: ReportModel;
  updates: number;
}

interface Entry {
  uri: vscode.Uri;
  analysis: Analysis | undefined;
  history?: HistoryPoint[];
}

export class Overview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly entries = new Map<string, Entry>();
  private shown: OverviewShown | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly model: DocumentModel,
    private readonly templates: TemplateRegistry,
    private readonly history: HistorySource | undefined,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(DOCUMENT_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.readClosed(uri)),
      watcher.onDidChange((uri) => this.readClosed(uri)),
      watcher.onDidDelete((uri) => this.entries.delete(uri.toString()) && this.scheduleRender()),
      model.onDidChange((document) => this.documentChanged(document)),
      templates.onDidChange(() => this.panel && void this.reload()),
      vscode.commands.registerCommand('archdoc.showOverview', () => this.show()),
    );
  }

  /** The model and markup last posted to the webview; undefined while it is closed. */
  get lastShown(): OverviewShown | undefined {
    return this.panel ? this.shown : undefined;
  }

  async show(): Promise<OverviewShown | undefined> {
    if (this.panel) {
      this.panel.reveal();
      return this.shown;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('archdoc.overview', vscode.l10n.t('Architecture Overview'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media, vscode.Uri.joinPath(this.extensionUri, 'out', 'webview')],
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'archdoc.svg');
    this.panel = panel;
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.entries.clear();
    });
    panel.webview.onDidReceiveMessage((message: { type?: string; link?: string; line?: number }) => {
      if (message.type === 'ready') void this.post();
      if (message.type === 'open' && typeof message.link === 'string') void this.open(message.link, Number(message.line) || 1);
    });
    panel.webview.html = this.page(panel.webview);
    await this.reload();
    return this.shown;
  }

  /** Reads every candidate file: open ones through the model, closed ones from disk. */
  private async reload(): Promise<void> {
    const files = await documentCandidates();
    this.entries.clear();
    await Promise.all(files.map((uri) => this.read(uri)));
    this.render();
    if (this.history) void this.readHistories(this.history);
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const analysis = await this.model.analysisOfUri(uri);
    const previous = this.entries.get(uri.toString());
    this.entries.set(uri.toString(), { uri, analysis, history: previous?.history });
  }

  /** A file changed on disk: only a closed one needs reading (an open one follows its editor). */
  private readClosed(uri: vscode.Uri): void {
    if (!this.panel || !isWorkspaceDocument(uri)) return;
    if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) return;
    void this.read(uri).then(() => this.scheduleRender());
  }

  private documentChanged(document: vscode.TextDocument): void {
    if (!this.panel || !isWorkspaceDocument(document.uri)) return;
    // A document closed in the editor is shown again as saved on disk.
    if (document.isClosed) return this.readClosed(document.uri);
    const key = document.uri.toString();
    this.entries.set(key, { uri: document.uri, analysis: this.model.analysisOf(document), history: this.entries.get(key)?.history });
    this.scheduleRender();
  }

  private async readHistories(history: HistorySource): Promise<void> {
    for (const entry of [...this.entries.values()].filter((candidate) => candidate.analysis?.templateId)) {
      const analyse = (text: string) => {
        const version = this.model.analysisOfText(entry.uri, text);
        return version.templateId ? version.progress : undefined;
      };
      entry.history = await history(entry.uri, DEFAULT_HISTORY_LIMIT, analyse).catch(() => []);
      if (!this.panel) return;
    }
    this.render();
  }

  private scheduleRender(): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.render();
    }, 50);
  }

  private render(): void {
    const documents = [...this.entries.values()].flatMap(({ uri, analysis, history }) =>
      analysis?.templateId ? [{ path: vscode.workspace.asRelativePath(uri), analysis, link: uri.toString(), history }] : [],
    );
    this.shown = { model: buildReportModel(documents, this.templates.all), updates: (this.shown?.updates ?? 0) + 1 };
    void this.post();
  }

  private async post(): Promise<void> {
    // The webview renders the report's texts in the editor's language.
    if (this.panel && this.shown) await this.panel.webview.postMessage({ type: 'update', model: this.shown.model, locale: toLocale(vscode.env.language) });
  }

  private async open(link: string, line: number): Promise<void> {
    const position = new vscode.Position(Math.max(0, line - 1), 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(link), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
  }

  /** No remote content: the style sheet from the extension, the script only with this page's nonce. */
  private page(webview: vscode.Webview): string {
    const nonce = newNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'out', 'webview', 'overview.js'));
    const styles = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'report.css'));
    const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="${toLocale(vscode.env.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${styles}">
</head>
<body class="archdoc-overview">
<main><h1>${vscode.l10n.t('Architecture Overview')}</h1><div id="overview"></div></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.panel?.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
