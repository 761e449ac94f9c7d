/** `archdoc check`: the files to check (paths, --changed-since, --shard), their analyses (--jobs, --cache), the report and the gates. */
import { resolve } from 'node:path';
import { templateFileReason } from '../core';
import type { CheckContext } from '../node/analyzeFile';
import type { ParsedArgs } from './args';
import { applyBaseline, type Baseline } from './baseline';
import { DEFAULT_CACHE_FOLDER } from './cache';
import { displayPath, expandPaths } from '../node/files';
import type { CheckedFile } from '../report/formats/check';
import { formatReport } from './formats';
import { gateExitCode } from './gates';
import { onlyChanged } from '../node/git';
import { checkDocuments } from './jobs';
import { selectShard } from './shard';

declare const ARCHDOC_VERSION: string;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** The documents of a run, analysed: read errors and skip reasons are written to stderr as they come. */
export interface AnalysedPaths {
  checked: Array<CheckedFile & { file: string }>;
  skipped: string[];
  /** A path or a file could not be read, or a document names a template that does not exist. */
  failed: boolean;
  /** Markdown files found under the paths, then those left by --changed-since, then by --shard. */
  counts: { found: number; changed: number; sharded: number };
}

/** Undefined when the files could not be selected (--changed-since failed; the reason is written). */
export async function analysePaths(args: ParsedArgs, context: CheckContext, io: Io): Promise<AnalysedPaths | undefined> {
  const expanded = expandPaths(args.paths);
  const selected = args.changedSince ? onlyChanged(expanded.files, args.changedSince, io.cwd) : { ok: true as const, files: expanded.files };
  if (!selected.ok) {
    io.stderr(`archdoc: ${selected.reason}\n`);
    return undefined;
  }
  let failed = expanded.errors.length > 0;
  for (const { path, reason } of expanded.errors) io.stderr(`archdoc: ${path}: ${reason}\n`);
  const skipped: string[] = [];
  const documents = selected.files.filter((file) => {
    const reason = templateFileReason(resolve(io.cwd, file), context.templateFiles ?? []);
    if (reason === undefined) return true;
    const path = displayPath(file, io.cwd);
    io.stderr(`archdoc: ${path}: ${reason}, not a document; not checked.\n`);
    skipped.push(path);
    return false;
  });
  const all = documents.map((file) => ({ file, path: displayPath(file, io.cwd), named: isNamedWithTemplate(args, file) }));
  const tasks = args.shard ? selectShard(all, (task) => task.path, args.shard) : all;
  const cacheFolder = args.cache ? resolve(io.cwd, args.cacheLocation ?? DEFAULT_CACHE_FOLDER) : undefined;
  const { outcomes, problems } = await checkDocuments(tasks, context, { jobs: args.jobs, cacheFolder, cwd: io.cwd });
  for (const problem of problems) io.stderr(`archdoc: ${problem}\n`);
  const checked: AnalysedPaths['checked'] = [];
  for (const [index, { path, error, analysis }] of outcomes.entries()) {
    if (!analysis) {
      io.stderr(`archdoc: ${path}: ${error}\n`);
      failed = true;
      continue;
    }
    if (analysis.templateId) checked.push({ path, analysis, file: tasks[index].file });
    else skipped.push(path);
    if (analysis.skippedReason) io.stderr(`archdoc: ${path}: ${analysis.skippedReason}\n`);
    // A front matter naming a template that does not exist is a configuration error, not a pass.
    if (!analysis.templateId && analysis.skippedReason) failed = true;
  }
  return { checked, skipped, failed, counts: { found: expanded.files.length, changed: selected.files.length, sharded: tasks.length } };
}

/** A file named on the command line together with --template (see analyzeForCheck). */
export function isNamedWithTemplate(args: ParsedArgs, file: string): boolean {
  return args.templates.length > 0 && args.paths.includes(file);
}

export async function check(args: ParsedArgs, context: CheckContext, io: Io, baseline?: Baseline): Promise<number> {
  const analysed = await analysePaths(args, context, io);
  if (!analysed) return 2;
  const { checked, skipped, failed, counts } = analysed;
  // A shard of a matrix may hold none of the documents: that is not "no Markdown files".
  if (args.shard && counts.sharded === 0 && counts.changed > 0) {
    io.stderr(`archdoc: shard ${args.shard.index}/${args.shard.count} holds none of the ${counts.changed} Markdown file(s).\n`);
    return failed ? 2 : 0;
  }
  if (checked.length === 0 && skipped.length === 0) {
    // Nothing was read: the errors above say why, and a summary of nothing would only hide them.
    if (failed) return 2;
    if (!args.allowEmpty && counts.found === 0) {
      io.stderr(`archdoc: no Markdown files (*.md, *.markdown) in ${args.paths.join(', ')}; nothing to check (--allow-empty accepts this).\n`);
      return 2;
    }
  }
  if (counts.changed === 0 && counts.found > 0) io.stderr(`archdoc: no Markdown file in ${args.paths.join(', ')} changed since ${args.changedSince}.\n`);
  const baselined = applyBaseline(checked, args, baseline, context.locale, io.cwd);
  if (!baselined.ok) {
    io.stderr(`archdoc: ${args.writeBaseline}: ${baselined.reason}\n`);
    return 2;
  }
  if (baselined.known > 0) io.stderr(`archdoc: ${baselined.known} finding(s) recorded in the baseline are not reported.\n`);
  io.stdout(formatReport(args.format, baselined.files, skipped, { version: ARCHDOC_VERSION, minCompletion: args.minCompletion, locale: context.locale }));
  if (failed) return 2;
  return gateExitCode(baselined.files, args, io.stderr);
}
