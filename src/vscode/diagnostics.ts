/** The Problems panel: one DiagnosticCollection, source `archdoc`, code = rule id linking to its documentation. */
import * as vscode from 'vscode';
import { type Finding, ruleDocsUrl } from '../core';
import { toVsRange, toVsSeverity } from './convert';
import type { DocumentModel } from './model';

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(finding), finding.message, toVsSeverity(finding.severity));
  diagnostic.source = 'archdoc';
  diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(ruleDocsUrl(finding.rule)) };
  return diagnostic;
}

/** Read-only views of a file (diffs, history) would repeat its problems: only real documents get diagnostics. */
const VIEW_SCHEMES = new Set(['git', 'gitfs', 'gitlens', 'vscode-scm', 'output', 'vscode-local-history', 'review', 'pr']);

export function registerDiagnostics(model: DocumentModel): { collection: vscode.DiagnosticCollection; disposable: vscode.Disposable } {
  const collection = vscode.languages.createDiagnosticCollection('archdoc');
  const refresh = (document: vscode.TextDocument) => {
    const analysis = VIEW_SCHEMES.has(document.uri.scheme) ? undefined : model.architectureAnalysisOf(document);
    if (analysis) collection.set(document.uri, analysis.findings.map(toDiagnostic));
    else collection.delete(document.uri);
  };
  const disposable = vscode.Disposable.from(
    collection,
    model.onDidChange(refresh),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
  );
  vscode.workspace.textDocuments.forEach(refresh);
  return { collection, disposable };
}
