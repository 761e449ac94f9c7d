/**
 * The server's view of the project: for each workspace folder, the settings and templates `archdoc check` run in
 * that folder reads (`.vscode/settings.json`, `.archdoc/templates/`, `archdoc.templates`), with the editor's
 * `archdoc` settings (`workspace/configuration`) over them; and for each document, the analysis context that puts
 * it in its folder (the path include globs match). Nothing here writes a file.
 */
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AnalysisContext, type AnalyzeOptions, builtinTemplates, DEFAULT_MAX_FILE_SIZE, type Locale, type Template, templateFileReason } from '../core';
import { loadTemplates } from '../node/files';
import { archdocSettings, readWorkspaceSettings, workspaceRoot } from '../node/settings';

/** What the editor sent for the `archdoc` section; anything else is ignored. */
export type EditorSettings = Record<string, unknown>;

interface Project {
  folder: string;
  templates: Template[];
  /** Files the templates were read from: templates, never documents. */
  templateFiles: string[];
  options: AnalyzeOptions;
  debounceMs: number;
}

/** A document as the server sees it: its template file reason (then it is not analysed), or its analysis context. */
export type DocumentContext = { templateFile: string } | { context: AnalysisContext; project: Project };

const DEFAULT_DEBOUNCE_MS = 300;

export class LspWorkspace {
  private readonly projects = new Map<string, Project>();
  /** One context object per document until the settings change: the analysis cache keys its results on it. */
  private readonly contexts = new Map<string, DocumentContext>();
  private editor: EditorSettings = {};
  private readonly reported = new Set<string>();

  /**
   * `folders` are the client's workspace folders (absolute paths); a file outside them belongs to the folder
   * `archdoc check` run beside it would use.
   */
  constructor(
    private readonly folders: readonly string[],
    readonly locale: Locale,
    private readonly warn: (message: string) => void,
  ) {}

  /** New editor settings (or the same after a file changed): everything is read again. */
  reload(editor: unknown): void {
    this.editor = editor && typeof editor === 'object' && !Array.isArray(editor) ? (editor as EditorSettings) : {};
    this.projects.clear();
    this.contexts.clear();
    this.reported.clear();
  }

  /** Forgets one document's context (closed). */
  forget(uri: string): void {
    this.contexts.delete(uri);
  }

  contextOf(uri: string): DocumentContext {
    let known = this.contexts.get(uri);
    if (!known) this.contexts.set(uri, (known = this.resolve(uri)));
    return known;
  }

  /** The templates a document may be written from: those of its folder. */
  templatesOf(uri: string): Template[] {
    return this.projectOf(filePathOf(uri)).templates;
  }

  /** How long to wait after an edit before pushing diagnostics (the `archdoc.debounceMs` setting). */
  debounceMsOf(uri: string): number {
    return this.projectOf(filePathOf(uri)).debounceMs;
  }

  private resolve(uri: string): DocumentContext {
    const file = filePathOf(uri);
    const project = this.projectOf(file);
    const path = file === undefined ? nameOf(uri) : pathIn(project.folder, file);
    const templateFile = templateFileReason(file ?? path, file === undefined ? [] : project.templateFiles);
    if (templateFile) return { templateFile };
    return { project, context: { templates: project.templates, locale: this.locale, options: { ...project.options, path } } };
  }

  private projectOf(file: string | undefined): Project {
    const folder = this.folderOf(file);
    let project = this.projects.get(folder);
    if (!project) this.projects.set(folder, (project = this.readProject(folder)));
    return project;
  }

  /** The innermost workspace folder holding the file; else the folder `archdoc check` would use for it. */
  private folderOf(file: string | undefined): string {
    const holding = file === undefined ? [] : this.folders.filter((folder) => isInside(folder, file));
    if (holding.length > 0) return holding.reduce((a, b) => (b.length > a.length ? b : a));
    if (file === undefined) return this.folders[0] ?? workspaceRoot(process.cwd());
    return workspaceRoot(dirname(file));
  }

  private readProject(folder: string): Project {
    const project = readWorkspaceSettings(folder);
    const editor = archdocSettings((key) => this.editor[key], folder);
    const given = (key: string) => this.editor[key] !== undefined;
    const options: AnalyzeOptions = {
      severity: { ...project.options.severity, ...editor.options.severity },
      include: given('include') ? editor.options.include : project.options.include,
      maxFileSize: editor.options.maxFileSize ?? project.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      unstartedSections: editor.options.unstartedSections ?? project.options.unstartedSections,
    };
    const loaded = loadTemplates(builtinTemplates(), [], folder, given('templates') ? editor.templates : project.templates, folder);
    for (const problem of [project.problem, ...loaded.problems]) if (problem) this.warnOnce(problem);
    const debounce = this.editor.debounceMs;
    return {
      folder,
      templates: loaded.templates,
      templateFiles: loaded.files,
      options,
      debounceMs: typeof debounce === 'number' && debounce >= 0 ? debounce : DEFAULT_DEBOUNCE_MS,
    };
  }

  private warnOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.warn(message);
  }
}

/** The file a `file:` URI names; undefined for untitled and other non-file documents. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A non-file document's name (`untitled:Untitled-1` → `Untitled-1`): policy reads its file name. */
function nameOf(uri: string): string {
  const path = uri.slice(uri.indexOf(':') + 1);
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return path;
  }
}

/** As `archdoc check` run in `folder` shows the file: relative with forward slashes, else absolute. */
function pathIn(folder: string, file: string): string {
  const rel = relative(folder, file);
  return (rel.startsWith('..') || isAbsolute(rel) ? file : rel).split(sep).join('/');
}

function isInside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
