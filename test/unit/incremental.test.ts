/**
 * Incremental parsing (issue 4): the assembled tree must equal a full parse, positions included, and the analysis
 * through the incremental parser must equal a full analysis. A seeded property test edits the project's documents and
 * built-in templates thousands of times (and the corpus documents, when ../shared is present); a few fixed cases pin the fall-backs and the cache's contract.
 *
 * Deterministic: set ARCHDOC_INCREMENTAL_SEED to try another seed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type Analysis, AnalysisCache, analyze, builtinTemplates, getParseCount, IncrementalParser, ONE_PARSE_CHUNK_LENGTH, parseMarkdown, type ParseResult } from '../../src/core';
import { corpusFiles, needsCorpus, projectDocuments, repoRoot, Rng } from './helpers';

const SEED = process.env.ARCHDOC_INCREMENTAL_SEED ? Number(process.env.ARCHDOC_INCREMENTAL_SEED) >>> 0 : 0x1c4e2025;
const context = { templates: builtinTemplates() };

interface Doc {
  name: string;
  text: string;
}

const documents: Doc[] = projectDocuments();
const corpusDocuments: Doc[] = [...corpusFiles('highlevel'), ...corpusFiles('templates')].map((file) => ({
  name: basename(file),
  text: readFileSync(file, 'utf8'),
}));


/** Lines with their line endings, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/gu) ?? [];
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

const isHeading = (line: string) => /^#{1,6}(?:[ \t]|\r|\n|$)/u.test(line);
const headingIndexes = (lines: readonly string[]) => lines.map((line, i) => (isHeading(line) ? i : -1)).filter((i) => i >= 0);

/** Lines that stress chunk boundaries: fences, HTML blocks, containers, setext underlines, tables, definitions. */
const LINES = [
  '',
  '',
  '   ',
  'Plain text 본문입니다.',
  '- **설명**: ',
  '- **클라우드 제공자**: Azure/AWS/GCP',
  '  - nested item',
  '1. ordered',
  '> quoted',
  '    indented code',
  '```',
  '```mermaid',
  '~~~~',
  '```js`',
  '<!-- comment',
  '-->',
  '<!-- archdoc-disable-next-line -->',
  '<pre>',
  '</pre>',
  '<div>',
  '<?php',
  '===',
  '---',
  '***',
  '| 항목 | 내용 |',
  '|------|------|',
  '|  |  |',
  '## 새 섹션',
  '### 2.2 비기능적 요구사항',
  '#',
  '#no-space',
  ' # indented heading',
  '[ref]: https://example.com',
  '[^1]: footnote',
  'See [text][ref] and [^1].',
  'https://example.com/autolink',
  '{문서명}: {파일 위치}',
  '...',
  '\t- tab item',
];

const CHARACTERS = ['a', '가', ' ', '#', '`', '~', '|', '-', '*', '>', '<', '!', '[', ']', ':', '\n', '\r', '\r\n', '\t', '\u0000', '=', '\\', '_'];

const FRONT_MATTER = '---\narchdoc: high-level-architecture\ntitle: test\n---\n';

type Edit = (text: string, rng: Rng, history: readonly string[]) => string;

function atLine(text: string, rng: Rng, insert: (lines: string[], index: number, eol: string) => void): string {
  const lines = splitLines(text);
  if (lines.length > 0 && !/[\r\n]$/u.test(lines[lines.length - 1])) lines[lines.length - 1] += eolOf(text);
  insert(lines, rng.int(lines.length + 1), eolOf(text));
  return lines.join('');
}

/** Changes the lines at a random heading (the text stays as it is when it has none). */
function atHeading(text: string, rng: Rng, change: (lines: string[], heading: number) => void): string {
  const lines = splitLines(text);
  const headings = headingIndexes(lines);
  if (headings.length === 0) return text;
  change(lines, rng.pick(headings));
  return lines.join('');
}

