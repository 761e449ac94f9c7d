/**
 * The templates a workspace can use: built-in, `.archdoc/templates/*.md` of each workspace folder, and the files in
 * the `archdoc.templates` setting. Watches those files, so adding, editing or deleting a template takes effect by
 * itself; a template that cannot be used is named with the reason, never silently dropped.
 */
import * as vscode from 'vscode';
import { builtinTemplates, isTemplateFile, isTemplateFileName, loadTemplate, type Template, TEMPLATE_FOLDER, TEMPLATE_GLOB, templateSettingKind } from '../core';

export interface TemplateProblem {
  uri: vscode.Uri;
  reason: string;
}

/** Where templates are looked for: the workspace folders (their template folder) and the files named in the setting. */
interface Locations {
  workspaceFolders: vscode.Uri[];
  files: vscode.Uri[];
}

export class TemplateRegistry implements vscode.Disposable {
  private templates: Template[] = builtinTemplates();
  private currentProblems: TemplateProblem[] = [];
  /** The URIs the templates were read from, usable or not: templates, not documents. */
  private files: string[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly log = vscode.window.createOutputChannel('archdoc', { log: true });
  /** One watcher per watched location, kept across reloads while the location stays. */
  private readonly watchers = new Map<string, vscode.FileSystemWatcher>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.log];
  /** Increases with every reload, so that a slower, older reload never overwrites a newer one. */
  private generation = 0;

  constructor() {
    const reload = () => void this.reload();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('archdoc.templates') && reload()),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
    );
  }

  get all(): readonly Template[] {
    return this.templates;
  }

  /** Template files of the last reload that could not be used, with the reason. */
  get problems(): readonly TemplateProblem[] {
    return this.currentProblems;
  }

  /** Whether templates are read from this file (it is then not analysed as a document). */
  isTemplateFile(uri: vscode.Uri): boolean {
    // The setting's files by URI; the name (`adr-template.md`) by the decoded path.
    return this.files.includes(uri.toString()) || isTemplateFile(uri.path, []);
  }

  find(id: string): Template | undefined {
    return this.templates.find((template) => template.id === id);
  }

  /** Reads the workspace's templates again; fires `onDidChange` when done (documents are then re-analysed). */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    const locations = templateLocations();
    this.watch(locations);
    const uris = new Map<string, vscode.Uri>();
    for (const folder of locations.workspaceFolders) for (const uri of await templateFilesIn(folder)) uris.set(uri.toString(), uri);
    for (const uri of locations.files) uris.set(uri.toString(), uri);
    const found: Template[] = [];
    const problems: TemplateProblem[] = [];
    for (const uri of uris.values()) {
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch (error) {
        problems.push({ uri, reason: describeError(error) });
        continue;
      }
      const loaded = loadTemplate(uri.path, bytes);
      if (loaded.ok) found.push(loaded.template);
      else problems.push({ uri, reason: loaded.reason });
    }
    if (generation !== this.generation) return;
    this.templates = [...builtinTemplates(), ...found];
    this.files = [...uris.keys()];
    this.report(problems);
    this.changed.fire();
  }

  /** Logs every problem; shows a warning for each one that is new since the last reload (not again on every reload). */
  private report(problems: TemplateProblem[]): void {
    const known = new Set(this.currentProblems.map(problemKey));
    this.currentProblems = problems;
    for (const problem of problems) {
      const path = vscode.workspace.asRelativePath(problem.uri);
      this.log.warn(`template ${path} not loaded: ${problem.reason}`);
      if (!known.has(problemKey(problem))) void vscode.window.showWarningMessage(vscode.l10n.t('archdoc: template {0} was not loaded: {1}', path, problem.reason));
    }
  }

  private watch(locations: Locations): void {
    const wanted = new Map<string, vscode.RelativePattern>();
    // Based on the workspace folder, so that a template folder created later is watched too.
    for (const folder of locations.workspaceFolders) wanted.set(`${folder.toString()}|${TEMPLATE_GLOB}`, new vscode.RelativePattern(folder, TEMPLATE_GLOB));
    for (const file of locations.files) {
      const name = file.path.slice(file.path.lastIndexOf('/') + 1);
      wanted.set(file.toString(), new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), name));
    }
    for (const [key, watcher] of this.watchers) {
      if (wanted.has(key)) continue;
      watcher.dispose();
      this.watchers.delete(key);
    }
    const reload = () => void this.reload();
    for (const [key, pattern] of wanted) {
      if (this.watchers.has(key)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate(reload);
      watcher.onDidChange(reload);
      watcher.onDidDelete(reload);
      this.watchers.set(key, watcher);
    }
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function templateLocations(): Locations {
  const locations: Locations = { workspaceFolders: [], files: [] };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    locations.workspaceFolders.push(folder.uri);
    for (const entry of vscode.workspace.getConfiguration('archdoc', folder.uri).get<string[]>('templates', [])) {
      const kind = templateSettingKind(entry);
      if (kind === 'uri') locations.files.push(vscode.Uri.parse(entry));
      else if (kind === 'absolute') locations.files.push(folder.uri.scheme === 'file' ? vscode.Uri.file(entry) : folder.uri.with({ path: entry }));
      else locations.files.push(vscode.Uri.joinPath(folder.uri, entry));
    }
  }
  return locations;
}

async function templateFilesIn(workspaceFolder: vscode.Uri): Promise<vscode.Uri[]> {
  const folder = vscode.Uri.joinPath(workspaceFolder, ...TEMPLATE_FOLDER.split('/'));
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return []; // no template folder
  }
  return entries
    .filter(([name, type]) => (type & vscode.FileType.Directory) === 0 && isTemplateFileName(name))
    .map(([name]) => name)
    .sort()
    .map((name) => vscode.Uri.joinPath(folder, name));
}

function problemKey(problem: TemplateProblem): string {
  return `${problem.uri.toString()}|${problem.reason}`;
}

function describeError(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    if (error.code === 'FileNotFound') return 'no such file';
    if (error.code === 'NoPermissions') return 'permission denied';
    if (error.code === 'FileIsADirectory') return 'is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}
