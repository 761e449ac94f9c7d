/** The pass/fail decisions of `archdoc check` beyond "any finding fails": --fail-on and --min-completion. */
import { progressPercent, type Severity } from '../core';
import type { FailOn, ParsedArgs } from './args';
import type { CheckedFile } from '../report/formats/check';

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** How many findings are at least as severe as --fail-on. */
function failingFindings(files: readonly CheckedFile[], failOn: FailOn): number {
  if (failOn === 'none') return 0;
  return files.reduce((sum, { analysis }) => sum + analysis.findings.filter((f) => RANK[f.severity] <= RANK[failOn]).length, 0);
}

interface Incomplete {
  path: string;
  percent: number;
}

/** The documents less complete than the minimum, in the order checked. */
function belowMinimum(files: readonly CheckedFile[], minimum: number): Incomplete[] {
  return files.map(({ path, analysis }) => ({ path, percent: progressPercent(analysis.progress) })).filter(({ percent }) => percent < minimum);
}

/** 1 when a finding at --fail-on or worse remains or a document is below --min-completion (each one named), else 0. */
export function gateExitCode(files: readonly CheckedFile[], args: Pick<ParsedArgs, 'failOn' | 'minCompletion'>, stderr: (text: string) => void): 0 | 1 {
  const incomplete = args.minCompletion === undefined ? [] : belowMinimum(files, args.minCompletion);
  for (const { path, percent } of incomplete) stderr(`archdoc: ${path}: ${percent}% complete, below --min-completion ${args.minCompletion}%.\n`);
  return failingFindings(files, args.failOn) > 0 || incomplete.length > 0 ? 1 : 0;
}
