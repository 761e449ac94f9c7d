/** The `archdoc` command line: the same engine as the extension, for CI. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { type AnalyzeOptions, analyze, builtinTemplates, type Locale, type Template, toLocale } from '../core';
import { parseArgs, type ParsedArgs, USAGE } from './args';
import { UsageError } from './usageError';
import { readBaseline } from './baseline';
import { workspacePath } from '../node/analyzeFile';
import { check, type Io } from './check';
import { displayPath, loadTemplates, readTextFile } from '../node/files';
import { formatOutline } from '../report/outlineText';
import { report } from './report';
import { formatRules } from './rules';
import { readWorkspaceSettings, workspaceRoot } from '../node/settings';

declare const ARCHDOC_VERSION: string;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      // The reason, then the commands' synopsis only: the whole help would scroll the reason away.
      io.stderr(`archdoc: ${error.message}\n\n${USAGE.slice(0, USAGE.indexOf('\n\n'))}\n\nRun "archdoc --help" for every option.\n`);
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
  const environmentLocale = toLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
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
  if (args.command === 'lsp') {
    // Loaded only for this command, like mcp; it reads settings and templates per workspace folder itself.
    void import('../lsp/server').then(({ serveLsp }) => serveLsp({ input: process.stdin, output: process.stdout, lang: args.lang, env: io.env }));
    return 0;
  }
  const workspace = workspaceRoot(io.cwd);
  const settings = readWorkspaceSettings(workspace);
  if (settings.problem) io.stderr(`archdoc: ${settings.problem}\n`);
  const loaded = loadTemplates(builtinTemplates(), args.templates, io.cwd, settings.templates, workspace);
  for (const message of [...loaded.problems, ...loaded.errors]) io.stderr(`archdoc: ${message}\n`);
  if (loaded.errors.length > 0) return 2;
  const baseline = args.baseline ? readBaseline(args.baseline, args.lang) : undefined;
  if (baseline && !baseline.ok) {
    io.stderr(`archdoc: ${args.baseline}: ${baseline.reason}\n`);
    return 2;
  }
  const locale = args.lang ?? baseline?.baseline.lang ?? environmentLocale;
  if (args.command === 'init') return init(args, loaded.templates[0], io);
  // Include globs are relative to the workspace folder, like the editor's; paths are shown relative to the current one.
  const cwdInWorkspace = relative(workspace, io.cwd).split(sep).join('/');
  if (args.command === 'outline') return outline(args, loaded.templates, locale, settings.options, io, cwdInWorkspace);
  const context = { templates: loaded.templates, locale, settings: settings.options, templateFiles: loaded.files, cwdInWorkspace };
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
    // `archdoc init docs/architecture.md` in a new repository: the folder is made as well.
    mkdirSync(dirname(resolve(io.cwd, target)), { recursive: true });
    writeFileSync(target, template.source, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`archdoc: ${target}: ${code === 'EEXIST' ? 'already exists; init never overwrites a file' : (error as Error).message}\n`);
    return 2;
  }
  io.stdout(`Wrote ${target} from template ${template.id}.\n`);
  return 0;
}

function outline(args: ParsedArgs, templates: Template[], locale: Locale, settings: AnalyzeOptions, io: Io, cwdInWorkspace: string): number {
  const file = args.paths[0];
  const read = readTextFile(file);
  if (!read.ok) {
    io.stderr(`archdoc: ${file}: ${read.reason}\n`);
    return 2;
  }
  const path = displayPath(file, io.cwd);
  const forced = args.templates.length > 0 ? templates[0]?.id : undefined;
  const analysis = analyze(read.text, { templates, locale, options: { ...settings, path: workspacePath(path, cwdInWorkspace), templateId: forced } });
  if (!analysis.templateId) {
    io.stderr(`archdoc: ${path}: not an architecture document${analysis.skippedReason ? ` (${analysis.skippedReason})` : ''}\n`);
    return 2;
  }
  io.stdout(formatOutline(path, analysis));
  return 0;
}
