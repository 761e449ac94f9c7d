/**
 * The one count every surface shows for a document: its open findings, the entries of the Problems panel, of the
 * completeness tree and of next/previous slot. The percentage is the share of the template's slots filled.
 */
import { progressPercent } from './fileReport';
import type { Analysis } from '../analysis/types';

export interface DocumentSummary {
  /** Share of slots filled, 0–100, rounded down. */
  percent: number;
  /** Open findings. */
  open: number;
}

export function documentSummary(analysis: Analysis): DocumentSummary {
  return { percent: progressPercent(analysis.progress), open: analysis.findings.length };
}