const EDITS: Array<[number, string, Edit]> = [
  [8, 'insert a line', (text, rng) => atLine(text, rng, (lines, i, eol) => lines.splice(i, 0, rng.pick(LINES) + eol))],
  [6, 'delete a line', (text, rng) => {
    const lines = splitLines(text);
    lines.splice(rng.int(lines.length), 1);
    return lines.join('');
  }],
  [10, 'type a character', (text, rng) => {
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + rng.pick(CHARACTERS) + text.slice(at);
  }],
  [4, 'type at a line end', (text, rng) => {
    const lines = splitLines(text);
    const i = rng.int(lines.length);
    if (lines.length === 0) return text + 'x';
    lines[i] = lines[i].replace(/(\r\n|\r|\n)?$/u, `${rng.pick(CHARACTERS.slice(0, 12))}$1`);
    return lines.join('');
  }],
  [4, 'delete a character', (text, rng) => {
    const at = rng.int(text.length);
    return text.slice(0, at) + text.slice(at + 1);
  }],
  [3, 'paste a section elsewhere', (text, rng) => {
    const lines = splitLines(text);
    const headings = headingIndexes(lines);
    if (headings.length === 0) return text;
    const from = rng.pick(headings);
    let to = from + 1;
    while (to < lines.length && !isHeading(lines[to]) && to - from < 40) to++;
    const section = lines.slice(from, to);
    if (section.length > 0 && !/[\r\n]$/u.test(section[section.length - 1])) section[section.length - 1] += eolOf(text);
    const at = rng.int(lines.length + 1);
    if (at === lines.length && lines.length > 0 && !/[\r\n]$/u.test(lines[at - 1])) lines[at - 1] += eolOf(text);
    lines.splice(at, 0, ...section);
    return lines.join('');
  }],
  [3, 'open a fence', (text, rng) => atLine(text, rng, (lines, i, eol) => lines.splice(i, 0, rng.pick(['```', '```mermaid', '~~~', '````']) + eol))],
  [2, 'open an HTML block', (text, rng) => atLine(text, rng, (lines, i, eol) => lines.splice(i, 0, rng.pick(['<!--', '<script>', '<![CDATA[', '<!DOCTYPE']) + eol))],
  [2, 'add a definition', (text, rng) =>
    atLine(text, rng, (lines, i, eol) => lines.splice(i, 0, rng.pick(['[ref]: https://example.com', '[^1]: note', '[Ref]:\n  /url "title"']) + eol))],
  [4, 'add a heading', (text, rng) =>
    atLine(text, rng, (lines, i, eol) => lines.splice(i, 0, ...(rng.next() < 0.5 ? [eol] : []), `${'#'.repeat(1 + rng.int(6))} 제목 ${rng.int(20)}${eol}`))],
  [4, 'remove or change a heading', (text, rng) => {
    const lines = splitLines(text);
    const headings = headingIndexes(lines);
    if (headings.length === 0) return text;
    const i = rng.pick(headings);
    const change = rng.int(4);
    if (change === 0) lines[i] = lines[i].replace(/^#+[ \t]*/u, '');
    else if (change === 1) lines[i] = `#${lines[i]}`;
    else if (change === 2) lines[i] = lines[i].slice(1);
    else lines.splice(i, 1);
    return lines.join('');
  }],
  [3, 'remove or add a blank line before a heading', (text, rng) => {
    const lines = splitLines(text);
    const headings = lines.map((line, i) => (isHeading(line) && i > 0 ? i : -1)).filter((i) => i >= 0);
    if (headings.length === 0) return text;
    const i = rng.pick(headings);
    if (/^[ \t]*[\r\n]*$/u.test(lines[i - 1])) lines.splice(i - 1, 1);
    else lines.splice(i, 0, eolOf(text));
    return lines.join('');
  }],
  [2, 'indent or nest a line', (text, rng) => {
    const lines = splitLines(text);
    const i = rng.int(lines.length);
    if (lines.length === 0) return text;
    lines[i] = rng.pick(['  ', '    ', '> ', '- ', '1. ', '\t']) + lines[i];
    return lines.join('');
  }],
  [2, 'change line endings', (text, rng) => {
    const kind = rng.int(4);
    if (kind === 0) return text.replace(/\r\n|\r|\n/gu, '\r\n');
    if (kind === 1) return text.replace(/\r\n|\r/gu, '\n');
    const lines = splitLines(text);
    const i = rng.int(lines.length);
    if (lines.length === 0) return text;
    lines[i] = lines[i].replace(/(?:\r\n|\r|\n)$/u, kind === 2 ? '\r' : '\r\n');
    return lines.join('');
  }],
  [2, 'toggle front matter', (text, rng) => {
    if (text.startsWith('---')) {
      const lines = splitLines(text);
      // Remove it, or break its closing fence, or edit inside it.
      const change = rng.int(3);
      if (change === 0) return text.replace(/^---[\s\S]*?\n---\r?\n/u, '');
      if (change === 1) return text.replace(/\n---(\r?\n)/u, '\n--- x$1');
      lines.splice(1, 0, rng.pick(['# comment', 'key: value', '']) + eolOf(text));
      return lines.join('');
    }
    return FRONT_MATTER + (rng.next() < 0.5 ? '\n# in front\n\n' : '') + text;
  }],
  [1, 'toggle a byte order mark', (text) => (text.startsWith('\uFEFF') ? text.slice(1) : `\uFEFF${text}`)],
  [3, 'move a heading', (text, rng) => atHeading(text, rng, (lines, from) => {
    const [heading] = lines.splice(from, 1);
    const at = rng.int(lines.length + 1);
    lines.splice(at, 0, ...(rng.next() < 0.7 ? [eolOf(text)] : []), /[\r\n]$/u.test(heading) ? heading : heading + eolOf(text));
  })],
  [3, 'move or remove a whole section', (text, rng) => atHeading(text, rng, (lines, from) => {
    const level = /^#+/u.exec(lines[from])![0].length;
    let to = from + 1;
    while (to < lines.length && !(isHeading(lines[to]) && /^#+/u.exec(lines[to])![0].length <= level)) to++;
    const section = lines.splice(from, to - from);
    if (rng.next() < 0.4) return;
    if (section.length > 0 && !/[\r\n]$/u.test(section[section.length - 1])) section[section.length - 1] += eolOf(text);
    const targets = headingIndexes(lines);
    const at = targets.length > 0 && rng.next() < 0.8 ? rng.pick(targets) : rng.int(lines.length + 1);
    if (at === lines.length && lines.length > 0 && !/[\r\n]$/u.test(lines[at - 1])) lines[at - 1] += eolOf(text);
    lines.splice(at, 0, ...section);
  })],
  [3, 'renumber or retitle a heading', (text, rng) => atHeading(text, rng, (lines, i) => {
    const title = rng.pick(['1. 개요 (Executive Summary)', '2.2 비기능 요구사항 (NFRs)', '4.1 시스템 컨텍스트 다이어그램', '9. 운영', 'Context and Scope', '문서 이력', '7.3 Extra']);
    lines[i] = rng.next() < 0.5 ? lines[i].replace(/\d+(?:\.\d+)*\.?/u, `${1 + rng.int(20)}.`) : lines[i].replace(/^(#+[ \t]*).*?(\r\n|\r|\n)?$/u, `$1${title}$2`);
  })],
  [2, 'undo to an earlier version', (text, rng, history) => (history.length > 0 ? history[history.length - 1 - rng.int(Math.min(history.length, 5))] : text)],
];

const TOTAL_WEIGHT = EDITS.reduce((sum, [weight]) => sum + weight, 0);

function pickEdit(rng: Rng): [string, Edit] {
  let roll = rng.int(TOTAL_WEIGHT);
  for (const [weight, name, edit] of EDITS) {
    if (roll < weight) return [name, edit];
    roll -= weight;
  }
  throw new Error('unreachable');
}

/** Path and values of the first difference between two plain values (for a readable failure). */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path || '(top)'}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (!(key in a) || !(key in b)) return `${path}.${key}: present on one side only`;
    const difference = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return undefined;
}

interface Stats {
  versions: number;
  fallbacks: Map<string, number>;
  chunksReparsed: number;
  chunks: number;
}

/**
 * Compares one version both ways — the incremental parse with a full parse, and the analysis through the cache (the
 * parser and the per-section memo of the earlier versions) with a full analysis; throws with a replayable
 * description on any difference.
 */
function compare(text: string, parser: IncrementalParser, cache: AnalysisCache, version: number, stats: Stats, describe: () => string): void {
  const full = parseMarkdown(text);
  const incremental = parser.parse(text);
  stats.versions++;
  stats.chunks += parser.lastChunkCount;
  stats.chunksReparsed += parser.lastReparsedChunks;
  if (parser.lastFallbackReason) stats.fallbacks.set(parser.lastFallbackReason, (stats.fallbacks.get(parser.lastFallbackReason) ?? 0) + 1);
  if (!isDeepStrictEqual(incremental, full)) {
    assert.fail(`tree differs at ${firstDifference(incremental, full)}\n${describe()}\ntext: ${JSON.stringify(text.slice(0, 3000))}`);
  }
  const expected: Analysis = analyze(text, context, (body): ParseResult => (body === text ? full : parseMarkdown(body)));
  const actual = cache.analyze('file:///edited.md', version, text, context);
  if (!isDeepStrictEqual(actual, expected)) {
    assert.fail(`analysis differs at ${firstDifference(actual, expected)}\n${describe()}`);
  }
  // A one-off analysis parses longer chunks: every few versions, the same again that way.
  if (version % 5 === 0) {
    const once = analyze(text, context);
    if (!isDeepStrictEqual(once, expected)) assert.fail(`one-off analysis differs at ${firstDifference(once, expected)}\n${describe()}`);
  }
}

/** A sequence of random edits on one document, each version compared. */
function editSession(doc: Doc, start: string, edits: number, rng: Rng, stats: Stats): void {
  const parser = new IncrementalParser();
  const cache = new AnalysisCache();
  const history: string[] = [];
  const log: string[] = [];
  let text = start;
  const describe = () => `seed ${SEED}, ${doc.name}, edits: ${log.join(' → ')}`;
  compare(text, parser, cache, 0, stats, describe);
  for (let step = 0; step < edits; step++) {
    const [name, edit] = pickEdit(rng);
    history.push(text);
    text = edit(text, rng, history);
    // Keep documents from growing without bound (repeated pastes).
    if (text.length > start.length * 2 + 4000) text = start;
    log.push(name);
    compare(text, parser, cache, step + 1, stats, describe);
  }
}

/** A few consecutive sections of a document behind its title: small, so that thousands of edits stay fast. */
function excerpt(doc: Doc, rng: Rng): string {
  const lines = splitLines(doc.text);
  const title = lines.find((line) => /^# /u.test(line)) ?? '# High Level 아키텍처 정의서\n';
  const headings = headingIndexes(lines);
  const from = headings.length > 0 ? rng.pick(headings) : 0;
  const length = 15 + rng.int(60);
  return `${title.replace(/[\r\n]*$/u, '')}${eolOf(doc.text)}${eolOf(doc.text)}${lines.slice(from, from + length).join('')}`;
}

describe('incremental parsing', function () {
  // Thousands of full analyses: minutes when the CPU is shared (CI machines, parallel jobs).
  this.timeout(600_000);

  /** Whole documents, a few edits each, then many short sessions of many edits on excerpts of them. */
  function editDocuments(docs: readonly Doc[], seed: number, sessions: number): number {
    const rng = new Rng(seed);
    const stats: Stats = { versions: 0, fallbacks: new Map(), chunksReparsed: 0, chunks: 0 };
    const started = Date.now();
    for (const doc of docs) editSession(doc, doc.text, 6, rng, stats);
    for (let session = 0; session < sessions; session++) {
      const doc = docs[session % docs.length];
      editSession(doc, excerpt(doc, rng), 25, rng, stats);
    }
    const fallbacks = [...stats.fallbacks].map(([reason, count]) => `${reason} ${count}`).join(', ');
    console.log(
      `      ${stats.versions} versions compared in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `${stats.chunksReparsed} of ${stats.chunks} chunks re-parsed; full-parse fall-backs: ${fallbacks || 'none'}`,
    );
    return stats.versions;
  }

  it('equals a full parse and a full analysis under thousands of random edits', () => {
    assert.ok(editDocuments(documents, SEED, 120) >= 3000);
  });

  it('equals a full parse and a full analysis under random edits of every corpus document', function () {
    needsCorpus(this);
    assert.ok(editDocuments(corpusDocuments, SEED ^ 0x9e3779b9, corpusDocuments.length) >= corpusDocuments.length * 25);
  });

  it('re-parses only the edited chunk after a one-line edit', () => {
    const text = readFileSync(join(repoRoot, 'test/fixtures/blind/filled-ko.md'), 'utf8');
    const parser = new IncrementalParser();
    parser.parse(text);
    assert.ok(parser.lastChunkCount > 50, `${parser.lastChunkCount} chunks`);
    const lines = splitLines(text);
    const edited = lines.map((line, i) => (i === 400 ? line.replace(/(\r?\n)?$/u, 'x$1') : line)).join('');
    const before = getParseCount();
    const result = parser.parse(edited);
    assert.equal(getParseCount() - before, 1);
    assert.equal(parser.lastReparsedChunks, 1);
    assert.equal(parser.lastWasFull, false);
    assert.deepStrictEqual(result, parseMarkdown(edited));
  });

  it('equals a full parse with longer chunks, as a parser used once parses', () => {
    const texts = [...documents, ...corpusDocuments].map((doc) => doc.text);
    let multiChunk = 0;
    for (const text of texts) {
      const full = parseMarkdown(text);
      for (const minChunkLength of [1, 300, ONE_PARSE_CHUNK_LENGTH]) {
        const parser = new IncrementalParser({ minChunkLength });
        assert.deepStrictEqual(parser.parse(text), full);
        if (parser.lastChunkCount > 1) multiChunk++;
      }
    }
    assert.ok(multiChunk > texts.length, `${multiChunk} parses in more than one chunk`);
  });

  const cases: Array<[string, string, string | undefined]> = [
    ['a definition used across chunks', '# A\n\n[x][ref]\n\n## B\n\n[ref]: https://example.com\n', 'definitions'],
    ['a footnote used across chunks', '# A\n\nText[^1]\n\n## B\n\n[^1]: note\n', 'definitions'],
    ['an unclosed fence before a heading', '# A\n\n```\ncode\n\n# not a heading\n\n## B\n', undefined],
    ['a fence the scanner misreads', '# A\n\n- item\n\n  ```\n  code\n# H\n```\n\n# inside\n\ntext\n', 'open block at a boundary'],
    ['an unclosed comment before a heading', '# A\n\n<!-- open\n\n# inside\n\n## B\n', undefined],
    ['a list before a heading', '# A\n\n- a\n\n  b\n\n# B\n\n- c\n', undefined],
    ['a heading right after a paragraph', '# A\ntext\n# B\n===\n', undefined],
    ['front matter with a # line', '---\ntitle: x\n\n# not a heading\n---\n\n# A\n', undefined],
    ['unclosed front matter', '---\ntitle: x\n\n# A\n\ntext\n', undefined],
    ['CRLF and lone CR', '# A\r\n\r\ntext\r\r# B\r\n\r\n| a |\r\n| - |\r\n\r\n# C', undefined],
    ['a byte order mark', '\uFEFF# A\n\ntext\n\n# B\n', undefined],
    ['a byte order mark before front matter', '\uFEFF---\na: 1\n---\n\n# A\n\n# B\n', undefined],
    ['the same section twice', '# A\n\n## B\n\nx\n\n## B\n\nx\n', undefined],
    ['an empty text', '', undefined],
  ];
  for (const [name, text, fallback] of cases) {
    it(`equals a full parse: ${name}`, () => {
      const parser = new IncrementalParser();
      assert.deepStrictEqual(parser.parse(text), parseMarkdown(text));
      assert.equal(parser.lastFallbackReason, fallback);
    });
  }
});

describe('analysis cache', () => {
  const text = documents[0].text;

  it('analyses each version once, however many features ask', () => {
    const cache = new AnalysisCache();
    const first = cache.analyze('file:///a.md', 1, text, context);
    for (let i = 0; i < 4; i++) assert.equal(cache.analyze('file:///a.md', 1, text, context), first);
    assert.equal(cache.parses, 1);
    const edited = `${text}\nmore`;
    const second = cache.analyze('file:///a.md', 2, edited, context);
    assert.equal(cache.analyze('file:///a.md', 2, edited, context), second);
    assert.equal(cache.parses, 2);
    assert.deepStrictEqual(second, analyze(edited, context));
  });

  it('analyses again for new settings, and forgets a closed document', () => {
    const cache = new AnalysisCache();
    cache.analyze('file:///a.md', 1, text, context);
    const english = { ...context, locale: 'ko' as const };
    cache.analyze('file:///a.md', 1, text, english);
    assert.equal(cache.parses, 2);
    cache.forget('file:///a.md');
    cache.analyze('file:///a.md', 1, text, english);
    assert.equal(cache.parses, 3);
  });
});

describe('analysis in slices', function () {
  // Several analyses of a large document: seconds when the CPU is shared.
  this.timeout(120_000);
  const text = readFileSync(join(repoRoot, 'test/fixtures/blind/filled-ko.md'), 'utf8');
  const uri = 'file:///large.md';

  /** A pause the test releases by hand, counting how often the analysis handed the thread back. */
  function manualPause() {
    const waiting: Array<() => void> = [];
    return {
      waiting,
      pause: () => new Promise<void>((resolve) => waiting.push(resolve)),
      release: async () => {
        waiting.shift()?.();
        await new Promise((resolve) => setImmediate(resolve));
      },
    };
  }

  it('hands the thread back between steps and ends with the analysis made at once', async () => {
    const cache = new AnalysisCache();
    let pauses = 0;
    const sliced = await cache.analyzeInSlices(uri, 1, text, context, { sliceMs: 0, pause: async () => void pauses++ });
    assert.ok(pauses > 100, `${pauses} pauses`);
    assert.deepStrictEqual(sliced, analyze(text, context));
    assert.equal(cache.analyze(uri, 1, text, context), sliced, 'the version is analysed once');
    assert.equal(cache.parses, 1);
  });

  it('asked for at once while slicing, finishes that very run: one analysis, one parse', async () => {
    const cache = new AnalysisCache();
    const manual = manualPause();
    const sliced = cache.analyzeInSlices(uri, 1, text, context, { sliceMs: 0, pause: manual.pause });
    await manual.release();
    await manual.release();
    assert.equal(cache.analysed(uri, 1, text, context), undefined, 'not done yet');
    const now = cache.analyze(uri, 1, text, context);
    manual.waiting.forEach((resolve) => resolve());
    assert.equal(await sliced, now);
    assert.equal(cache.parses, 1);
    assert.deepStrictEqual(now, analyze(text, context));
  });

  it('a newer version abandons the run, reusing the chunks it had parsed', async () => {
    const cache = new AnalysisCache();
    const manual = manualPause();
    const sliced = cache.analyzeInSlices(uri, 1, text, context, { sliceMs: 0, pause: manual.pause });
    for (let i = 0; i < 40; i++) await manual.release();
    const parsedBefore = cache.chunkParses;
    const edited = `${text}\nmore text\n`;
    const newer = cache.analyze(uri, 2, edited, context);
    manual.waiting.forEach((resolve) => resolve());
    assert.equal(await sliced, undefined, 'the older version is no longer wanted');
    assert.deepStrictEqual(newer, analyze(edited, context));
    const parser = new IncrementalParser();
    parser.parse(edited);
    assert.ok(cache.chunkParses - parsedBefore < parser.lastChunkCount - 20, `${cache.chunkParses - parsedBefore} of ${parser.lastChunkCount} chunks parsed again`);
    assert.equal(cache.latest(uri), newer);
  });
});
