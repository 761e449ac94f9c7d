/**
 * Which files archdoc reads and where templates live: the one answer for the command line and the editor (and any
 * other surface), so that `archdoc check .` and the editor's workspace check see the same files. Works on path
 * strings with `/` separators; reading the files is the surface's job.
 */
import { compileTemplate } from '../analysis/compileTemplate';
import type { Template } from '../template/template';

/** Extensions of Markdown files, compared case-insensitively (`README.MD`, `adr.Markdown`). */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['md', 'markdown'];

/** Folders never searched for documents: dependencies, version control, build output. */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', 'bower_components', '.git', '.hg', '.svn', 'out', 'dist', 'coverage'];

/** A workspace's own templates, relative to the workspace folder: templates, not documents. */
export const TEMPLATE_FOLDER = '.archdoc/templates';

const TEMPLATE_FOLDER_SEGMENTS = TEMPLATE_FOLDER.split('/');

function segmentsOf(path: string): string[] {
  return path.split(/[\\/]+/u).filter((segment) => segment.length > 0 && segment !== '.');
}

/** `*.md` or `*.markdown`, any case. */
export function isMarkdownFile(path: string): boolean {
  const name = segmentsOf(path).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot >= 0 && MARKDOWN_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
}

/** A folder whose contents are never documents: a dependency, VCS or build folder, or the template folder. */
export function isSkippedFolder(path: string): boolean {
  const segments = segmentsOf(path);
  const last = segments[segments.length - 1];
  return (last !== undefined && SKIPPED_FOLDERS.includes(last)) || endsWithTemplateFolder(segments);
}

function endsWithTemplateFolder(segments: readonly string[]): boolean {
  const tail = segments.slice(-TEMPLATE_FOLDER_SEGMENTS.length);
  return tail.length === TEMPLATE_FOLDER_SEGMENTS.length && tail.every((segment, i) => segment === TEMPLATE_FOLDER_SEGMENTS[i]);
}

/**
 * A file found by searching a folder (path relative to that folder) that may be an architecture document: Markdown,
 * and no folder on the way is skipped. Whether it is one is for recognition to say.
 */
export function isDocumentCandidate(relativePath: string): boolean {
  const segments = segmentsOf(relativePath);
  for (let end = 1; end < segments.length; end++) {
    if (isSkippedFolder(segments.slice(0, end).join('/'))) return false;
  }
  return isMarkdownFile(relativePath);
}

/** A file named as a template (`adr-template.md`, `template.md`, `아키텍처_템플릿.md`): a blank copy kept to start from. */
const TEMPLATE_FILE_NAME = /(?:^|[-_. ])(?:template|템플릿)\.(?:md|markdown)$/iu;

/**
 * Why a file is a template, not a document, wherever it lies (MADR keeps `docs/decisions/adr-template.md` beside
 * the decisions): checking it would report every slot of the template. Undefined for a file that may be a document.
 * `templateFiles` are the paths (or URI paths) the templates were read from, compared as the same kind of path.
 */
export function templateFileReason(path: string, templateFiles: readonly string[]): string | undefined {
  const normalized = (file: string) => file.replace(/\\/gu, '/');
  const wanted = normalized(path);
  if (templateFiles.some((file) => normalized(file) === wanted)) return 'a template (--template or archdoc.templates)';
  if (TEMPLATE_FILE_NAME.test(wanted.slice(wanted.lastIndexOf('/') + 1))) return 'a template by its name (*-template.md)';
  return undefined;
}

export function isTemplateFile(path: string, templateFiles: readonly string[]): boolean {
  return templateFileReason(path, templateFiles) !== undefined;
}

/** A file name in the template folder that is a template. */
export function isTemplateFileName(name: string): boolean {
  return !name.includes('/') && isMarkdownFile(name);
}

/** A template's id: its file name without the Markdown extension (`.archdoc/templates/adr.md` → `adr`). */
export function templateIdOf(path: string): string {
  const name = segmentsOf(path).pop() ?? path;
  return isMarkdownFile(name) ? name.slice(0, name.lastIndexOf('.')) : name;
}

/** How an entry of the `archdoc.templates` setting names its file: relative to the workspace folder unless absolute or a URI. */
export function templateSettingKind(entry: string): 'uri' | 'absolute' | 'relative' {
  if (/^(?:\/|\\\\|[A-Za-z]:[\\/])/u.test(entry)) return 'absolute';
  if (/^[A-Za-z][\w+.-]+:/u.test(entry)) return 'uri';
  return 'relative';
}

/** `md` → `[mM][dD]`: file-search globs match case-sensitively. */
function anyCase(text: string): string {
  return [...text].map((char) => (char.toLowerCase() === char.toUpperCase() ? char : `[${char.toLowerCase()}${char.toUpperCase()}]`)).join('');
}

const MARKDOWN_EXTENSION_GLOB = `{${MARKDOWN_EXTENSIONS.map(anyCase).join(',')}}`;

/** Globs for file searches and watchers (VS Code `findFiles`, `RelativePattern`) that say the same as the functions above. */
export const DOCUMENT_GLOB = `**/*.${MARKDOWN_EXTENSION_GLOB}`;
export const DOCUMENT_EXCLUDE_GLOB = `**/{${[...SKIPPED_FOLDERS, TEMPLATE_FOLDER].join(',')}}/**`;
export const TEMPLATE_GLOB = `${TEMPLATE_FOLDER}/*.${MARKDOWN_EXTENSION_GLOB}`;

export type DecodedText = { ok: true; text: string } | { ok: false; reason: string };

/** A file's bytes as text: UTF-8 only; a file with NUL bytes is binary. The reason is shown to the user. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 (save it as UTF-8)' };
  }
}

/** The most headings a template may have: far beyond any real template, low enough that checking stays quick. */
export const MAX_TEMPLATE_HEADINGS = 5000;
const HEADING_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/gmu;

export type LoadedTemplate = { ok: true; template: Template } | { ok: false; reason: string };

/** A template file's bytes compiled, or why it cannot be used (not text, not UTF-8, nothing to check against). */
export function loadTemplate(path: string, bytes: Uint8Array): LoadedTemplate {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  // Counted before compiling: a template of tens of thousands of sections would hold up the editor and every check.
  const headings = decoded.text.match(HEADING_LINE)?.length ?? 0;
  if (headings > MAX_TEMPLATE_HEADINGS) {
    return { ok: false, reason: `has ${headings} headings; a template may have at most ${MAX_TEMPLATE_HEADINGS} (split it into several templates)` };
  }
  let template: Template;
  try {
    template = compileTemplate(templateIdOf(path), decoded.text);
  } catch (error) {
    return { ok: false, reason: `cannot be compiled: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (template.titleKey.length === 0 && template.sections.length === 0) return { ok: false, reason: 'has no headings, so it defines nothing to check' };
  return { ok: true, template };
}
