/**
 * One analysis per document version: the section tree, diagnostics, status bar, completion and code
 * actions all ask this cache, and only the first request for a version parses — incrementally, through one
 * `IncrementalParser` per document, so that after a small edit only the changed chunks are re-parsed.
 */
import { type AnalysisContext, analyze } from './analyze';
import { IncrementalParser } from './incremental';
import type { Analysis } from './types';

interface Entry {
  version: number;
  text: string;
  context: AnalysisContext;
  analysis: Analysis;
  parser: IncrementalParser;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private parseCalls = 0;
  private chunkParseCalls = 0;

  /**
   * The analysis of `text`, which is version `version` of the document `uri`. Analyses once per (uri, version):
   * later calls return the same object. A different text or context for the same version analyses again, so keep
   * one context object per configuration (a new object stands for new settings).
   */
  analyze(uri: string, version: number, text: string, context: AnalysisContext): Analysis {
    const entry = this.entries.get(uri);
    if (entry && entry.version === version && entry.context === context && entry.text === text) return entry.analysis;
    const parser = entry?.parser ?? new IncrementalParser();
    const analysis = analyze(text, context, (body) => {
      this.parseCalls++;
      const result = parser.parse(body);
      this.chunkParseCalls += parser.lastWasFull ? parser.lastReparsedChunks + 1 : parser.lastReparsedChunks;
      return result;
    });
    this.entries.set(uri, { version, text, context, analysis, parser });
    return analysis;
  }

  /** Drops a document's analysis and parsed chunks (call it when the document closes). */
  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /** Document parses so far: one per analysed version (a file over the size cap is not parsed). */
  get parses(): number {
    return this.parseCalls;
  }

  /** Markdown parser runs behind those parses: changed chunks, plus whole texts where the parser fell back. */
  get chunkParses(): number {
    return this.chunkParseCalls;
  }
}
