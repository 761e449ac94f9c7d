/**
 * Checking many documents: files are read (and looked up in the cache) in the CLI's thread, in order; the analyses
 * that remain run in `--jobs N` worker threads, or in this thread for one job or one document. Results come back in
 * the order of the files, whichever worker finished first, so the output is the same for every N.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../core';
import { documentKey, ResultCache } from './cache';
import { readTextFile } from '../node/files';
import { type AnalysisSetup, analyzeItem, type WorkItem, type WorkResult } from './worker';

declare const ARCHDOC_VERSION: string;

export interface DocumentTask {
  file: string;
  /** As shown to the user and matched by include globs. */
  path: string;
  /** Named on the command line together with --template (see analyzeForCheck). */
  named: boolean;
}

/** A document's analysis, or why it could not be read. */
export type DocumentOutcome = { path: string; error: string; analysis?: undefined } | { path: string; analysis: Analysis; error?: undefined };

export interface CheckOptions {
  /** Worker threads; undefined = one per core. */
  jobs?: number;
  /** The cache folder, when results are cached. */
  cacheFolder?: string;
  /** The folder the documents' paths are relative to. */
  cwd: string;
}

/** At most this many documents wait in a worker's queue, so that no worker idles between two. */
const IN_FLIGHT_PER_WORKER = 2;

export async function checkDocuments(
  tasks: readonly DocumentTask[],
  setup: AnalysisSetup,
  options: CheckOptions,
): Promise<{ outcomes: DocumentOutcome[]; problems: string[] }> {
  const outcomes: DocumentOutcome[] = new Array(tasks.length);
  const problems: string[] = [];
  const cache = options.cacheFolder === undefined ? undefined : ResultCache.open(options.cacheFolder, cacheConfiguration(setup));
  const keys = new Map<number, string>();
  function* work(): Generator<WorkItem> {
    for (const [index, task] of tasks.entries()) {
      const read = readTextFile(task.file);
      if (!read.ok) {
        outcomes[index] = { path: task.path, error: read.reason };
        continue;
      }
      if (cache) {
        const key = documentKey(read.text, String(task.named));
        const cached = cache.get(task.path, key);
        if (cached) {
          outcomes[index] = { path: task.path, analysis: cached };
          continue;
        }
        keys.set(index, key);
      }
      yield { index, path: task.path, text: read.text, named: task.named };
    }
  }
  const finish = ({ index, analysis }: WorkResult) => {
    outcomes[index] = { path: tasks[index].path, analysis };
    const key = keys.get(index);
    if (cache && key !== undefined) cache.set(tasks[index].path, key, analysis);
  };
  const workers = Math.min(options.jobs ?? availableParallelism(), tasks.length);
  if (workers <= 1) {
    for (const item of work()) finish({ index: item.index, analysis: analyzeItem(item, setup) });
  } else {
    await runInWorkers(work(), workers, setup, finish);
  }
  // Results of documents not checked this time stay for the next run on them, unless the file is gone.
  const checked = new Set(tasks.map((task) => task.path));
  const unsaved = cache?.save((path) => checked.has(path) || existsSync(resolve(options.cwd, path)));
  if (unsaved) problems.push(unsaved);
  return { outcomes, problems };
}

/** Everything besides a document that decides its analysis: a change in any of it empties the cache. */
function cacheConfiguration(setup: AnalysisSetup) {
  return {
    version: ARCHDOC_VERSION,
    // The engine itself: a rebuilt bundle of the same version may analyse differently.
    engine: engineFingerprint(),
    locale: setup.locale,
    settings: setup.settings,
    cwdInWorkspace: setup.cwdInWorkspace,
    templates: setup.templates.map(({ id, source }) => ({ id, source })),
  };
}

function engineFingerprint(): string {
  try {
    return documentKey(readFileSync(__filename, 'latin1'), 'engine');
  } catch {
    return 'unknown';
  }
}

/**
 * Hands the work items to up to `size` workers as they become free; a worker is started only when there is work
 * for it (a warm cache starts none). Rejects when a worker fails, after stopping the others.
 */
function runInWorkers(items: Iterator<WorkItem>, size: number, setup: AnalysisSetup, finish: (result: WorkResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const inFlight = new Map<Worker, number>();
    let pending: WorkItem | undefined;
    let exhausted = false;
    let stopping = false;
    const stopAll = () => {
      stopping = true;
      return Promise.all([...inFlight.keys()].map((worker) => worker.terminate()));
    };
    const fail = (error: unknown) => {
      if (stopping) return;
      void stopAll().then(() => reject(error instanceof Error ? error : new Error(String(error))));
    };
    const start = (): Worker => {
      // The bundle is its own worker script: it serves analyses when it is not the main thread.
      const worker = new Worker(__filename, { workerData: setup });
      inFlight.set(worker, 0);
      worker.on('message', (result: WorkResult) => {
        inFlight.set(worker, inFlight.get(worker)! - 1);
        finish(result);
        pump();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`a worker thread stopped (exit code ${code})`)));
      return worker;
    };
    const freeWorker = (): Worker | undefined => {
      let best: Worker | undefined;
      for (const [worker, count] of inFlight) if (count < IN_FLIGHT_PER_WORKER && (!best || count < inFlight.get(best)!)) best = worker;
      // A new worker only when every running one already has a document to work on.
      if (inFlight.size < size && (!best || inFlight.get(best)! > 0)) return start();
      return best;
    };
    const pump = () => {
      try {
        while (!stopping) {
          if (!pending) {
            const next = items.next();
            if (next.done) {
              exhausted = true;
              break;
            }
            pending = next.value;
          }
          const worker = freeWorker();
          if (!worker) break;
          inFlight.set(worker, inFlight.get(worker)! + 1);
          worker.postMessage(pending);
          pending = undefined;
        }
      } catch (error) {
        fail(error);
        return;
      }
      if (exhausted && !stopping && [...inFlight.values()].every((count) => count === 0)) void stopAll().then(() => resolve(), reject);
    };
    pump();
  });
}
