/** Wires the archdoc adapters together; each contribution lives in its own file under src/vscode/. */
import * as vscode from 'vscode';
import type { Analysis } from './core';
import { registerCodeActions } from './vscode/codeActions';
import { registerCommands } from './vscode/commands';
import { registerCompletion } from './vscode/completion';
import { registerDiagnostics } from './vscode/diagnostics';
import { DocumentModel } from './vscode/model';
import { registerStatusBar } from './vscode/statusBar';
import { TemplateRegistry } from './vscode/templates';
import { describe, SectionsTreeProvider, type TreeNode } from './vscode/tree';

/** What `activate` returns: a small API for tests and other extensions. */
export interface ArchdocApi {
  analysisOf(uri: vscode.Uri): Analysis | undefined;
  /** The completeness tree as shown: label, description, state, children. */
  treeItems(): TreeItemSnapshot[];
  /** The completeness tree's own nodes (what its menus pass to commands). */
  treeNodes(): readonly TreeNode[];
  stats(): { parses: number; versionsAnalysed: number };
  templatesReady: Promise<void>;
  /** Template files that could not be used at the last reload, and why. */
  templateProblems(): Array<{ path: string; reason: string }>;
}

export interface TreeItemSnapshot {
  label: string;
  description: string;
  state?: string;
  children: TreeItemSnapshot[];
}

export function activate(context: vscode.ExtensionContext): ArchdocApi {
  const templates = new TemplateRegistry();
  const model = new DocumentModel(templates);
  const tree = new SectionsTreeProvider(model);
  const view = vscode.window.createTreeView('archdoc.sections', { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const { collection, disposable: diagnostics } = registerDiagnostics(model);
  context.subscriptions.push(
    templates,
    model,
    tree,
    view,
    diagnostics,
    registerStatusBar(model),
    registerCompletion(model, templates),
    registerCodeActions(model, templates),
    registerCommands({ model, templates, tree, diagnostics: collection }),
  );
  const templatesReady = templates.reload().catch((error) => console.warn(`archdoc: templates not loaded: ${String(error)}`));
  vscode.workspace.textDocuments.forEach((document) => model.update(document));

  return {
    analysisOf: (uri) => {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
      return document ? model.analysisOf(document) : undefined;
    },
    treeItems: () => tree.rootNodes.map(snapshot),
    treeNodes: () => tree.rootNodes,
    stats: () => ({ parses: model.parses, versionsAnalysed: model.versionsAnalysed }),
    templatesReady,
    templateProblems: () => templates.problems.map(({ uri, reason }) => ({ path: vscode.workspace.asRelativePath(uri), reason })),
  };
}

function snapshot(node: TreeNode): TreeItemSnapshot {
  if (node.kind === 'slot') return { label: node.slot.label, description: `line ${node.slot.line}`, children: [] };
  return { label: node.section.title, description: describe(node.section), state: node.section.state, children: node.children.map(snapshot) };
}

export function deactivate(): void {}
