/** Command-line parsing for `archdoc check|init|outline`. */
import type { Locale } from '../core';
import { DEFAULT_HISTORY_LIMIT } from '../report';

export type Format = 'text' | 'json' | 'sarif' | 'github';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];
const LANGUAGES: readonly Locale[] = ['en', 'ko'];
export type ReportFormat = 'html' | 'markdown';
const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'markdown'];

export interface ParsedArgs {
  command: 'check' | 'init' | 'outline' | 'report' | 'rules' | 'help' | 'version';
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
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  archdoc check [--format text|json|sarif|github] [--template ID|PATH]… [--allow-empty] PATH…
  archdoc init [--template ID|PATH] [FILE]
  archdoc outline [--template ID|PATH] FILE
  archdoc report [--format html|markdown] [-o FILE] [--history] [--history-limit N] [--template ID|PATH]… PATH…
  archdoc rules [--format text|json]

PATH is a Markdown file (*.md, *.markdown) or a folder, searched for Markdown files (node_modules, .git,
out, dist and .archdoc/templates skipped); only architecture documents are checked, the others are named.

Options:
  --format F      output format of check (default: text); rules: text or json
  --template T    a template id (high-level-architecture, high-level-architecture-en, adr, adr-ko, or
                  one in .archdoc/templates/) or the path of a template Markdown file; repeatable. A file named
                  on the command line is checked against the first one even without a matching title
  -o, --output F  report: write to this file instead of stdout
  --history       report: completion over each document's git history (at most 30 commits; --history-limit N)
  --allow-empty   exit 0 when the paths hold no Markdown file (default: exit 2)
  --lang L        language of messages: en or ko (default: from LANG)
  -h, --help      this help
  --version       the version

Exit codes: 0 no findings, 1 findings, 2 usage or I/O error, or no Markdown file found.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('No command given.');
  if (command === '-h' || command === '--help' || command === 'help') return base('help');
  if (command === '--version' || command === '-v') return base('version');
  if (command !== 'check' && command !== 'init' && command !== 'outline' && command !== 'report' && command !== 'rules') throw new UsageError(`Unknown command "${command}".`);
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
        if (command === 'report') parsed.reportFormat = choice(REPORT_FORMATS, 'report format');
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
  if (command === 'report' && parsed.paths.length === 0) throw new UsageError('report needs at least one file or folder.');
  if (command !== 'report' && (parsed.output !== undefined || parsed.historyLimit !== undefined)) throw new UsageError('-o, --history and --history-limit are options of report.');
  if (command === 'outline' && parsed.paths.length !== 1) throw new UsageError('outline needs exactly one file.');
  if (command === 'init' && parsed.paths.length > 1) throw new UsageError('init takes at most one file.');
  if (command !== 'check' && parsed.allowEmpty) throw new UsageError('--allow-empty is an option of check.');
  if (command !== 'check' && parsed.templates.length > 1) throw new UsageError(`${command} takes at most one --template.`);
  return parsed;
}

function base(command: ParsedArgs['command']): ParsedArgs {
  return { command, format: 'text', reportFormat: 'html', templates: [], paths: [], allowEmpty: false };
}
