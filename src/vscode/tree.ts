/**
 * The completeness tree of the active document: sections (label = heading, description = filled/total or ✓,
 * icon by state), then each section's open slots. Missing template sections appear where they belong and offer
 * "Insert section". Items know their parent, so the view can reveal them.
 */
import * as vscode from 'vscode';
import { type Analysis, progressPercent, type OpenSlot, type SectionNode } from '../core';
import { toVsRange } from './convert';
import type { DocumentModel } from './model';

export type TreeNode =
  | { kind: 'section'; section: SectionNode; parent?: TreeNode; children: TreeNode[] }
  | { kind: 'slot'; slot: OpenSlot; parent?: TreeNode; children: TreeNode[]; index: number };

const STATE_ICONS: Record<SectionNode['state'], [string, string | undefined]> = {
  complete: ['pass-filled', 'testing.iconPassed'],
  partial: ['circle-large-outline', 'list.warningForeground'],
  empty: ['circle-large-outline', 'list.errorForeground'],
  missing: ['diff-removed', 'list.errorForeground'],
  none: ['circle-small', undefined],
};

export class SectionsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] = [];
  private document: vscode.TextDocument | undefined;
  private view: vscode.TreeView<TreeNode> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly model: DocumentModel) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      model.onDidChange((document) => document === this.document || document === vscode.window.activeTextEditor?.document ? this.refresh() : undefined),
    );
  }

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.refresh();
  }

  /** The document the tree shows, and its analysis; the tree keeps showing it while the view itself has focus. */
  get current(): { document: vscode.TextDocument; analysis: Analysis } | undefined {
    const analysis = this.document && this.model.architectureAnalysisOf(this.document);
    return this.document && analysis ? { document: this.document, analysis } : undefined;
  }

  get rootNodes(): readonly TreeNode[] {
    return this.roots;
  }

  refresh(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === 'markdown') this.document = editor.document;
    // Another kind of editor, or none left and the shown document closed: show nothing. (With no editor but the
    // document still open, the view itself has focus: keep showing it.)
    else if (editor || this.document?.isClosed) this.document = undefined;
    const current = this.current;
    this.roots = current ? buildNodes(current.analysis) : [];
    void vscode.commands.executeCommand('setContext', 'archdoc.isArchitectureDocument', Boolean(current));
    if (this.view) {
      const count = current?.analysis.findings.length ?? 0;
      this.view.badge = count > 0 ? { value: count, tooltip: vscode.l10n.t('{0} open findings', count) } : undefined;
      const progress = current?.analysis.progress;
      this.view.description = progress ? `${progressPercent(progress)}%` : undefined;
      this.view.message = current?.analysis.skippedReason;
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const uri = this.document?.uri;
    if (node.kind === 'slot') {
      const item = new vscode.TreeItem(node.slot.label, vscode.TreeItemCollapsibleState.None);
      item.id = `${uri?.toString()}#slot:${node.slot.line}:${node.slot.column}:${node.slot.rule}:${node.index}`;
      item.description = vscode.l10n.t('line {0}', node.slot.line);
      item.iconPath = new vscode.ThemeIcon('circle-outline');
      item.contextValue = 'slot';
      item.command = uri && { command: 'archdoc.revealRange', title: '', arguments: [uri, toVsRange(node.slot)] };
      return item;
    }
    const { section } = node;
    const collapsible = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : section.state === 'complete' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(section.title, collapsible);
    item.id = `${uri?.toString()}#${section.missing ? 'missing' : 'section'}:${section.id}:${section.range.line}`;
    item.description = describe(section);
    const [icon, color] = STATE_ICONS[section.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.tooltip = tooltip(section);
    item.contextValue = section.missing ? 'missing' : 'section';
    item.command = uri && { command: 'archdoc.revealRange', title: '', arguments: [uri, toVsRange(section.range)] };
    return item;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

export function describe(section: SectionNode): string {
  if (section.missing) return vscode.l10n.t('missing');
  const { filled, total } = section.progress;
  if (total === 0) return '';
  return filled === total ? '✓' : `${filled}/${total}`;
}

function tooltip(section: SectionNode): vscode.MarkdownString {
  const text = new vscode.MarkdownString();
  text.appendText(section.title);
  if (section.missing) {
    text.appendMarkdown(`\n\n${vscode.l10n.t('This template section is missing.')}`);
    return text;
  }
  const open: string[] = [];
  const collect = (node: SectionNode) => {
    node.openSlots.forEach((slot) => open.push(`${slot.label} (${vscode.l10n.t('line {0}', slot.line)})`));
    node.children.forEach(collect);
  };
  collect(section);
  text.appendMarkdown(`\n\n${section.progress.filled}/${section.progress.total}`);
  if (open.length > 0) {
    text.appendMarkdown(`\n\n${vscode.l10n.t('Open:')}\n`);
    open.slice(0, 20).forEach((line) => text.appendMarkdown(`\n- ${line.replace(/[\\`*_[\]<>]/gu, (c) => `\\${c}`)}`));
    if (open.length > 20) text.appendMarkdown(`\n- …`);
  }
  return text;
}

function buildNodes(analysis: Analysis): TreeNode[] {
  const build = (section: SectionNode, parent?: TreeNode): TreeNode => {
    const node: TreeNode = { kind: 'section', section, parent, children: [] };
    node.children = [
      ...section.children.map((child) => build(child, node)),
      ...(section.missing ? [] : section.openSlots.map((slot, index): TreeNode => ({ kind: 'slot', slot, parent: node, children: [], index }))),
    ];
    return node;
  };
  return [
    ...analysis.preambleSlots.map((slot, index): TreeNode => ({ kind: 'slot', slot, children: [], index })),
    ...analysis.sections.map((section) => build(section)),
  ];
}
