/**
 * Every text the reports show, per UI language: the HTML and Markdown overviews, the editor's overview, the preview
 * badges, `archdoc report`'s own line and `archdoc check --format markdown`. Counts and dates are arguments, so each
 * language words them itself. Pure TypeScript (the webview bundles it too).
 */
import type { Locale } from '../core/rules/messages';
import type { CellState } from './model';

export interface ReportTexts {
  /** The HTML `lang` attribute. */
  lang: string;
  /** A cell's state, in the legend and in a cell's description. */
  state: Record<CellState, string>;
  legend: string;
  /** The default title of a report. */
  title: string;
  document: string;
  completion: string;
  overTime: string;
  progressOverTime: string;
  noDocuments: string;
  /** The Markdown report's word in a missing section's cell (after ❌). */
  missingCell: string;
  summary(documents: number, filled: number, total: number, percent: number): string;
  /** A table's caption: the template and its number of documents. */
  caption(template: string, documents: number): string;
  cellMissing(title: string, total: number): string;
  cellFilled(title: string, state: string, filled: number, total: number): string;
  /** A preview badge's tooltip. */
  slotsFilled(filled: number, total: number): string;
  /** Completion over a history (chart and sparkline labels). */
  history(commits: number, first: { percent: number; day: string }, last: { percent: number; day: string }): string;
  /** The Markdown report's trend cell. */
  trend(first: number, last: number, commits: number): string;
  generated(at: string): string;
  /** `archdoc report -o FILE`'s line on stderr (after `archdoc: `). */
  wrote(file: string, documents: number, percent: number): string;
  /** `archdoc check --format markdown`. */
  check: {
    heading(open: number, documents: number): string;
    open: string;
    below(percent: number): string;
    moreDocuments(count: number): string;
    openItems(path: string, count: number): string;
    beforeFirstSection: string;
    line(line: number, message: string): string;
    moreItems(count: number): string;
    moreDocumentsWithItems(count: number): string;
  };
}

export const REPORT_TEXTS: Record<Locale, ReportTexts> = {
  en: {
    lang: 'en',
    state: { complete: 'complete', partial: 'partial', empty: 'empty', missing: 'missing', none: 'nothing to fill' },
    legend: 'Legend',
    title: 'Architecture documents',
    document: 'Document',
    completion: 'Completion',
    overTime: 'Over time',
    progressOverTime: 'Progress over time',
    noDocuments: 'No architecture documents found.',
    missingCell: 'missing',
    summary: (documents, filled, total, percent) => `${documents} architecture document(s), ${filled}/${total} slots filled (${percent}%)`,
    caption: (template, documents) => `${template}: ${documents} document(s)`,
    cellMissing: (title, total) => `${title}: missing section, ${total} slot(s) to fill`,
    cellFilled: (title, state, filled, total) => `${title}: ${state}, ${filled} of ${total} filled`,
    slotsFilled: (filled, total) => `${filled} of ${total} slots filled`,
    history: (commits, first, last) => `Completion over ${commits} commit(s): ${first.percent}% on ${first.day}, ${last.percent}% on ${last.day}`,
    trend: (first, last, commits) => `${first}% → ${last}% (${commits} commit(s))`,
    generated: (at) => `Generated ${at} by archdoc`,
    wrote: (file, documents, percent) => `wrote ${file} (${documents} architecture document(s), ${percent}% complete)`,
    check: {
      heading: (open, documents) => `archdoc: ${open} open item(s) in ${documents} architecture document(s)`,
      open: 'Open',
      below: (percent) => `below ${percent}%`,
      moreDocuments: (count) => `… and ${count} more document(s).`,
      openItems: (path, count) => `${path}: ${count} open item(s)`,
      beforeFirstSection: '(before the first section)',
      line: (line, message) => `line ${line}: ${message}`,
      moreItems: (count) => `… and ${count} more`,
      moreDocumentsWithItems: (count) => `… and the open items of ${count} more document(s).`,
    },
  },
  ko: {
    lang: 'ko',
    state: { complete: '완료', partial: '일부', empty: '비어 있음', missing: '누락', none: '채울 항목 없음' },
    legend: '범례',
    title: '아키텍처 문서',
    document: '문서',
    completion: '작성률',
    overTime: '추이',
    progressOverTime: '작성률 추이',
    noDocuments: '아키텍처 문서가 없습니다.',
    missingCell: '누락',
    summary: (documents, filled, total, percent) => `아키텍처 문서 ${documents}개, 슬롯 ${filled}/${total}개 채움 (${percent}%)`,
    caption: (template, documents) => `${template}: 문서 ${documents}개`,
    cellMissing: (title, total) => `${title}: 누락된 섹션, 채울 슬롯 ${total}개`,
    cellFilled: (title, state, filled, total) => `${title}: ${state}, ${total}개 중 ${filled}개 채움`,
    slotsFilled: (filled, total) => `슬롯 ${total}개 중 ${filled}개 채움`,
    history: (commits, first, last) => `커밋 ${commits}개의 작성률: ${first.day} ${first.percent}%, ${last.day} ${last.percent}%`,
    trend: (first, last, commits) => `${first}% → ${last}% (커밋 ${commits}개)`,
    generated: (at) => `${at}에 archdoc으로 생성`,
    wrote: (file, documents, percent) => `${file}에 보고서를 썼습니다 (아키텍처 문서 ${documents}개, 작성률 ${percent}%).`,
    check: {
      heading: (open, documents) => `archdoc: 아키텍처 문서 ${documents}개에 남은 항목 ${open}건`,
      open: '남은 항목',
      below: (percent) => `기준 ${percent}% 미달`,
      moreDocuments: (count) => `… 외 문서 ${count}개`,
      openItems: (path, count) => `${path}: 남은 항목 ${count}건`,
      beforeFirstSection: '(첫 섹션 앞)',
      line: (line, message) => `${line}행: ${message}`,
      moreItems: (count) => `… 외 ${count}건`,
      moreDocumentsWithItems: (count) => `… 외 문서 ${count}개의 남은 항목`,
    },
  },
};

/** The texts of a locale; English when none is given. */
export function reportTexts(locale: Locale = 'en'): ReportTexts {
  return REPORT_TEXTS[locale];
}
