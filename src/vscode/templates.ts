/** The templates a workspace can use: built-in, `.archdoc/templates/*.md`, and the `archdoc.templates` setting. */
import * as vscode from 'vscode';
import { builtinTemplates, compileTemplate, type Template } from '../core';

export class TemplateRegistry implements vscode.Disposable {
  private templates: Template[] = builtinTemplates();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Increases with every reload, so that a slower, older reload never overwrites a newer one. */
  private generation = 0;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.archdoc/templates/*.md');
    const reload = () => void this.reload();
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('archdoc.templates') && reload()),
    );
  }

  get all(): readonly Template[] {
    return this.templates;
  }

  find(id: string): Template | undefined {
    return this.templates.find((template) => template.id === id);
  }

  /** Reads workspace templates; a template that cannot be read is skipped (and logged), never fatal. */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    const found: Template[] = [];
    const uris = new Map<string, vscode.Uri>();
    for (const uri of await vscode.workspace.findFiles('**/.archdoc/templates/*.md', '**/node_modules/**', 200)) uris.set(uri.toString(), uri);
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const path of vscode.workspace.getConfiguration('archdoc', folder.uri).get<string[]>('templates', [])) {
        const uri = /^[a-z][\w+.-]*:/iu.test(path) ? vscode.Uri.parse(path) : vscode.Uri.joinPath(folder.uri, path);
        uris.set(uri.toString(), uri);
      }
    }
    for (const uri of uris.values()) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        found.push(compileTemplate(uri.path.split('/').pop()!.replace(/\.md$/iu, ''), text));
      } catch (error) {
        console.warn(`archdoc: cannot read template ${uri.toString()}: ${String(error)}`);
      }
    }
    if (generation !== this.generation) return;
    this.templates = [...builtinTemplates(), ...found];
    this.changed.fire();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
