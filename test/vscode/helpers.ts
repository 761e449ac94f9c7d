/** Helpers for the suites that run inside the real VS Code extension host. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { ArchdocApi } from '../../src/extension';

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** The shared corpus of real documents, beside the clone; tests that read it skip by name when it is absent. */
export const corpusDir = resolve(repoRoot(), '../shared/corpus');

/** Call first in a test (`function () { needsCorpus(this); … }`): skips it when ../shared/corpus is absent. */
export function needsCorpus(test: Mocha.Context): void {
  if (!existsSync(corpusDir)) test.skip();
}

export async function archdoc(): Promise<ArchdocApi> {
  const extension = vscode.extensions.getExtension<ArchdocApi>('archdoc.archdoc');
  if (!extension) throw new Error('archdoc extension not found');
  const api = await extension.activate();
  await api.templatesReady;
  return api;
}

/** Polls until `check` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function openMarkdown(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(document);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function archdocDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'archdoc');
}
