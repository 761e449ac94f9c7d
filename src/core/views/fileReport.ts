/** Shared by every report of an analysis: the CLI's outputs, the tree, the status bar. */
import type { Analysis, Finding, Progress, RuleId } from '../analysis/types';

const RULE_DOCS = 'https://github.com/archdoc/archdoc#rule-';

/** Where a rule is documented (the README's section for it). */
export function ruleDocsUrl(rule: RuleId): string {
  return `${RULE_DOCS}${rule}`;
}

/** Whole percent, rounded down so that 100 % means complete; nothing to fill counts as complete. */
export function progressPercent({ filled, total }: Progress): number {
  return total === 0 ? 100 : Math.floor((filled / total) * 100);
}

/** One file of `archdoc check --format json`: exactly its public shape, no extra keys. */
export function checkedFileReport(path: string, analysis: Analysis) {
  return {
    path,
    template: analysis.templateId,
    completion: { filled: analysis.progress.filled, total: analysis.progress.total },
    findings: analysis.findings.map(publicFinding),
  };
}

function publicFinding(finding: Finding) {
  const { rule, severity, line, column, endLine, endColumn, message } = finding;
  return { rule, severity, line, column, endLine, endColumn, message };
}
