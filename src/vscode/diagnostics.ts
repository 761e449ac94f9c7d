/** The Problems panel: one DiagnosticCollection, source `archdoc`, code = rule id linking to its documentation. */
import * as vscode from 'vscode';
import { type Finding, ruleDocsUrl } from '../core';
import { toVsRange, toVsSeverity } from './convert';
import { type DocumentModel, isReplaced } from './model';

/**
 * A diagnostic that carries its finding. The extension host hands code-action providers the very objects of the
 * collection, so a quick fix links to its diagnostic by the finding itself, not by comparing messages.
 */
export class FindingDiagnostic extends vscode.Diagnostic {
  constructor(readonly finding: Finding) {
    super(toVsRange(finding), finding.message, toVsSeverity(finding.severity));
    this.source = 'archdoc';
    this.code = { value: finding.rule, target: vscode.Uri.parse(ruleDocsUrl(finding.rule)) };
  }
}

export function toDiagnostic(finding: Finding): FindingDiagnostic {
  return new FindingDiagnostic(finding);
}

/** Read-only views of a file (diffs, history) would repeat its problems: only real documents get diagnostics. */
const VIEW_SCHEMES = new Set(['git', 'gitfs', 'gitlens', 'vscode-scm', 'output', 'vscode-local-history', 'review', 'pr']);

export function registerDiagnostics(model: DocumentModel): { collection: vscode.DiagnosticCollection; disposable: vscode.Disposable } {
  const collection = vscode.languages.createDiagnosticCollection('archdoc');
  const refresh = (document: vscode.TextDocument) => {
    const analysis = VIEW_SCHEMES.has(document.uri.scheme) ? undefined : model.shownArchitectureAnalysisOf(document);
    if (analysis) collection.set(document.uri, analysis.findings.map(toDiagnostic));
    else collection.delete(document.uri);
  };
  const disposable = vscode.Disposable.from(
    collection,
    model.onDidChange(refresh),
    vscode.workspace.onDidCloseTextDocument((document) => isReplaced(document) || collection.delete(document.uri)),
  );
  vscode.workspace.textDocuments.forEach(refresh);
  return { collection, disposable };
}
