/**
 * `--format markdown`: a report for a pull request — a completion table with text bars, then the open items of each
 * document grouped by section. Long lists are cut ("… and N more") so that it fits a job summary and a comment.
 */
import { type Locale, progressPercent } from '../../core';
import { reportTexts } from '../texts';
import type { CheckedFile } from './check';
import { placeFindings } from './placed';

/** Rows of the completion table, least complete first. */
const MAX_DOCUMENTS = 50;
/** Open items listed for one document, and for the whole report. */
const MAX_ITEMS_PER_DOCUMENT = 20;
const MAX_ITEMS = 100;
const BAR_CELLS = 10;

export function formatMarkdown(files: readonly CheckedFile[], minCompletion?: number, locale?: Locale): string {
  const texts = reportTexts(locale);
  const open = files.reduce((sum, { analysis }) => sum + analysis.findings.length, 0);
  const out = [`### ${texts.check.heading(open, files.length)}`, ''];
  if (files.length === 0) return `${out.join('\n')}\n`;
  const byCompletion = [...files].sort((a, b) => progressPercent(a.analysis.progress) - progressPercent(b.analysis.progress) || a.path.localeCompare(b.path));
  out.push(`| ${texts.document} | ${texts.completion} | ${texts.check.open} |`, '| --- | --- | ---: |');
  for (const { path, analysis } of byCompletion.slice(0, MAX_DOCUMENTS)) {
    const percent = progressPercent(analysis.progress);
    const below = minCompletion !== undefined && percent < minCompletion ? ` ✗ ${texts.check.below(minCompletion)}` : '';
    out.push(`| ${code(path)} | \`${bar(percent)}\` ${percent}% (${analysis.progress.filled}/${analysis.progress.total})${below} | ${analysis.findings.length} |`);
  }
  if (files.length > MAX_DOCUMENTS) out.push('', texts.check.moreDocuments(files.length - MAX_DOCUMENTS));
  const withItems = byCompletion.filter(({ analysis }) => analysis.findings.length > 0);
  let budget = MAX_ITEMS;
  let listed = 0;
  for (const { path, analysis } of withItems) {
    if (budget === 0) break;
    const placed = placeFindings(analysis);
    const shown = placed.slice(0, Math.min(MAX_ITEMS_PER_DOCUMENT, budget));
    budget -= shown.length;
    listed++;
    out.push('', `<details><summary>${html(texts.check.openItems(path, placed.length))}</summary>`, '');
    const bySection = new Map<string, typeof shown>();
    for (const item of shown) bySection.set(item.section, [...(bySection.get(item.section) ?? []), item]);
    for (const [section, items] of bySection) {
      out.push(`**${text(section || texts.check.beforeFirstSection)}**`, '');
      for (const { finding } of items) out.push(`- ${texts.check.line(finding.line, text(finding.message))}`);
      out.push('');
    }
    if (placed.length > shown.length) out.push(texts.check.moreItems(placed.length - shown.length), '');
    out.push('</details>');
  }
  if (listed < withItems.length) out.push('', texts.check.moreDocumentsWithItems(withItems.length - listed));
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
