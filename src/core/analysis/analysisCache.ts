/**
 * One analysis per document version: the section tree, diagnostics, status bar, completion and code actions all ask
 * this cache, and only the first request for a version analyses. Each document keeps an `IncrementalParser` (after a
 * small edit only the changed chunks are re-parsed) and an `AnalysisMemo` (only the changed sections are scanned and
 * evaluated again).
 *
 * A version can be analysed at once (`analyze`) or in slices that hand the thread back (`analyzeInSlices`, for a
 * large document's first analysis). Both drive the same steps: asking at once for a version whose sliced analysis is
 * under way finishes that very run; a newer version abandons it, keeping the chunks it already parsed.
 */
import { type AnalysisContext, analysisSteps } from './analyze';
import { AnalysisMemo } from './analysisMemo';
import { IncrementalParser } from '../parse/incremental';
import type { ParseResult } from '../parse/parse';
import { finish, inSlices, type SliceOptions, type Steps } from '../parse/steps';
import type { Analysis } from './types';

interface Version {
  version: number;
  text: string;
  context: AnalysisContext;
}

interface Run extends Version {
  steps: Steps<Analysis>;
  sliced?: Promise<Analysis | undefined>;
}

interface DocumentState {
  parser: IncrementalParser;
  memo: AnalysisMemo;
  done?: Version & { analysis: Analysis };
  running?: Run;
}

/** How long a sliced analysis runs before it hands the thread back: well under a frame, so typing stays smooth. */
const HOST_SLICE_MS = 10;

/** Hands the thread back to the event loop (the browser and Node alike). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class AnalysisCache {
  private readonly documents = new Map<string, DocumentState>();
  private parseCalls = 0;
  private chunkParseCalls = 0;

  /**
   * The analysis of `text`, which is version `version` of the document `uri`. Analyses once per (uri, version):
   * later calls return the same object. A different text or context for the same version analyses again, so keep
   * one context object per configuration (a new object stands for new settings).
   */
  analyze(uri: string, version: number, text: string, context: AnalysisContext): Analysis {
    const state = this.stateOf(uri);
    const wanted = { version, text, context };
    if (state.done && same(state.done, wanted)) return state.done.analysis;
    const run = state.running && same(state.running, wanted) ? state.running : this.start(state, wanted);
    return this.complete(state, run, finish(run.steps));
  }

  /**
   * The same analysis, computed in slices of about `sliceMs` with the thread handed back in between. Resolves
   * undefined when a newer version is asked for before it finishes.
   */
  analyzeInSlices(uri: string, version: number, text: string, context: AnalysisContext, options: Partial<SliceOptions> = {}): Promise<Analysis | undefined> {
    const state = this.stateOf(uri);
    const wanted = { version, text, context };
    if (state.done && same(state.done, wanted)) return Promise.resolve(state.done.analysis);
    if (state.running?.sliced && same(state.running, wanted)) return state.running.sliced;
    const run = state.running && same(state.running, wanted) ? state.running : this.start(state, wanted);
    run.sliced = inSlices(run.steps, { sliceMs: options.sliceMs ?? HOST_SLICE_MS, pause: options.pause ?? nextTask, wanted: () => state.running === run }).then((analysis) => {
      if (analysis) return this.complete(state, run, analysis);
      // Finished at once by `analyze`, or abandoned for a newer version.
      return state.done && same(state.done, wanted) ? state.done.analysis : undefined;
    });
    return run.sliced;
  }

  /** The analysis of that version if it is already done (never analyses). */
  analysed(uri: string, version: number, text: string, context: AnalysisContext): Analysis | undefined {
    const done = this.documents.get(uri)?.done;
    return done && same(done, { version, text, context }) ? done.analysis : undefined;
  }

  /** The document's last finished analysis, whatever its version. */
  latest(uri: string): Analysis | undefined {
    return this.documents.get(uri)?.done?.analysis;
  }

  /** Drops a document's analysis, parsed chunks and memo (call it when the document closes). */
  forget(uri: string): void {
    this.documents.delete(uri);
  }

  /** Document parses so far: one per analysed version (a file over the size cap is not parsed). */
  get parses(): number {
    return this.parseCalls;
  }

  /** Markdown parser runs behind those parses: changed chunks, plus whole texts where the parser fell back. */
  get chunkParses(): number {
    return this.chunkParseCalls;
  }

  private stateOf(uri: string): DocumentState {
    let state = this.documents.get(uri);
    if (!state) this.documents.set(uri, (state = { parser: new IncrementalParser(), memo: new AnalysisMemo() }));
    return state;
  }

  /** Starts analysing a version; a run under way for another version is abandoned. */
  private start(state: DocumentState, wanted: Version): Run {
    const run: Run = { ...wanted, steps: analysisSteps(wanted.text, wanted.context, (body) => this.countedParse(state.parser, body), state.memo) };
    state.running = run;
    return run;
  }

  private *countedParse(parser: IncrementalParser, body: string): Steps<ParseResult> {
    this.parseCalls++;
    const result = yield* parser.parseSteps(body);
    this.chunkParseCalls += parser.lastWasFull ? parser.lastReparsedChunks + 1 : parser.lastReparsedChunks;
    return result;
  }

  private complete(state: DocumentState, run: Run, analysis: Analysis): Analysis {
    if (state.running === run) state.running = undefined;
    state.done = { version: run.version, text: run.text, context: run.context, analysis };
    return analysis;
  }
}

function same(a: Version, b: Version): boolean {
  return a.version === b.version && a.context === b.context && a.text === b.text;
}
