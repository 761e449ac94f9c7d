/** The `archdoc` command line: the same engine as the extension, for CI. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AnalyzeOptions, analyze, builtinTemplates, type Locale, type Template, toLocale } from '../core';
import { parseArgs, type ParsedArgs, USAGE, UsageError } from './args';
import { readBaseline } from './baseline';
import { check, type Io } from './check';
import { displayPath, loadTemplates, readTextFile } from './files';
import { formatOutline } from './outline';
import { report } from './report';
import { formatRules } from './rules';
import { readWorkspaceSettings } from './settings';

declare const ARCHDOC_VERSION: string;

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
  const environmentLocale = toLocale(io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG);
  if (args.command === 'rules') {
    io.stdout(formatRules(args.format === 'json' ? 'json' : 'text', args.lang ?? environmentLocale));
    return 0;
  }
  if (args.command === 'mcp') {
    // Loaded only for this command: checking documents does not pay for the MCP SDK.
    const locale = args.lang ?? environmentLocale;
    void import('../mcp/server').then(({ serveMcp }) => serveMcp({ folder: resolve(io.cwd, args.paths[0] ?? '.'), allowWrites: args.allowWrites, locale, log: io.stderr }));
    return 0;
  }
  const settings = readWorkspaceSettings(io.cwd);
  if (settings.problem) io.stderr(`archdoc: ${settings.problem}\n`);
  const loaded = loadTemplates(builtinTemplates(), args.templates, io.cwd, settings.templates);
  for (const message of [...loaded.problems, ...loaded.errors]) io.stderr(`archdoc: ${message}\n`);
  if (loaded.errors.length > 0) return 2;
  const baseline = args.baseline ? readBaseline(args.baseline, args.lang) : undefined;
  if (baseline && !baseline.ok) {
    io.stderr(`archdoc: ${args.baseline}: ${baseline.reason}\n`);
    return 2;
  }
  const locale = args.lang ?? baseline?.baseline.lang ?? environmentLocale;
  if (args.command === 'init') return init(args, loaded.templates[0], io);
  if (args.command === 'outline') return outline(args, loaded.templates, locale, settings.options, io);
  const context = { templates: loaded.templates, locale, settings: settings.options, templateFiles: loaded.files };
  const result = await (args.command === 'report' ? report(args, context, io) : check(args, context, io, baseline?.baseline));
  // A template that could not be read is an I/O error like an unreadable document.
  return loaded.problems.length > 0 ? 2 : result;
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
