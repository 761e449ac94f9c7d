/**
 * The completeness tree of the active document, rendered from the engine's outline: sections (description =
 * filled/total or ✓, icon by state), then each section's open slots. Missing template sections appear where they
 * belong and offer "Insert section". Items know their parent, so the view can reveal them.
 */
import * as vscode from 'vscode';
import { type Analysis, buildTreeNodes, documentSummary, type OutlineNode, type OutlineWords, type SectionNode, sectionTooltipLines } from '../core';
import { toVsRange } from './convert';
import type { DocumentModel } from './model';

export type TreeNode = OutlineNode;

const STATE_ICONS: Record<SectionNode['state'], [string, string | undefined]> = {
  complete: ['pass-filled', 'testing.iconPassed'],
  partial: ['circle-large-outline', 'list.warningForeground'],
  empty: ['circle-large-outline', 'list.errorForeground'],
  missing: ['diff-removed', 'list.errorForeground'],
  none: ['circle-small', undefined],
};

export function outlineWords(): OutlineWords {
  return {
    missing: vscode.l10n.t('missing'),
    line: (line) => vscode.l10n.t('line {0}', line),
    renamed: (title) => vscode.l10n.t('renamed from "{0}"', title),
  };
}

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
    const analysis = this.document && this.model.shownArchitectureAnalysisOf(this.document);
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
    this.roots = current ? buildTreeNodes(current.analysis, outlineWords()) : [];
    void vscode.commands.executeCommand('setContext', 'archdoc.isArchitectureDocument', Boolean(current));
    if (this.view) {
      const summary = current && !current.analysis.skippedReason ? documentSummary(current.analysis) : undefined;
      // The title carries the percentage: a view alone in its container shows its title, not its description.
      this.view.title = summary ? vscode.l10n.t('Completeness {0}%', summary.percent) : vscode.l10n.t('Completeness');
      this.view.description = summary ? vscode.l10n.t('{0} open', summary.open) : undefined;
      this.view.badge = summary && summary.open > 0 ? { value: summary.open, tooltip: vscode.l10n.t('{0} open findings', summary.open) } : undefined;
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
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = `${uri?.toString()}#${node.key}`;
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.iconPath = new vscode.ThemeIcon('circle-outline');
      item.contextValue = 'slot';
      item.command = uri && { command: 'archdoc.revealRange', title: '', arguments: [uri, toVsRange(node.slot)] };
      return item;
    }
    const { section } = node;
    const collapsible = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : section.state === 'complete' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = `${uri?.toString()}#${node.key}`;
    item.description = node.description;
    const [icon, color] = STATE_ICONS[section.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.tooltip = tooltip(section);
    // `section-open`: a present section with open slots, which can be marked not applicable as a whole.
    item.contextValue = section.missing ? 'missing' : section.progress.filled < section.progress.total ? 'section-open' : 'section';
    item.command = uri && { command: 'archdoc.revealRange', title: '', arguments: [uri, toVsRange(section.range)] };
    return item;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

function tooltip(section: SectionNode): vscode.MarkdownString {
  const lines = sectionTooltipLines(section, outlineWords());
  const text = new vscode.MarkdownString();
  text.appendText(lines.title);
  if (section.missing) {
    text.appendMarkdown(`\n\n${vscode.l10n.t('This template section is missing.')}`);
    return text;
  }
  if (lines.progress) text.appendMarkdown(`\n\n${lines.progress}`);
  if (lines.open.length > 0) {
    text.appendMarkdown(`\n\n${vscode.l10n.t('Open:')}\n`);
    lines.open.forEach((line) => text.appendMarkdown(`\n- ${line.replace(/[\\`*_[\]<>]/gu, (c) => `\\${c}`)}`));
    if (lines.more) text.appendMarkdown(`\n- …`);
  }
  return text;
}
