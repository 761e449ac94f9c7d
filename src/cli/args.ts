/** Command-line parsing for `archdoc check|init|outline`. */
import type { Locale, Severity } from '../core';
import { DEFAULT_HISTORY_LIMIT } from '../report';
import { parseShard, type Shard } from './shard';
import { UsageError } from './usageError';

export type Format = 'text' | 'json' | 'sarif' | 'github' | 'gitlab' | 'junit' | 'markdown';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit', 'markdown'];
const LANGUAGES: readonly Locale[] = ['en', 'ko'];
export type FailOn = Severity | 'none';
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'information', 'hint', 'none'];
export type ReportFormat = 'html' | 'markdown';
const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'markdown'];
const RULES_FORMATS: readonly Format[] = ['text', 'json'];

export interface ParsedArgs {
  command: 'check' | 'init' | 'outline' | 'report' | 'rules' | 'mcp' | 'lsp' | 'help' | 'version';
  format: Format;
  /** report: the overview's format, its output file (default stdout), and git history of at most this many commits. */
  reportFormat: ReportFormat;
  output?: string;
  historyLimit?: number;
  templates: string[];
  paths: string[];
  lang?: Locale;
  /** check: a path list holding no Markdown file is not an error. */
  allowEmpty: boolean;
  /** mcp: also offer the tools that change files. */
  allowWrites: boolean;
  /** check: the lowest severity whose findings fail the run (exit 1), or none. */
  failOn: FailOn;
  /** check: a document less complete than this percentage fails the run. */
  minCompletion?: number;
  baseline?: string;
  writeBaseline?: string;
  /** check: only the files changed since this git ref. */
  changedSince?: string;
  /** check: worker threads (undefined = one per core). */
  jobs?: number;
  /** check: reuse results of unchanged documents. */
  cache: boolean;
  cacheLocation?: string;
  shard?: Shard;
}

