/**
 * One analysis per document version, shared by every request and by the diagnostics pushed: the engine's
 * AnalysisCache, which parses a changed version incrementally. A request analyses the current version at once
 * (`of`); the pushed diagnostics analyse it in slices (`whenAnalysed`), so that other messages are served meanwhile.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, AnalysisCache, emptyAnalysis, type Template } from '../core';
import type { LspWorkspace } from './workspace';

/** What a template file's analysis is: Markdown, but no document (the template's own slots are not findings). */
const TEMPLATE_FILE = emptyAnalysis();

export class DocumentAnalyses {
  private readonly cache = new AnalysisCache();

  constructor(private readonly workspace: LspWorkspace) {}

  /** The analysis of the document's current version (computed now unless it is cached). */
  of(document: TextDocument): Analysis {
    const known = this.workspace.contextOf(document.uri);
    if ('templateFile' in known) return TEMPLATE_FILE;
    return this.cache.analyze(document.uri, document.version, document.getText(), known.context);
  }

  /** The same analysis computed in slices; undefined when a newer version came in meanwhile. */
  whenAnalysed(document: TextDocument): Promise<Analysis | undefined> {
    const known = this.workspace.contextOf(document.uri);
    if ('templateFile' in known) return Promise.resolve(TEMPLATE_FILE);
    return this.cache.analyzeInSlices(document.uri, document.version, document.getText(), known.context);
  }

  /** The template the document's analysis chose, from its folder's templates. */
  templateOf(document: TextDocument, analysis: Analysis): Template | undefined {
    return analysis.templateId ? this.workspace.templatesOf(document.uri).find((template) => template.id === analysis.templateId) : undefined;
  }

  forget(uri: string): void {
    this.cache.forget(uri);
    this.workspace.forget(uri);
  }

  /** Document parses so far, one per analysed version (tests and the bench compare it with versions). */
  get parses(): number {
    return this.cache.parses;
  }
}
