/** Reading documents and templates from disk for the CLI; every failure becomes a message, not a throw. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { decodeText, type DecodedText, isMarkdownFile, isSkippedFolder, isTemplateFileName, loadTemplate, type Template, TEMPLATE_FOLDER } from '../core';

export interface PathError {
  path: string;
  reason: string;
}

export function readTextFile(path: string): DecodedText {
  try {
    return decodeText(readFileSync(path));
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
}

/**
 * The files to check: files named on the command line as given (the user chose them), folders walked for Markdown
 * files (sorted; dependency, build and template folders skipped, as in the editor's workspace check).
 */
export function expandPaths(paths: readonly string[]): { files: string[]; errors: PathError[] } {
  const files: string[] = [];
  const errors: PathError[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      errors.push({ path, reason: describeError(error) });
      continue;
    }
    if (isDirectory) walk(path, files, errors);
    else files.push(path);
  }
  return { files, errors };
}

function walk(folder: string, files: string[], errors: PathError[]): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    errors.push({ path: folder, reason: describeError(error) });
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedFolder(path.split(sep).join('/'))) walk(path, files, errors);
    } else if (isMarkdownFile(entry.name)) files.push(path);
  }
}

export interface LoadedTemplates {
  templates: Template[];
  /** `--template` values that name no template: nothing can be checked. */
  errors: string[];
  /** Template files that could not be used (unreadable, not UTF-8, empty): reported, the others still apply. */
  problems: string[];
  /** Every template file read, usable or not, as absolute paths: they are templates, never documents. */
  files: string[];
}

/**
 * Built-in templates plus `.archdoc/templates/*.md` of the workspace folder (default: the current folder) and the
 * setting's files; `--template` (relative to the current folder) narrows or adds.
 */
export function loadTemplates(builtin: readonly Template[], selectors: readonly string[], cwd: string, settingPaths: readonly string[] = [], workspace = cwd): LoadedTemplates {
  const problems: string[] = [];
  const files: string[] = [];
  const loadFile = (path: string) => {
    files.push(resolve(cwd, path));
    return loadTemplateFile(path);
  };
  const readTemplate = (path: string): Template[] => {
    const loaded = loadFile(path);
    if (loaded.ok) return [loaded.template];
    problems.push(`template ${displayPath(path, cwd)}: ${loaded.reason}`);
    return [];
  };
  const available = [...builtin, ...workspaceTemplateFiles(workspace).flatMap(readTemplate), ...settingPaths.flatMap(readTemplate)];
  if (selectors.length === 0) return { templates: available, errors: [], problems, files };
  const templates: Template[] = [];
  const errors: string[] = [];
  for (const selector of selectors) {
    const known = available.find((template) => template.id === selector);
    const loaded = known ? { ok: true as const, template: known } : loadFile(selector);
    if (loaded.ok) templates.push(loaded.template);
    else errors.push(`template "${selector}": not a known template id, and ${loaded.reason}`);
  }
  return { templates, errors, problems, files };
}

function loadTemplateFile(path: string) {
  try {
    return loadTemplate(path, readFileSync(path));
  } catch (error) {
    return { ok: false as const, reason: describeError(error) };
  }
}

function workspaceTemplateFiles(workspace: string): string[] {
  const folder = join(workspace, ...TEMPLATE_FOLDER.split('/'));
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => !entry.isDirectory() && isTemplateFileName(entry.name))
      .map((entry) => join(folder, entry.name))
      .sort();
  } catch {
    return []; // no template folder
  }
}

/** Paths shown to the user: relative to the current folder, forward slashes (also used for include globs). */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return (rel.startsWith('..') ? resolve(cwd, path) : rel).split(sep).join('/');
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}
