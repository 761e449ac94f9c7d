/**
 * The analysis of one document, run in the CLI's process or in a worker thread of `--jobs N`. A worker gets the
 * compiled templates once (in its start data) and then one document text per message, answering with its analysis.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Analysis, type AnalyzeOptions, analyze, type Locale, type Template } from '../core';

export interface AnalysisSetup {
  templates: Template[];
  locale: Locale;
  settings: AnalyzeOptions;
}

/** One document to analyse; `index` is its place in the output. */
export interface WorkItem {
  index: number;
  path: string;
  text: string;
  include: string[] | undefined;
}

export interface WorkResult {
  index: number;
  analysis: Analysis;
}

export function analyzeItem(item: WorkItem, setup: AnalysisSetup): Analysis {
  return analyze(item.text, { templates: setup.templates, locale: setup.locale, options: { ...setup.settings, path: item.path, include: item.include } });
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
