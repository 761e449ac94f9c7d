/** Reading documents and templates from disk for the CLI; every failure becomes a message, not a throw. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { compileTemplate, type Template } from '../core';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist']);

export function readTextFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 (save it as UTF-8)' };
  }
}

/** Markdown files below the given paths: files as given, folders walked (sorted, common build folders skipped). */
export function expandPaths(paths: readonly string[]): { files: string[]; errors: Array<{ path: string; reason: string }> } {
  const files: string[] = [];
  const errors: Array<{ path: string; reason: string }> = [];
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

function walk(folder: string, files: string[], errors: Array<{ path: string; reason: string }>): void {
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
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, files, errors);
    } else if (entry.name.toLowerCase().endsWith('.md')) files.push(path);
  }
}

/** Built-in templates plus `.archdoc/templates/*.md` of the current folder; `--template` narrows or adds. */
export function loadTemplates(builtin: readonly Template[], selectors: readonly string[], cwd: string, extraPaths: readonly string[] = []): { templates: Template[]; errors: string[] } {
  const extra = extraPaths.flatMap((path) => {
    const read = readTextFile(path);
    return read.ok ? [compileTemplate(templateIdOf(path), read.text)] : [];
  });
  const available = [...builtin, ...workspaceTemplates(cwd), ...extra];
  if (selectors.length === 0) return { templates: available, errors: [] };
  const templates: Template[] = [];
  const errors: string[] = [];
  for (const selector of selectors) {
    const known = available.find((template) => template.id === selector);
    if (known) {
      templates.push(known);
      continue;
    }
    const read = readTextFile(selector);
    if (read.ok) templates.push(compileTemplate(templateIdOf(selector), read.text));
    else errors.push(`template "${selector}": not a known template id, and ${read.reason}`);
  }
  return { templates, errors };
}

function workspaceTemplates(cwd: string): Template[] {
  const folder = join(cwd, '.archdoc', 'templates');
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const read = readTextFile(join(folder, name));
    return read.ok ? [compileTemplate(templateIdOf(name), read.text)] : [];
  });
}

export function templateIdOf(path: string): string {
  return basename(path).replace(/\.md$/iu, '');
}

/** Paths shown to the user: relative to the current folder, forward slashes (also used for include globs). */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(path));
  return (rel.startsWith('..') ? resolve(path) : rel).split(sep).join('/');
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}