export const USAGE = `Usage:
  archdoc check [--format text|json|sarif|github|gitlab|junit|markdown] [--template ID|PATH]… [--allow-empty]
                [--fail-on SEVERITY|none] [--min-completion PCT] [--baseline FILE | --write-baseline FILE]
                [--changed-since REF] [--jobs N] [--cache [--cache-location DIR]] [--shard I/N] PATH…
  archdoc init [--template ID|PATH] [FILE]
  archdoc outline [--template ID|PATH] FILE
  archdoc report [--format html|markdown] [-o FILE] [--history] [--history-limit N] [--template ID|PATH]… PATH…
  archdoc rules [--format text|json]
  archdoc mcp [--allow-writes] [FOLDER]
  archdoc lsp [--stdio] [--lang L]

PATH is a Markdown file (*.md, *.markdown) or a folder, searched for Markdown files (node_modules, .git,
out, dist and .archdoc/templates skipped); only architecture documents are checked, the others are named.
mcp serves the Model Context Protocol over stdin/stdout for the documents below FOLDER (default: the
current folder); it reads the same settings and templates as check. lsp is a language server over
stdin/stdout for any editor (see the README): the same findings as check, quick fixes, completion.

Options:
  --format F      output format of check (default: text); rules: text or json
  --template T    a template id (high-level-architecture, high-level-architecture-en, adr, adr-ko, or
                  one in .archdoc/templates/) or the path of a template Markdown file; repeatable. A file named
                  on the command line is checked against the first one even without a matching title
  -o, --output F  report: write to this file instead of stdout
  --history       report: completion over each document's git history (at most 30 commits; --history-limit N)
  --allow-empty   exit 0 when the paths hold no Markdown file (default: exit 2)
  --allow-writes  mcp: add the tools that insert a missing section or mark a slot not applicable
  --fail-on S     the lowest severity that fails check: error, warning, information, hint (default: any
                  finding fails) or none (findings never fail; the other gates still do)
  --min-completion PCT
                  fail when a document is less than PCT % complete (0-100); the documents are named
  --baseline FILE fail only on findings not recorded in FILE (matched by rule, section and slot, not by line);
                  the recorded ones are left out of the report
  --write-baseline FILE
                  record every current finding in FILE (then check as with --baseline FILE)
  --changed-since REF
                  check only the files changed since the git ref REF (committed, staged, unstaged or new)
  --jobs N        check with N worker threads (default: one per core; 1 = in this process); same output for every N
  --cache         reuse the results of documents unchanged since the last run with the same templates, settings
                  and archdoc version
  --cache-location DIR   where --cache keeps its file (default: node_modules/.cache/archdoc)
  --shard I/N     check only part I of N of the documents (a stable split by path, for parallel CI jobs)
  --lang L        language of messages and reports: en or ko (default: from LANG)
  -h, --help      this help
  --version       the version

Formats: text, json (one object), sarif (SARIF 2.1.0), github (workflow annotations, at most 10 per severity,
then a summary line), gitlab (GitLab Code Quality), junit (JUnit XML), markdown (completion table and open items,
for a job summary or a pull-request comment).

Exit codes: 0 no findings, 1 findings (or a gate failed), 2 usage or I/O error, or no Markdown file found.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('No command given.');
  if (command === '-h' || command === '--help' || command === 'help') return base('help');
  if (command === '--version' || command === '-v') return base('version');
  if (!isCommand(command)) throw new UsageError(`Unknown command "${command}".`);
  const parsed = base(command);
  const checkOnly = (flag: string) => {
    if (command !== 'check') throw new UsageError(`${flag} is an option of check.`);
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? rest[++i];
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    const choice = <T extends string>(allowed: readonly T[], what: string): T => {
      const chosen = value();
      if (!(allowed as readonly string[]).includes(chosen)) throw new UsageError(`Unknown ${what} "${chosen}" (use ${allowed.join(', ')}).`);
      return chosen as T;
    };
    switch (flag) {
      case '--format':
        if (command === 'report') parsed.reportFormat = choice(REPORT_FORMATS, 'report format');
        else if (command === 'rules') parsed.format = choice(RULES_FORMATS, 'format');
        else parsed.format = choice(FORMATS, 'format');
        break;
      case '-o':
      case '--output':
        parsed.output = value();
        break;
      case '--history':
        if (inline !== undefined) throw new UsageError('--history takes no value.');
        parsed.historyLimit ??= DEFAULT_HISTORY_LIMIT;
        break;
      case '--history-limit': {
        const limit = Number(value());
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--history-limit needs a whole number of commits, at least 1.');
        parsed.historyLimit = limit;
        break;
      }
      case '--template':
        parsed.templates.push(value());
        break;
      case '--lang':
        parsed.lang = choice(LANGUAGES, 'language');
        break;
      case '--allow-empty':
        if (inline !== undefined) throw new UsageError('--allow-empty takes no value.');
        parsed.allowEmpty = true;
        break;
      case '--stdio':
        // The only transport: accepted because editors' LSP clients pass it.
        if (command !== 'lsp') throw new UsageError('--stdio is an option of lsp.');
        break;
      case '--allow-writes':
        if (inline !== undefined) throw new UsageError('--allow-writes takes no value.');
        parsed.allowWrites = true;
        break;
      case '--fail-on':
        checkOnly(flag);
        parsed.failOn = choice(FAIL_ON, 'severity for --fail-on');
        break;
      case '--min-completion':
        checkOnly(flag);
        parsed.minCompletion = percentage(flag, value());
        break;
      case '--baseline':
        checkOnly(flag);
        parsed.baseline = value();
        break;
      case '--write-baseline':
        checkOnly(flag);
        parsed.writeBaseline = value();
        break;
      case '--changed-since':
        checkOnly(flag);
        parsed.changedSince = value();
        break;
      case '--jobs':
        parsed.jobs = parseJobs(value());
        break;
      case '--cache':
        if (inline !== undefined) throw new UsageError('--cache takes no value (--cache-location names the folder).');
        parsed.cache = true;
        break;
      case '--cache-location':
        parsed.cacheLocation = value();
        break;
      case '--shard':
        parsed.shard = parseShard(value());
        break;
      case '-h':
      case '--help':
        return base('help');
      case '--':
        parsed.paths.push(...rest.slice(i + 1));
        i = rest.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option "${arg}".`);
        parsed.paths.push(arg);
    }
  }
  if (command === 'rules' && parsed.paths.length > 0) throw new UsageError('rules takes no files.');
  if (command === 'check' && parsed.paths.length === 0) throw new UsageError('check needs at least one file or folder.');
  if (command === 'report' && parsed.paths.length === 0) throw new UsageError('report needs at least one file or folder.');
  if (command !== 'report' && (parsed.output !== undefined || parsed.historyLimit !== undefined)) throw new UsageError('-o, --history and --history-limit are options of report.');
  if (command === 'outline' && parsed.paths.length !== 1) throw new UsageError('outline needs exactly one file.');
  if (command === 'init' && parsed.paths.length > 1) throw new UsageError('init takes at most one file.');
  if (command === 'lsp' && (parsed.paths.length > 0 || parsed.templates.length > 0 || parsed.format !== 'text')) throw new UsageError('lsp takes no files, --template or --format: the editor sends the documents.');
  if (command === 'mcp' && (parsed.paths.length > 1 || parsed.templates.length > 0 || parsed.format !== 'text')) throw new UsageError('mcp takes at most one folder and no --template or --format.');
  if (command !== 'mcp' && parsed.allowWrites) throw new UsageError('--allow-writes is an option of mcp.');
  if (command !== 'check' && parsed.allowEmpty) throw new UsageError('--allow-empty is an option of check.');
  if (parsed.baseline && parsed.writeBaseline) throw new UsageError('--baseline and --write-baseline cannot be combined: --write-baseline records every current finding.');
  if (command !== 'check' && (parsed.jobs !== undefined || parsed.cache || parsed.cacheLocation !== undefined || parsed.shard)) {
    throw new UsageError('--jobs, --cache, --cache-location and --shard are options of check.');
  }
  if (parsed.cacheLocation !== undefined && !parsed.cache) throw new UsageError('--cache-location needs --cache.');
  if (command !== 'check' && parsed.templates.length > 1) throw new UsageError(`${command} takes at most one --template.`);
  return parsed;
}

/** A whole or decimal percentage from 0 to 100; a trailing % is allowed. */
function percentage(flag: string, text: string): number {
  const number = /^\d+(?:\.\d+)?%?$/u.test(text) ? Number.parseFloat(text) : Number.NaN;
  if (!(number >= 0 && number <= 100)) throw new UsageError(`${flag} needs a percentage from 0 to 100, not "${text}".`);
  return number;
}

const COMMANDS: readonly string[] = ['check', 'init', 'outline', 'report', 'rules', 'mcp', 'lsp'] satisfies ReadonlyArray<ParsedArgs['command']>;

function isCommand(command: string): command is ParsedArgs['command'] {
  return COMMANDS.includes(command);
}

function base(command: ParsedArgs['command']): ParsedArgs {
  return { command, format: 'text', templates: [], paths: [], allowEmpty: false, allowWrites: false, failOn: 'hint', cache: false, reportFormat: 'html' };
}

function parseJobs(value: string): number {
  const jobs = /^\d+$/u.test(value) ? Number(value) : NaN;
  if (!(jobs >= 1 && jobs <= 256)) throw new UsageError(`--jobs needs a whole number from 1 to 256, not "${value}".`);
  return jobs;
}
