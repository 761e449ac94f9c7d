/**
 * `--format markdown`: a report for a pull request — a completion table with text bars, then the open items of each
 * document grouped by section. Long lists are cut ("… and N more") so that it fits a job summary and a comment.
 */
import { progressPercent } from '../../core';
import type { CheckedFile } from '../format';
import { placeFindings } from '../placed';

/** Rows of the completion table, least complete first. */
const MAX_DOCUMENTS = 50;
/** Open items listed for one document, and for the whole report. */
const MAX_ITEMS_PER_DOCUMENT = 20;
const MAX_ITEMS = 100;
const BAR_CELLS = 10;

export function formatMarkdown(files: readonly CheckedFile[], minCompletion?: number): string {
  const open = files.reduce((sum, { analysis }) => sum + analysis.findings.length, 0);
  const out = [`### archdoc: ${open} open item(s) in ${files.length} architecture document(s)`, ''];
  if (files.length === 0) return `${out.join('\n')}\n`;
  const byCompletion = [...files].sort((a, b) => progressPercent(a.analysis.progress) - progressPercent(b.analysis.progress) || a.path.localeCompare(b.path));
  out.push('| Document | Completion | Open |', '| --- | --- | ---: |');
  for (const { path, analysis } of byCompletion.slice(0, MAX_DOCUMENTS)) {
    const percent = progressPercent(analysis.progress);
    const below = minCompletion !== undefined && percent < minCompletion ? ` ✗ below ${minCompletion}%` : '';
    out.push(`| ${code(path)} | \`${bar(percent)}\` ${percent}% (${analysis.progress.filled}/${analysis.progress.total})${below} | ${analysis.findings.length} |`);
  }
  if (files.length > MAX_DOCUMENTS) out.push('', `… and ${files.length - MAX_DOCUMENTS} more document(s).`);
  const withItems = byCompletion.filter(({ analysis }) => analysis.findings.length > 0);
  let budget = MAX_ITEMS;
  let listed = 0;
  for (const { path, analysis } of withItems) {
    if (budget === 0) break;
    const placed = placeFindings(analysis);
    const shown = placed.slice(0, Math.min(MAX_ITEMS_PER_DOCUMENT, budget));
    budget -= shown.length;
    listed++;
    out.push('', `<details><summary>${html(path)}: ${placed.length} open item(s)</summary>`, '');
    const bySection = new Map<string, typeof shown>();
    for (const item of shown) bySection.set(item.section, [...(bySection.get(item.section) ?? []), item]);
    for (const [section, items] of bySection) {
      out.push(`**${text(section || '(before the first section)')}**`, '');
      for (const { finding } of items) out.push(`- line ${finding.line}: ${text(finding.message)}`);
      out.push('');
    }
    if (placed.length > shown.length) out.push(`… and ${placed.length - shown.length} more`, '');
    out.push('</details>');
  }
  if (listed < withItems.length) out.push('', `… and the open items of ${withItems.length - listed} more document(s).`);
  return `${out.join('\n')}\n`;
}

function bar(percent: number): string {
  const full = Math.round((percent / 100) * BAR_CELLS);
  return `${'█'.repeat(full)}${'░'.repeat(BAR_CELLS - full)}`;
}

/** Document text in Markdown: every character that could start markup is escaped. */
function text(value: string): string {
  return value.replace(/[\\`*_[\]<>|~&]/gu, '\\$&');
}

function code(value: string): string {
  return `\`${value.replace(/`/gu, "'").replace(/\|/gu, '\\|')}\``;
}

function html(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
