/** Command-line parsing for `archdoc check|init|outline`. */

export type Format = 'text' | 'json' | 'sarif' | 'github';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];

export interface ParsedArgs {
  command: 'check' | 'init' | 'outline' | 'rules' | 'help' | 'version';
  format: Format;
  templates: string[];
  paths: string[];
  lang?: string;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  archdoc check [--format text|json|sarif|github] [--template ID|PATH]… PATH…
  archdoc init [--template ID|PATH] [FILE]
  archdoc outline [--template ID|PATH] FILE
  archdoc rules [--format text|json]

Options:
  --format F      output format of check (default: text); rules: text or json
  --template T    a template id (high-level-architecture, high-level-architecture-en, or one in
                  .archdoc/templates/) or the path of a template Markdown file; repeatable
  --lang L        language of messages: en or ko (default: from LANG)
  -h, --help      this help
  --version       the version

Exit codes: 0 no findings, 1 findings, 2 usage or I/O error.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return base('help');
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
    switch (flag) {
      case '--format': {
        const format = value();
        if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}" (use ${FORMATS.join(', ')}).`);
        parsed.format = format as Format;
        break;
      }
      case '--template':
        parsed.templates.push(value());
        break;
      case '--lang':
        parsed.lang = value();
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
  if (command !== 'check' && parsed.templates.length > 1) throw new UsageError(`${command} takes at most one --template.`);
  return parsed;
}

function base(command: ParsedArgs['command']): ParsedArgs {
  return { command, format: 'text', templates: [], paths: [] };
}
