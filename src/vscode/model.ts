/**
 * One analysis per document version, shared by every feature (the engine's AnalysisCache, parsing incrementally).
 * Opening a document and typing schedule its analysis, which runs in short slices so that the extension host is
 * never blocked for long by a large document; views (`shownAnalysisOf`) follow when it is done (`onDidChange`). A
 * feature that needs the current version right away (completion, code actions) gets it computed at once and cached
 * (`analysisOf`), or waits for it (`whenAnalysed`).
 */
import * as vscode from 'vscode';
import { type Analysis, AnalysisCache, type AnalysisContext, analyze, DEFAULT_MAX_FILE_SIZE, decodeText, emptyAnalysis, toLocale } from '../core';
import type { TemplateRegistry } from './templates';

/**
 * A closed document whose URI is open again as another document: VS Code reuses untitled names, and the close
 * event can come after the new document opened. Its close must not clear what belongs to the new one.
 */
export function isReplaced(closed: vscode.TextDocument): boolean {
  const key = closed.uri.toString();
  return vscode.workspace.textDocuments.some((open) => open !== closed && !open.isClosed && open.uri.toString() === key);
}

/** What a template file's analysis is: Markdown, but no document (the template's own slots are not findings). */
const TEMPLATE_FILE = emptyAnalysis();

export class DocumentModel implements vscode.Disposable {
  private readonly cache = new AnalysisCache();
  /** One context object per document until settings or templates change: the cache keys its results on it. */
  private readonly contexts = new Map<string, AnalysisContext>();
  private readonly versions = new Map<string, number>();
  /** The document each analysed URI belongs to. */
  private readonly documents = new Map<string, vscode.TextDocument>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's analysis was (re)computed by the debounced pipeline, or cleared. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private versionsAnalysed = 0;

