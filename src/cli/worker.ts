/**
 * The analysis of one document, run in the CLI's process or in a worker thread of `--jobs N`. A worker gets the
 * compiled templates once (in its start data) and then one document text per message, answering with its analysis.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Analysis } from '../core';
import { analyzeForCheck, type CheckContext } from '../node/analyzeFile';

export type AnalysisSetup = CheckContext;

/** One document to analyse; `index` is its place in the output. */
export interface WorkItem {
  index: number;
  path: string;
  text: string;
  named: boolean;
}

export interface WorkResult {
  index: number;
  analysis: Analysis;
}

export function analyzeItem(item: WorkItem, setup: AnalysisSetup): Analysis {
  return analyzeForCheck(item.text, item.path, setup, item.named);
}

/** The worker's side: answers every work item until the CLI terminates it. */
export function serveAnalyses(): void {
  const port = parentPort;
  if (!port) throw new Error('serveAnalyses runs in a worker thread');
  const setup = workerData as AnalysisSetup;
  port.on('message', (item: WorkItem) => {
    const result: WorkResult = { index: item.index, analysis: analyzeItem(item, setup) };
    port.postMessage(result);
  });
}
