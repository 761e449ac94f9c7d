/** Engine ranges (1-based, UTF-16 columns, exclusive end) and findings to LSP ranges (0-based) and diagnostics. */
import { type Diagnostic, DiagnosticSeverity, type Range as LspRange, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { type Finding, type Range, ruleDocsUrl, type Severity, type TextEdit } from '../core';

export function toLspRange(range: Range): LspRange {
  return { start: { line: range.line - 1, character: range.column - 1 }, end: { line: range.endLine - 1, character: range.endColumn - 1 } };
}

export function toLspEdits(edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: toLspRange(edit.range), newText: edit.newText }));
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Source `archdoc`, code = the rule id, linking to the rule's documentation. */
export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: toLspRange(finding),
    severity: SEVERITIES[finding.severity] ?? DiagnosticSeverity.Warning,
    source: 'archdoc',
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
  };
}

/** Whether two LSP ranges overlap or touch (a cursor at a finding's end is on it). */
export function touches(a: LspRange, b: LspRange): boolean {
  const before = (x: LspRange['start'], y: LspRange['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function sameRange(a: LspRange, b: LspRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
