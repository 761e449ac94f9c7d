/**
 * The working folder of the MCP server: the only place it reads and writes, with the command line's settings,
 * templates and file reading. Every failure is a `ToolError` with a message an agent can act on.
 */
import { readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { builtinTemplates, decodeText, type Locale, type Template } from '../core';
import type { CheckContext } from '../node/analyzeFile';
import { displayPath, loadTemplates, readTextFile } from '../node/files';
import { readWorkspaceSettings } from '../node/settings';

/** A request the server refuses or cannot do; the SDK returns its message as a tool error (`isError`). */
export class ToolError extends Error {}

export interface FolderContext extends CheckContext {
  /** Every template available in the folder: built-in, `.archdoc/templates/`, the `archdoc.templates` setting. */
  available: Template[];
}

export interface ResolvedPath {
  /** The path as `archdoc check` run in the folder shows it (and matches include globs against). */
  display: string;
  /** The real file, symbolic links resolved. */
  real: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export class WorkingFolder {
  readonly root: string;
  private reported = '';

  constructor(folder: string, private readonly locale: Locale, private readonly log: (text: string) => void) {
    this.root = realpathSync(folder);
  }

  /**
   * Settings and templates as `archdoc check` reads them in this folder, read again on every request (an agent may
   * add a template or change a setting between calls). `template` narrows to one template, as `--template ID` does.
   */
  context(template?: string): FolderContext {
    const settings = readWorkspaceSettings(this.root);
    const loaded = loadTemplates(builtinTemplates(), [], this.root, settings.templates);
    const problems = [settings.problem, ...loaded.problems].filter(Boolean).join('\n');
    if (problems && problems !== this.reported) this.log(`archdoc mcp: ${problems.replace(/\n/gu, '\narchdoc mcp: ')}\n`);
    this.reported = problems;
    const available = loaded.templates;
    const templates = template === undefined ? available : [this.template(available, template)];
    return { templates, available, locale: this.locale, settings: settings.options, templateFiles: loaded.files };
  }

  template(available: readonly Template[], id: string): Template {
    const found = available.find((candidate) => candidate.id === id);
    if (!found) throw new ToolError(`unknown template "${id}"; templates in this folder: ${available.map((candidate) => candidate.id).join(', ')}`);
    return found;
  }

  /** A path below the folder (relative to it, or absolute); `..` and symbolic links that lead out of it are refused. */
  resolve(path: string): ResolvedPath {
    if (path.trim() === '' || path.includes('\0')) throw new ToolError(`"${path}" is not a path`);
    const absolute = resolve(this.root, path);
    const real = realPathOf(absolute);
    const inside = (candidate: string) => {
      const rel = relative(this.root, candidate);
      return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
    };
    if (!inside(absolute) || !inside(real)) throw new ToolError(`${path}: outside the working folder ${this.root}; archdoc only reads and writes files below it`);
    return { display: displayPath(absolute, this.root), real };
  }

  /** A document's text, read as `archdoc check` reads it. */
  readDocument(path: ResolvedPath): string {
    if (isFolder(path.real)) throw new ToolError(`${path.display}: is a folder, not a document`);
    const read = readTextFile(path.real);
    if (!read.ok) throw new ToolError(`${path.display}: ${read.reason}`);
    return read.text;
  }

  /**
   * A document's text and how to write it back unchanged but for the edits: its byte order mark and line ending
   * are kept.
   */
  readForEdit(path: ResolvedPath): { text: string; eol: '\n' | '\r\n'; write: (text: string) => void } {
    const bytes = this.bytesOf(path);
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new ToolError(`${path.display}: ${decoded.reason}`);
    const bom = UTF8_BOM.every((byte, i) => bytes[i] === byte) ? '\uFEFF' : '';
    const firstBreak = /\r?\n/u.exec(decoded.text);
    return {
      text: decoded.text,
      eol: firstBreak?.[0] === '\r\n' ? '\r\n' : '\n',
      write: (text) => writeFileSync(path.real, bom + text, 'utf8'),
    };
  }

  private bytesOf(path: ResolvedPath): Uint8Array {
    if (isFolder(path.real)) throw new ToolError(`${path.display}: is a folder, not a document`);
    try {
      return readFileSync(path.real);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ToolError(`${path.display}: ${code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`);
    }
  }
}

/** The real path, symbolic links resolved; for a path that does not exist yet, its nearest existing folder's. */
function realPathOf(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : resolve(realPathOf(parent), relative(parent, absolute));
  }
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