  constructor(private readonly templates: TemplateRegistry) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.update(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => isReplaced(document) || this.forget(document)),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('archdoc') && this.refreshAll()),
      templates.onDidChange(() => this.refreshAll()),
    );
  }

  /** The analysis of the document's current version (computed now if it is not cached); undefined for non-Markdown or closed documents. */
  analysisOf(document: vscode.TextDocument): Analysis | undefined {
    if (document.languageId !== 'markdown' || document.isClosed) return undefined;
    if (this.templates.isTemplateFile(document.uri)) return TEMPLATE_FILE;
    const key = this.noteVersion(document);
    return this.cache.analyze(key, document.version, document.getText(), this.contextFor(document));
  }

  /** The analysis of the document's current version once it is done, computed in slices (the host stays responsive). */
  async whenAnalysed(document: vscode.TextDocument): Promise<Analysis | undefined> {
    for (;;) {
      if (document.languageId !== 'markdown' || document.isClosed) return undefined;
      if (this.templates.isTemplateFile(document.uri)) return TEMPLATE_FILE;
      const version = document.version;
      const key = this.noteVersion(document);
      const analysis = await this.cache.analyzeInSlices(key, version, document.getText(), this.contextFor(document));
      // Undefined when a newer version came in meanwhile: wait for that one.
      if (analysis && document.version === version) return analysis;
    }
  }

  /**
   * For views (tree, diagnostics, decorations, status bar): the current version's analysis when it is done, else the
   * document's last analysis while the current one is still scheduled or computed. Never analyses; `onDidChange`
   * fires when the current one is ready.
   */
  shownAnalysisOf(document: vscode.TextDocument | undefined): Analysis | undefined {
    if (!document || document.languageId !== 'markdown' || document.isClosed) return undefined;
    if (this.templates.isTemplateFile(document.uri)) return TEMPLATE_FILE;
    const key = document.uri.toString();
    if (this.documents.get(key) !== document) return undefined;
    return this.cache.analysed(key, document.version, document.getText(), this.contextFor(document)) ?? this.cache.latest(key);
  }

  /** `shownAnalysisOf` when the document is an architecture document. */
  shownArchitectureAnalysisOf(document: vscode.TextDocument | undefined): Analysis | undefined {
    const analysis = this.shownAnalysisOf(document);
    return analysis?.templateId ? analysis : undefined;
  }

  /** A file's analysis: through its open document when there is one, else read from disk (not cached). */
  async analysisOfUri(uri: vscode.Uri): Promise<Analysis | undefined> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) return this.analysisOf(open);
    if (this.templates.isTemplateFile(uri)) return TEMPLATE_FILE;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined; // unreadable: nothing to report for it
    }
    // Decoded as the command line decodes it: a binary or non-UTF-8 file is not analysed, and says why.
    const decoded = decodeText(bytes);
    return decoded.ok ? this.analysisOfText(uri, decoded.text) : emptyAnalysis(`Not analysed: ${decoded.reason}.`);
  }

  /** A text analysed as the file `uri` (another version of it: from its history, say); not cached. */
  analysisOfText(uri: vscode.Uri, text: string): Analysis {
    return analyze(text, this.contextForUri(uri));
  }

  /** Distinct document versions asked for, and the parses done for them: equal when each version is parsed once. */
  get stats(): { versionsAnalysed: number; parses: number } {
    return { versionsAnalysed: this.versionsAnalysed, parses: this.cache.parses };
  }

  /** The current version's analysis if some feature already asked for it (never analyses: for requests while typing). */
  analysedArchitectureOf(document: vscode.TextDocument): Analysis | undefined {
    if (document.languageId !== 'markdown' || document.isClosed) return undefined;
    const analysis = this.cache.analysed(document.uri.toString(), document.version, document.getText(), this.contextFor(document));
    return analysis?.templateId ? analysis : undefined;
  }

  /** The analysis when the document is an architecture document, else undefined. */
  architectureAnalysisOf(document: vscode.TextDocument | undefined): Analysis | undefined {
    const analysis = document && this.analysisOf(document);
    return analysis?.templateId ? analysis : undefined;
  }

  /** Analyses the current version (in slices) and tells the features when it is done. */
  update(document: vscode.TextDocument): void {
    this.cancel(document.uri.toString());
    if (document.languageId !== 'markdown') return;
    if (this.templates.isTemplateFile(document.uri)) {
      // It may have become a template since its last analysis: the views drop what they showed for it.
      this.cache.forget(document.uri.toString());
      this.changed.fire(document);
      return;
    }
    const version = document.version;
    const key = this.noteVersion(document);
    // Undefined when a newer version came in meanwhile: its own update is scheduled.
    void this.cache.analyzeInSlices(key, version, document.getText(), this.contextFor(document)).then((analysis) => {
      if (analysis && !document.isClosed && document.version === version) this.changed.fire(document);
    });
  }

  /** Debounced update: a newer edit replaces the pending one, so stale work is never done. */
  schedule(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown') return;
    const key = document.uri.toString();
    this.cancel(key);
    const delay = vscode.workspace.getConfiguration('archdoc', document.uri).get<number>('debounceMs', 300);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.update(document);
      }, delay),
    );
  }

  refreshAll(): void {
    this.contexts.clear();
    for (const document of vscode.workspace.textDocuments) this.update(document);
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    // Closed after another document took over its URI: what is kept belongs to that one.
    const owner = this.documents.get(key);
    if (owner && owner !== document) return;
    this.cancel(key);
    this.cache.forget(key);
    this.contexts.delete(key);
    this.versions.delete(key);
    this.documents.delete(key);
    this.changed.fire(document);
  }

  /**
   * Counts each version asked for once (the stats compare them with parses). A new document under a URI that another
   * one had (VS Code reuses untitled names) starts afresh: nothing of the other one's analysis is shown for it.
   */
  private noteVersion(document: vscode.TextDocument): string {
    const key = document.uri.toString();
    if (this.documents.get(key) !== document) {
      this.cache.forget(key);
      this.documents.set(key, document);
    }
    if (this.versions.get(key) !== document.version) {
      this.versions.set(key, document.version);
      this.versionsAnalysed++;
    }
    return key;
  }

  private cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  private contextFor(document: vscode.TextDocument): AnalysisContext {
    const key = document.uri.toString();
    let context = this.contexts.get(key);
    if (!context) {
      context = this.contextForUri(document.uri);
      this.contexts.set(key, context);
    }
    return context;
  }

  private contextForUri(uri: vscode.Uri): AnalysisContext {
    const config = vscode.workspace.getConfiguration('archdoc', uri);
    return {
      templates: this.templates.all,
      locale: toLocale(vscode.env.language),
      options: {
        path: vscode.workspace.asRelativePath(uri, false),
        include: config.get<string[]>('include', []),
        severity: config.get('severity', {}),
        maxFileSize: config.get<number>('maxFileSize', DEFAULT_MAX_FILE_SIZE),
        unstartedSections: config.get<'information' | 'warning'>('unstartedSections', 'information'),
      },
    };
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.disposables.forEach((d) => d.dispose());
  }
}
