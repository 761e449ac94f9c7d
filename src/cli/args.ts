/** Command-line parsing for `archdoc check|init|outline`. */
import type { Locale } from '../core';
import { parseShard, type Shard } from './shard';

export type Format = 'text' | 'json' | 'sarif' | 'github';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];
const LANGUAGES: readonly Locale[] = ['en', 'ko'];

export interface ParsedArgs {
  command: 'check' | 'init' | 'outline' | 'rules' | 'help' | 'version';
  format: Format;
  templates: string[];
  paths: string[];
  lang?: Locale;
  /** check: a path list holding no Markdown file is not an error. */
  allowEmpty: boolean;
  /** check: worker threads (undefined = one per core). */
  jobs?: number;
  /** check: reuse results of unchanged documents. */
  cache: boolean;
  cacheLocation?: string;
  shard?: Shard;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  archdoc check [--format text|json|sarif|github] [--template ID|PATH]… [--allow-empty]
                [--jobs N] [--cache [--cache-location DIR]] [--shard I/N] PATH…
  archdoc init [--template ID|PATH] [FILE]
  archdoc outline [--template ID|PATH] FILE
  archdoc rules [--format text|json]

PATH is a Markdown file (*.md, *.markdown) or a folder, searched for Markdown files (node_modules, .git,
out, dist and .archdoc/templates skipped); only architecture documents are checked, the others are named.

Options:
  --format F      output format of check (default: text); rules: text or json
  --template T    a template id (high-level-architecture, high-level-architecture-en, adr, adr-ko, or
                  one in .archdoc/templates/) or the path of a template Markdown file; repeatable. A file named
                  on the command line is checked against the first one even without a matching title
  --allow-empty   exit 0 when the paths hold no Markdown file (default: exit 2)
  --jobs N        check with N worker threads (default: one per core; 1 = in this process); same output for every N
  --cache         reuse the results of documents unchanged since the last run with the same templates, settings
                  and archdoc version
  --cache-location DIR   where --cache keeps its file (default: node_modules/.cache/archdoc)
  --shard I/N     check only part I of N of the documents (a stable split by path, for parallel CI jobs)
  --lang L        language of messages: en or ko (default: from LANG)
  -h, --help      this help
  --version       the version

Exit codes: 0 no findings, 1 findings, 2 usage or I/O error, or no Markdown file found.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('No command given.');
  if (command === '-h' || command === '--help' || command === 'help') return base('help');
  if (command === '--version' || command === '-v') return base('version');
  if (command !== 'check' && command !== 'init' && command !== 'outline' && command !== 'rules') throw new UsageError(`Unknown command "${command}".`);
  const parsed = base(command);
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
        parsed.format = choice(FORMATS, 'format');
        break;
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
  if (command === 'rules' && parsed.format !== 'text' && parsed.format !== 'json') throw new UsageError('rules prints text or json.');
  if (command === 'check' && parsed.paths.length === 0) throw new UsageError('check needs at least one file or folder.');
  if (command === 'outline' && parsed.paths.length !== 1) throw new UsageError('outline needs exactly one file.');
  if (command === 'init' && parsed.paths.length > 1) throw new UsageError('init takes at most one file.');
  if (command !== 'check' && parsed.allowEmpty) throw new UsageError('--allow-empty is an option of check.');
  if (command !== 'check' && (parsed.jobs !== undefined || parsed.cache || parsed.cacheLocation !== undefined || parsed.shard)) {
    throw new UsageError('--jobs, --cache, --cache-location and --shard are options of check.');
  }
  if (parsed.cacheLocation !== undefined && !parsed.cache) throw new UsageError('--cache-location needs --cache.');
  if (command !== 'check' && parsed.templates.length > 1) throw new UsageError(`${command} takes at most one --template.`);
  return parsed;
}

function base(command: ParsedArgs['command']): ParsedArgs {
  return { command, format: 'text', templates: [], paths: [], allowEmpty: false, cache: false };
}

function parseJobs(value: string): number {
  const jobs = /^\d+$/u.test(value) ? Number(value) : NaN;
  if (!(jobs >= 1 && jobs <= 256)) throw new UsageError(`--jobs needs a whole number from 1 to 256, not "${value}".`);
  return jobs;
}
