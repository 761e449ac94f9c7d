/**
 * The workspace's `archdoc.*` settings from `.vscode/settings.json` (JSON with comments), so that CI checks with the
 * same severities, include globs, size cap and extra templates as the editor.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { type AnalyzeOptions, isRuleId, type SeveritySetting, TEMPLATE_FOLDER } from '../core';

export interface WorkspaceSettings {
  options: Pick<AnalyzeOptions, 'severity' | 'include' | 'maxFileSize' | 'unstartedSections'>;
  templates: string[];
  problem?: string;
}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * The folder whose settings and templates apply, as VS Code's workspace folder would: the nearest folder, from `cwd`
 * up, that holds `.archdoc/templates` or `.vscode/settings.json`, looking no further than the repository's root (the
 * folder holding `.git`); `cwd` when there is none. So `archdoc check` run in `docs/` applies the project's templates.
 */
export function workspaceRoot(cwd: string): string {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    if (isFolder(join(folder, ...TEMPLATE_FOLDER.split('/'))) || existsSync(join(folder, '.vscode', 'settings.json'))) return folder;
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return resolve(cwd);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function readWorkspaceSettings(cwd: string): WorkspaceSettings {
  const path = join(cwd, '.vscode', 'settings.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { options: {}, templates: [] };
  }
  const errors: ParseError[] = [];
  const data = parse(text, errors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
  if (errors.length > 0 || !data || typeof data !== 'object') return { options: {}, templates: [], problem: `${path}: not valid JSON; its archdoc settings are ignored` };
  return archdocSettings((key) => data[`archdoc.${key}`] ?? (data.archdoc as Record<string, unknown> | undefined)?.[key], cwd);
}

/**
 * The valid `archdoc.*` values among those `value` gives (by key without the prefix: `severity`, `include`, …);
 * invalid ones are left out. Template paths are resolved against `folder`. Also reads what an editor sends.
 */
export function archdocSettings(value: (key: string) => unknown, folder: string): Omit<WorkspaceSettings, 'problem'> {
  const severity: AnalyzeOptions['severity'] = {};
  const severities = value('severity');
  if (severities && typeof severities === 'object') {
    for (const [rule, level] of Object.entries(severities)) {
      if (isRuleId(rule) && (SEVERITIES as readonly unknown[]).includes(level)) severity[rule] = level as SeveritySetting;
    }
  }
  const strings = (raw: unknown) => (Array.isArray(raw) ? raw.filter((entry): entry is string => typeof entry === 'string') : []);
  const maxFileSize = value('maxFileSize');
  const unstarted = value('unstartedSections');
  return {
    options: {
      severity,
      include: strings(value('include')),
      maxFileSize: typeof maxFileSize === 'number' ? maxFileSize : undefined,
      unstartedSections: unstarted === 'warning' || unstarted === 'information' ? unstarted : undefined,
    },
    templates: strings(value('templates')).map((template) => resolve(folder, template)),
  };
}
