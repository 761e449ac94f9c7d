/** Wires the archdoc adapters together; each contribution lives in its own file under src/vscode/. */
import { historySource } from '@archdoc/platform-history';
import type { MarkdownIt } from 'markdown-it';
import * as vscode from 'vscode';
import type { Analysis, OutlineNode } from './core';
import { registerCodeActions } from './vscode/codeActions';
import { registerCommands } from './vscode/commands';
import { registerCompletion } from './vscode/completion';
import { registerContextKeys } from './vscode/contextKeys';
import { registerDecorations } from './vscode/decorations';
import { registerDiagnostics } from './vscode/diagnostics';
import { registerLanguageModelTools } from './vscode/lmTools';
import { registerMcpServerProvider } from './vscode/mcpProvider';
import { DocumentModel } from './vscode/model';
import { Overview, type OverviewShown } from './vscode/overview';
import { previewPlugin } from './vscode/preview';
import { registerStatusBar } from './vscode/statusBar';
import { TemplateRegistry } from './vscode/templates';
import { SectionsTreeProvider } from './vscode/tree';

/** What `activate` returns: a small API for tests and other extensions. */
export interface ArchdocApi {
  analysisOf(uri: vscode.Uri): Analysis | undefined;
  /** The completeness tree as shown: label, description, tooltip, state, children. */
  treeItems(): TreeItemSnapshot[];
  /** The completeness tree's own nodes (what its menus pass to commands). */
  treeNodes(): readonly OutlineNode[];
  /** What the status bar item and the view header show now. */
  summaryShown(): { statusText?: string; statusTooltip?: string; viewTitle?: string; viewDescription?: string; badge?: number };
  /** The open-slot highlights last set on an editor. */
  decorationsOf(editor: vscode.TextEditor): readonly vscode.Range[];
  stats(): { parses: number; versionsAnalysed: number };
  templatesReady: Promise<void>;
  /** Template files that could not be used at the last reload, and why. */
  templateProblems(): Array<{ path: string; reason: string }>;
  /** What the architecture overview last sent to its webview; undefined while it is closed. */
  overviewShown(): OverviewShown | undefined;
  /** Marks open slots in the built-in Markdown preview (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export interface TreeItemSnapshot {
  label: string;
  description: string;
  tooltip?: string;
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
  const statusBar = registerStatusBar(model);
  const decorations = registerDecorations(model);
  const overview = new Overview(context.extensionUri, model, templates, historySource);
  context.subscriptions.push(
    templates,
    model,
    tree,
    view,
    diagnostics,
    statusBar.disposable,
    decorations,
    registerContextKeys(model),
    registerCompletion(model, templates),
    registerCodeActions(model, templates),
    registerCommands({ model, templates, tree, diagnostics: collection }),
    registerLanguageModelTools(model, templates),
    registerMcpServerProvider(context),
    overview,
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
    summaryShown: () => ({
      statusText: statusBar.item.text,
      statusTooltip: typeof statusBar.item.tooltip === 'string' ? statusBar.item.tooltip : undefined,
      viewTitle: view.title,
      viewDescription: view.description,
      badge: view.badge?.value,
    }),
    decorationsOf: (editor) => decorations.rangesOf(editor),
    stats: () => model.stats,
    templatesReady,
    templateProblems: () => templates.problems.map(({ uri, reason }) => ({ path: vscode.workspace.asRelativePath(uri), reason })),
    overviewShown: () => overview.lastShown,
    extendMarkdownIt: previewPlugin(model),
  };
}

function snapshot(node: OutlineNode): TreeItemSnapshot {
  if (node.kind === 'slot') return { label: node.label, description: node.description, tooltip: node.tooltip, children: [] };
  return { label: node.label, description: node.description, state: node.section.state, children: node.children.map(snapshot) };
}

export function deactivate(): void {}
