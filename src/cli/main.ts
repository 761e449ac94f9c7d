/** The `archdoc` command line: the same engine as the extension, for CI. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AnalyzeOptions, analyze, builtinTemplates, type Locale, type Template, toLocale } from '../core';
import { parseArgs, type ParsedArgs, USAGE, UsageError } from './args';
import { DEFAULT_CACHE_FOLDER } from './cache';
import { displayPath, expandPaths, loadTemplates, readTextFile } from './files';
import { type CheckedFile, formatGithub, formatJson, formatSarif, formatText } from './format';
import { checkDocuments } from './jobs';
import { formatOutline } from './outline';
import { formatRules } from './rules';
import { readWorkspaceSettings } from './settings';
import { selectShard } from './shard';

declare const ARCHDOC_VERSION: string;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`archdoc: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(`${ARCHDOC_VERSION}\n`);
    return 0;
  }
  if (args.command === 'rules') {
    io.stdout(formatRules(args.format === 'json' ? 'json' : 'text', toLocale(args.lang ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG)));
    return 0;
  }
  const settings = readWorkspaceSettings(io.cwd);
  if (settings.problem) io.stderr(`archdoc: ${settings.problem}\n`);
  const loaded = loadTemplates(builtinTemplates(), args.templates, io.cwd, settings.templates);
  for (const message of [...loaded.problems, ...loaded.errors]) io.stderr(`archdoc: ${message}\n`);
  if (loaded.errors.length > 0) return 2;
  const locale = args.lang ?? toLocale(io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG);
  if (args.command === 'init') return init(args, loaded.templates[0], io);
  if (args.command === 'outline') return outline(args, loaded.templates, locale, settings.options, io);
  const result = await check(args, loaded.templates, locale, settings.options, io);
  // A template that could not be read is an I/O error like an unreadable document.
  return loaded.problems.length > 0 ? 2 : result;
}

async function check(args: ParsedArgs, templates: Template[], locale: Locale, settings: AnalyzeOptions, io: Io): Promise<number> {
  const { files, errors } = expandPaths(args.paths);
  let failed = errors.length > 0;
  for (const { path, reason } of errors) io.stderr(`archdoc: ${path}: ${reason}\n`);
  const forced = new Set(args.templates.length > 0 ? args.paths : []);
  // A file named on the command line together with --template is included as by an `archdoc.include` glob: checked
  // against the first --template when neither its front matter nor its title names one.
  const all = files.map((file) => {
    const path = displayPath(file, io.cwd);
    return { file, path, include: forced.has(file) ? [...(settings.include ?? []), literalGlob(path)] : settings.include };
  });
  const tasks = args.shard ? selectShard(all, (task) => task.path, args.shard) : all;
  const cacheFolder = args.cache ? resolve(io.cwd, args.cacheLocation ?? DEFAULT_CACHE_FOLDER) : undefined;
  const { outcomes, problems } = await checkDocuments(tasks, { templates, locale, settings }, { jobs: args.jobs, cacheFolder, cwd: io.cwd });
  for (const problem of problems) io.stderr(`archdoc: ${problem}\n`);
  const checked: CheckedFile[] = [];
  const skipped: string[] = [];
  for (const { path, error, analysis } of outcomes) {
    if (!analysis) {
      io.stderr(`archdoc: ${path}: ${error}\n`);
      failed = true;
      continue;
    }
    if (analysis.templateId) checked.push({ path, analysis });
    else skipped.push(path);
    if (analysis.skippedReason) io.stderr(`archdoc: ${path}: ${analysis.skippedReason}\n`);
    // A front matter naming a template that does not exist is a configuration error, not a pass.
    if (!analysis.templateId && analysis.skippedReason) failed = true;
  }
  // A shard of a matrix may hold none of the documents: that is not "no Markdown files".
  if (tasks.length === 0 && all.length > 0) {
    io.stderr(`archdoc: shard ${args.shard!.index}/${args.shard!.count} holds none of the ${all.length} Markdown file(s).\n`);
    return failed ? 2 : 0;
  }
  if (checked.length === 0 && skipped.length === 0) {
    // Nothing was read: the errors above say why, and a summary of nothing would only hide them.
    if (failed) return 2;
    if (!args.allowEmpty) {
      io.stderr(`archdoc: no Markdown files (*.md, *.markdown) in ${args.paths.join(', ')}; nothing to check (--allow-empty accepts this).\n`);
      return 2;
    }
  }
  const output = {
    text: () => formatText(checked, skipped),
    json: () => formatJson(checked),
    sarif: () => formatSarif(checked, ARCHDOC_VERSION),
    github: () => formatGithub(checked),
  }[args.format]();
  io.stdout(output);
  if (failed) return 2;
  return checked.some((file) => file.analysis.findings.length > 0) ? 1 : 0;
}

/** A glob that matches exactly this path. */
function literalGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@|^$.#]/gu, '\\$&');
}

function init(args: ParsedArgs, template: Template | undefined, io: Io): number {
  if (!template) {
    io.stderr('archdoc: no template available.\n');
    return 2;
  }
  const target = args.paths[0] ?? 'architecture.md';
  try {
    writeFileSync(target, template.source, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`archdoc: ${target}: ${code === 'EEXIST' ? 'already exists; init never overwrites a file' : (error as Error).message}\n`);
    return 2;
  }
  io.stdout(`Wrote ${target} from template ${template.id}.\n`);
  return 0;
}

function outline(args: ParsedArgs, templates: Template[], locale: Locale, settings: AnalyzeOptions, io: Io): number {
  const file = args.paths[0];
  const read = readTextFile(file);
  if (!read.ok) {
    io.stderr(`archdoc: ${file}: ${read.reason}\n`);
    return 2;
  }
  const path = displayPath(file, io.cwd);
  const forced = args.templates.length > 0 ? templates[0]?.id : undefined;
  const analysis = analyze(read.text, { templates, locale, options: { ...settings, path, templateId: forced } });
  if (!analysis.templateId) {
    io.stderr(`archdoc: ${path}: not an architecture document${analysis.skippedReason ? ` (${analysis.skippedReason})` : ''}\n`);
    return 2;
  }
  io.stdout(formatOutline(path, analysis));
  return 0;
}
