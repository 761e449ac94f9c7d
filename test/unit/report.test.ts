import assert from 'node:assert/strict';
import { analyze, builtinTemplates, compileTemplate } from '../../src/core';
import { buildReportModel, cellDescription, type HistoryPoint, REPORT_TEXTS, renderHtmlReport, renderLegend, renderMarkdownReport, renderSummary, renderTables } from '../../src/report';

const TEMPLATE = compileTemplate(
  'service-design',
  '# Service Design\n\n## Context\n- **Problem**: \n- **Constraints**: \n\n## Decision\n- **Choice**: \n- **Reason**: \n\n## Risks & `<script>alert(1)</script>`\n- **Risk**: \n',
);
const templates = [TEMPLATE, ...builtinTemplates()];
const analyse = (text: string) => analyze(text, { templates });

const PARTIAL = '# Service Design\n\n## Context\n- **Problem**: slow pages\n- **Constraints**: one region\n\n## Decision\n- **Choice**: a cache\n- **Reason**: \n';
const UNSTARTED = '# Service Design\n\n## Context\n- **Problem**: \n- **Constraints**: \n\n## Decision\n- **Choice**: \n- **Reason**: \n\n## Risks & `<script>alert(1)</script>`\n- **Risk**: \n';

describe('report model', () => {
  it('makes one row per architecture document with a cell per top-level template section', () => {
    const model = buildReportModel(
      [
        { path: 'b/unstarted.md', analysis: analyse(UNSTARTED) },
        { path: 'a/partial.md', analysis: analyse(PARTIAL) },
        { path: 'notes.md', analysis: analyse('# Notes\n\n- **Owner**: \n') },
      ],
      templates,
    );
    assert.equal(model.groups.length, 1);
    const [group] = model.groups;
    assert.deepEqual(group.columns.map((column) => column.id).length, 3);
    assert.deepEqual(group.rows.map((row) => row.path), ['a/partial.md', 'b/unstarted.md']);
    const [partial, unstarted] = group.rows;
    assert.deepEqual(partial.cells.map((cell) => `${cell.state} ${cell.filled}/${cell.total}`), ['complete 2/2', 'partial 1/2', 'missing 0/1']);
    assert.deepEqual(unstarted.cells.map((cell) => cell.state), ['empty', 'empty', 'empty']);
    // The row's completion is the analysis's, as `archdoc check` reports it.
    const analysis = analyse(PARTIAL);
    assert.deepEqual([partial.filled, partial.total, partial.percent], [analysis.progress.filled, analysis.progress.total, 60]);
    assert.equal(partial.findings, analysis.findings.length);
    assert.deepEqual([model.documents, model.filled, model.total], [2, 3, 10]);
    // A cell opens its section's heading; a missing one where the section would be inserted.
    assert.deepEqual(partial.cells.map((cell) => cell.line), [3, 7, analysis.findings.find((f) => f.rule === 'missing-section')?.line]);
  });

  it('takes the columns from the document when its template is not loaded', () => {
    const model = buildReportModel([{ path: 'u.md', analysis: analyse(UNSTARTED) }], []);
    assert.deepEqual(model.groups[0].columns.map((column) => column.title), ['Context', 'Decision', 'Risks & <script>alert(1)</script>']);
    assert.equal(model.groups[0].templateTitle, 'service-design');
  });

  it('gives documents of different templates their own columns', () => {
    const korean = '# High Level 아키텍처 정의서\n\n## 1. 개요 (Executive Summary)\n- **목적**: 결제\n';
    const model = buildReportModel([{ path: 'k.md', analysis: analyse(korean) }, { path: 's.md', analysis: analyse(PARTIAL) }], templates);
    assert.deepEqual(model.groups.map((group) => group.templateId), ['service-design', 'high-level-architecture']);
    assert.equal(model.groups[1].columns.length, builtinTemplates()[0].topLevel.length);
    assert.equal(model.groups[1].columns[0].title, '1. 개요 (Executive Summary)');
    // A numbered section's header shows its number; the full title is there for hover and screen readers.
    assert.match(renderTables(model, { interactive: false }), /<th scope="col" class="section" title="1\. 개요 \(Executive Summary\)"><span aria-hidden="true">1<\/span><span class="visually-hidden">1\. 개요 \(Executive Summary\)<\/span><\/th>/u);
  });

  it('names a group by its template id when the template\'s title is a placeholder', () => {
    const adr = builtinTemplates().find((template) => template.id === 'adr');
    assert.match(adr?.title ?? '', /\{/u);
    const text = '---\nstatus: accepted\n---\n\n# Cache the pages\n\n## Context and Problem\n\nPages are slow.\n\n## Decision Drivers\n\n- speed\n\n## Considered Options\n\n- Page cache\n- Replica\n\n## Decision Outcome\n\nWe chose "Page cache", because it is fast.\n';
    const model = buildReportModel([{ path: 'adr.md', analysis: analyse(text) }], templates);
    assert.deepEqual(model.groups.map((group) => [group.templateId, group.templateTitle]), [['adr', 'adr']]);
  });
});

/** The report model of the partial document (with its link and history) and the unstarted one. */
function partialAndUnstarted(path: string, link: string, history: HistoryPoint[]) {
  return buildReportModel(
    [
      { path, analysis: analyse(PARTIAL), link, history },
      { path: 'docs/unstarted.md', analysis: analyse(UNSTARTED) },
    ],
    templates,
  );
}

describe('report renderers', () => {
  const history: HistoryPoint[] = [
    { commit: 'c3'.padEnd(40, '0'), date: '2026-03-01T10:00:00Z', filled: 3, total: 5 },
    { commit: 'c1'.padEnd(40, '0'), date: '2026-01-01T10:00:00Z', filled: 0, total: 5 },
    { commit: 'c2'.padEnd(40, '0'), date: '2026-02-01T10:00:00Z', filled: 1, total: 5 },
  ];
  const model = partialAndUnstarted('docs/<b>odd</b>.md', 'file:///w/docs/odd.md', history);

  it('keeps titles and paths as text in HTML (a heading with <script> stays text)', () => {
    const html = renderHtmlReport(model, { generatedAt: '2026-04-01 12:00 UTC' });
    assert.doesNotMatch(html, /<script/iu);
    assert.doesNotMatch(html, /<b>odd/u);
    assert.match(html, /Risks &amp; &lt;script&gt;alert\(1\)&lt;\/script&gt;/u);
    assert.match(html, /docs\/&lt;b&gt;odd&lt;\/b&gt;\.md/u);
  });

  it('writes a self-contained page: a table with headers, states and counts on each cell, no remote content', () => {
    const html = renderHtmlReport(model);
    assert.doesNotMatch(html, /(?:src|href)=["']?(?:https?:)?\/\//u);
    assert.match(html, /<table>/u);
    assert.match(html, /<th scope="col">Document<\/th><th scope="col">Completion<\/th>/u);
    assert.match(html, /<tr data-path="docs\/&lt;b&gt;odd&lt;\/b&gt;\.md" data-filled="3" data-total="5" data-percent="60">/u);
    assert.match(html, /class="cell state-complete" role="img" aria-label="Context: complete, 2 of 2 filled"/u);
    assert.match(html, /class="cell state-partial" role="img" aria-label="Decision: partial, 1 of 2 filled"/u);
    assert.match(html, /class="cell state-missing" role="img" aria-label="Risks &amp; &lt;script&gt;alert\(1\)&lt;\/script&gt;: missing section, 1 slot\(s\) to fill"/u);
    assert.equal((html.match(/class="cell state-empty"/gu) ?? []).length, 3);
    assert.match(html, /<rect class="fill" width="60" height="8"/u);
  });

  it('draws history oldest first, as a sparkline in the row and a chart with dates', () => {
    const html = renderHtmlReport(model);
    assert.match(html, /Completion over 3 commit\(s\): 0% on 2026-01-01, 60% on 2026-03-01/u);
    const sparkline = html.match(/<svg class="trend"[^]*?<polyline points="([^"]+)"/u);
    const ys = sparkline?.[1].split(' ').map((point) => Number(point.split(',')[1]));
    // Rising completion: each point higher (a smaller y) than the one before.
    assert.ok(ys && ys.length === 3 && ys[0] > ys[1] && ys[1] > ys[2], String(ys));
    assert.match(html, /<h2>Progress over time<\/h2>/u);
    assert.match(html, /<text class="axis"[^>]*>2026-01-01<\/text><text class="axis"[^>]*>2026-03-01<\/text>/u);
  });

  it('renders buttons carrying the document link and line in the editor', () => {
    const tables = renderTables(model, { interactive: true });
    assert.match(tables, /<button type="button" class="cell state-partial" data-link="file:\/\/\/w\/docs\/odd\.md" data-line="7" aria-label="Decision: partial, 1 of 2 filled"/u);
    // No link (not openable): no button.
    assert.doesNotMatch(tables, /data-path="docs\/unstarted\.md"[^\n]*<button/u);
  });

  it('renders Markdown with escaped cells and history in words', () => {
    const markdown = renderMarkdownReport(model);
    assert.match(markdown, /\| docs\/\\<b\\>odd\\<\/b\\>\.md \| 60% \(3\/5\) \| ✅ 2\/2 \| 🟡 1\/2 \| ❌ missing \| 0% → 60% \(3 commit\(s\)\) \|/u);
    assert.match(markdown, /Risks & \\<script\\>alert\(1\)\\<\/script\\>/u);
    assert.match(markdown, /2 architecture document\(s\), 3\/10 slots filled \(30%\)/u);
  });

  it('says so when there is no architecture document', () => {
    const empty = buildReportModel([], templates);
    assert.match(renderHtmlReport(empty), /No architecture documents found/u);
    assert.match(renderMarkdownReport(empty), /No architecture documents found/u);
  });
});

describe('report renderers in Korean', () => {
  const history: HistoryPoint[] = [
    { commit: 'c1'.padEnd(40, '0'), date: '2026-01-01T10:00:00Z', filled: 0, total: 5 },
    { commit: 'c2'.padEnd(40, '0'), date: '2026-03-01T10:00:00Z', filled: 3, total: 5 },
  ];
  const model = partialAndUnstarted('docs/partial.md', 'file:///w/docs/partial.md', history);
  /** Every English text of the table that a Korean report must not show (paths, titles and marks aside). */
  const ENGLISH = /document\(s\)|commit\(s\)|slot\(s\)|\bDocument\b|Completion|Over time|Progress over time|Legend|nothing to fill|missing section|\bof \d+ filled|slots filled|Generated|Architecture documents|\b(?:complete|partial|empty|missing)\b/u;
  /** A page's shown text and labels (not its style sheet or class names), without the document's own titles and paths. */
  const shownHtml = (html: string) =>
    html
      .replace(/<style>[^]*?<\/style>/u, '')
      .replace(/<[^>]*?(?:aria-label|title)="([^"]*)"[^>]*>/gu, ' $1 ')
      .replace(/<[^>]*>/gu, ' ')
      .replace(/Service Design|Risks &amp;|docs\/\w+\.md/gu, '');
  const shownMarkdown = (markdown: string) => markdown.replace(/Service Design|Context|Decision|Risks & \\<script\\>alert\(1\)\\<\/script\\>|docs\/\w+\.md/gu, '');

  it('writes the HTML page in Korean, with lang="ko"', () => {
    const html = renderHtmlReport(model, { locale: 'ko', generatedAt: '2026-04-01 12:00 UTC' });
    assert.match(html, /<html lang="ko">/u);
    assert.match(html, /<title>아키텍처 문서<\/title>/u);
    assert.match(html, /<p class="summary">아키텍처 문서 2개, 슬롯 3\/10개 채움 \(30%\)<\/p>/u);
    assert.match(html, /<ul class="legend" aria-label="범례"><li>[^]*완료<\/li><li>[^]*일부<\/li><li>[^]*비어 있음<\/li><li>[^]*누락<\/li><li>[^]*채울 항목 없음<\/li><\/ul>/u);
    assert.match(html, /<caption>Service Design: 문서 2개<\/caption>/u);
    assert.match(html, /<th scope="col">문서<\/th><th scope="col">작성률<\/th>/u);
    assert.match(html, /<th scope="col" class="trend-head">추이<\/th>/u);
    assert.match(html, /aria-label="Context: 완료, 2개 중 2개 채움"/u);
    assert.match(html, /aria-label="Decision: 일부, 2개 중 1개 채움"/u);
    assert.match(html, /aria-label="Risks &amp; &lt;script&gt;alert\(1\)&lt;\/script&gt;: 누락된 섹션, 채울 슬롯 1개"/u);
    assert.match(html, /커밋 2개의 작성률: 2026-01-01 0%, 2026-03-01 60%/u);
    assert.match(html, /<h2>작성률 추이<\/h2>/u);
    assert.match(html, /<p class="generated">2026-04-01 12:00 UTC에 archdoc으로 생성<\/p>/u);
    assert.doesNotMatch(shownHtml(html), ENGLISH);
    // The check itself sees the English page's texts.
    assert.match(shownHtml(renderHtmlReport(model, { generatedAt: '2026-04-01 12:00 UTC' })), ENGLISH);
  });

  it('renders the editor\'s tables, summary and legend in Korean', () => {
    const tables = renderTables(model, { interactive: true, locale: 'ko' });
    assert.match(tables, /<button type="button" class="cell state-partial" data-link="file:\/\/\/w\/docs\/partial\.md" data-line="7" aria-label="Decision: 일부, 2개 중 1개 채움"/u);
    assert.equal(renderSummary(model, 'ko'), '<p class="summary">아키텍처 문서 2개, 슬롯 3/10개 채움 (30%)</p>');
    assert.match(renderLegend('ko'), /aria-label="범례"/u);
    assert.equal(cellDescription(model.groups[0].rows[1].cells[0], 'ko'), 'Context: 비어 있음, 2개 중 0개 채움');
    assert.equal(renderTables(buildReportModel([], templates), { interactive: true, locale: 'ko' }), '<p class="empty-note">아키텍처 문서가 없습니다.</p>');
  });

  it('writes the Markdown report in Korean', () => {
    const markdown = renderMarkdownReport(model, { locale: 'ko' });
    assert.match(markdown, /^# 아키텍처 문서\n\n아키텍처 문서 2개, 슬롯 3\/10개 채움 \(30%\)\.\n/u);
    assert.match(markdown, /^\| 문서 \| 작성률 \| Context \| Decision \| Risks .* \| 추이 \|$/mu);
    assert.match(markdown, /\| docs\/partial\.md \| 60% \(3\/5\) \| ✅ 2\/2 \| 🟡 1\/2 \| ❌ 누락 \| 0% → 60% \(커밋 2개\) \|/u);
    assert.match(markdown, /^✅ 완료 · 🟡 일부 · ⭕ 비어 있음 · ❌ 누락 · · 채울 항목 없음$/mu);
    assert.doesNotMatch(shownMarkdown(markdown), ENGLISH);
    assert.match(shownMarkdown(renderMarkdownReport(model)), ENGLISH);
    assert.match(renderMarkdownReport(buildReportModel([], templates), { locale: 'ko' }), /^아키텍처 문서가 없습니다\.$/mu);
  });

  it('has the same texts in every language, and English by default', () => {
    assert.deepEqual(Object.keys(REPORT_TEXTS.ko).sort(), Object.keys(REPORT_TEXTS.en).sort());
    assert.deepEqual(Object.keys(REPORT_TEXTS.ko.check).sort(), Object.keys(REPORT_TEXTS.en.check).sort());
    assert.deepEqual(Object.keys(REPORT_TEXTS.ko.state).sort(), Object.keys(REPORT_TEXTS.en.state).sort());
    assert.equal(renderHtmlReport(model), renderHtmlReport(model, { locale: 'en' }));
    assert.match(renderHtmlReport(model), /<html lang="en">/u);
  });
});
