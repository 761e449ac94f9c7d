/** The `archdoc` command line: the same engine as the extension, for CI. */
import { writeFileSync } from 'node:fs';
import { type Analysis, type AnalyzeOptions, analyze, builtinTemplates, type Locale, type Template, toLocale } from '../core';
import { parseArgs, type ParsedArgs, USAGE, UsageError } from './args';
import { displayPath, expandPaths, loadTemplates, readTextFile } from './files';
import { type CheckedFile, formatGithub, formatJson, formatSarif, formatText } from './format';
import { formatOutline } from './outline';
import { report } from './report';
import { formatRules } from './rules';
import { readWorkspaceSettings } from './settings';

declare const ARCHDOC_VERSION: string;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** The exit code; a promise for commands that wait for other processes (`report --history` runs git). */
export function run(argv: readonly string[], io: Io): number | Promise<number> {
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
  if (args.command === 'report') return report(args, loaded.templates, locale, settings.options, io);
  const result = check(args, loaded.templates, locale, settings.options, io);
  // A template that could not be read is an I/O error like an unreadable document.
  return loaded.problems.length > 0 ? 2 : result;
}

/** The architecture documents among the paths, analysed (read errors and skip reasons written to stderr). */
export function analysePaths(args: ParsedArgs, templates: Template[], locale: Locale, settings: AnalyzeOptions, io: Io): { checked: Array<CheckedFile & { file: string }>; skipped: string[]; failed: boolean; analyseVersion: (file: string, text: string) => Analysis } {
  const { files, errors } = expandPaths(args.paths);
  let failed = errors.length > 0;
  for (const { path, reason } of errors) io.stderr(`archdoc: ${path}: ${reason}\n`);
  const checked: Array<CheckedFile & { file: string }> = [];
  const skipped: string[] = [];
  const forced = new Set(args.templates.length > 0 ? args.paths : []);
  const analyseVersion = (file: string, text: string) => {
    const path = displayPath(file, io.cwd);
    // A file named on the command line together with --template is included as by an `archdoc.include` glob: checked
    // against the first --template when neither its front matter nor its title names one.
    const include = forced.has(file) ? [...(settings.include ?? []), literalGlob(path)] : settings.include;
    return analyze(text, { templates, locale, options: { ...settings, path, include } });
  };
  for (const file of files) {
    const path = displayPath(file, io.cwd);
    const read = readTextFile(file);
    if (!read.ok) {
      io.stderr(`archdoc: ${path}: ${read.reason}\n`);
      failed = true;
      continue;
    }
    const analysis = analyseVersion(file, read.text);
    if (analysis.templateId) checked.push({ path, analysis, file });
    else skipped.push(path);
    if (analysis.skippedReason) io.stderr(`archdoc: ${path}: ${analysis.skippedReason}\n`);
    // A front matter naming a template that does not exist is a configuration error, not a pass.
    if (!analysis.templateId && analysis.skippedReason) failed = true;
  }
  return { checked, skipped, failed, analyseVersion };
}

function check(args: ParsedArgs, templates: Template[], locale: Locale, settings: AnalyzeOptions, io: Io): number {
  const { checked, skipped, failed } = analysePaths(args, templates, locale, settings, io);
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
