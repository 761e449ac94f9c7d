// The performance budgets of SPEC §5 / issue 4, measured on every corpus document and the canonical template:
// bare remark parse, full analysis, incremental re-analysis after a one-line edit, and markdownlint (all default
// rules) on the same text. Prints a table, the budgets on doc 06, and last a line of JSON with the ratios
// (medians over the documents). Usage: node scripts/bench.mjs [--runs N] [--positions N]
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { lint } from 'markdownlint/sync';

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = Math.max(5, option('runs', 9));
const WARMUP = 2;
const POSITIONS = Math.max(20, option('positions', 24));
const TYPED = 100;

// The engine is TypeScript: bundle it once (the same way the extension is bundled) and import it.
const outfile = resolve('out/bench/core.cjs');
await build({
  entryPoints: ['src/core/index.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile,
  loader: { '.md': 'text' },
  define: { ARCHDOC_VERSION: '"bench"' },
  logLevel: 'warning',
});
const { AnalysisCache, IncrementalParser, analyze, analyzeParsed, builtinTemplates, parseMarkdown } = createRequire(import.meta.url)(outfile);

const corpus = resolve('../shared/corpus');
const documents = [
  ...readdirSync(join(corpus, 'highlevel')).filter((name) => name.endsWith('.md')).sort().map((name) => join(corpus, 'highlevel', name)),
  join(corpus, 'templates', 'T0-highlevel-architecture-template.md'),
].map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') }));
const context = { templates: builtinTemplates() };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const time = (fn) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

/** Median over RUNS runs after WARMUP runs; the measured functions take turns so that drift hits them alike. */
function measure(fns) {
  for (let i = 0; i < WARMUP; i++) fns.forEach((fn) => fn());
  const samples = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) fns.forEach((fn, j) => samples[j].push(time(fn)));
  return samples.map(median);
}

const lines = (text) => text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/gu) ?? [];
const isFenceLine = (line) => /^\s*(?:`{3,}|~{3,})/u.test(line);

/**
 * One-line edits spread evenly over the document: a character typed at the end of the line. Fence delimiter
 * lines are skipped (to the next line): typing there unbalances every later fence, which re-parses the rest of the
 * document by design.
 */
function editedVersions(text) {
  const all = lines(text);
  const versions = [];
  for (let k = 0; k < POSITIONS; k++) {
    let index = Math.floor(((k + 0.5) * all.length) / POSITIONS);
    while (index < all.length - 1 && isFenceLine(all[index])) index++;
    const copy = [...all];
    copy[index] = copy[index].replace(/(\r\n|\r|\n)?$/u, 'x$1');
    versions.push({ line: index + 1, text: copy.join('') });
  }
  return versions;
}

/** Re-analysis of each edited version with the parser warmed on the original; median and worst over positions. */
function incremental(text) {
  const parser = new IncrementalParser();
  const viaParser = (body) => parser.parse(body);
  parser.parse(text);
  const perPosition = [];
  let chunks = 0;
  for (const version of editedVersions(text)) {
    const samples = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      parser.parse(text); // warm: the cache holds the previous version
      const ms = time(() => analyze(version.text, context, viaParser));
      if (i >= WARMUP) samples.push(ms);
      chunks = Math.max(chunks, parser.lastWasFull ? Infinity : parser.lastReparsedChunks);
    }
    perPosition.push(median(samples));
  }
  return { median: median(perPosition), worst: Math.max(...perPosition), maxChunks: chunks };
}

function markdownlint(text) {
  const result = lint({ strings: { doc: text } });
  return result.doc.length;
}

const rows = [];
for (const doc of documents) {
  const parsed = parseMarkdown(doc.text);
  const [parse, full, rules, mdl] = measure([
    () => parseMarkdown(doc.text),
    () => analyze(doc.text, context),
    () => analyzeParsed(doc.text, parsed, context), // the analysis alone, on a ready tree: its share of `analyze`
    () => markdownlint(doc.text),
  ]);
  const inc = incremental(doc.text);
  rows.push({ name: doc.name, kb: doc.text.length / 1024, parse, full, rules, mdl, inc });
}

const fixed = (value, digits = 1) => value.toFixed(digits);
const header = ['document', 'KB', 'parse ms', 'analyze ms', 'of which rules ms', '÷parse', 'incr med ms', 'incr worst ms', '÷full med', '÷full worst', 'chunks', 'markdownlint ms', 'ours÷mdl'];
const table = rows.map((row) => [
  row.name.slice(0, 38),
  fixed(row.kb),
  fixed(row.parse),
  fixed(row.full),
  fixed(row.rules, 2),
  fixed(row.full / row.parse, 3),
  fixed(row.inc.median, 2),
  fixed(row.inc.worst, 2),
  fixed(row.inc.median / row.full, 3),
  fixed(row.inc.worst / row.full, 3),
  String(row.inc.maxChunks),
  fixed(row.mdl),
  fixed(row.full / row.mdl, 3),
]);
const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i].length)));
const format = (cells) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
console.log(`Runs: median of ${RUNS} after ${WARMUP} warm-up; incremental: ${POSITIONS} one-line edits per document (a character typed at a line end).`);
console.log(format(header));
console.log(`|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
table.forEach((cells) => console.log(format(cells)));

// A typing session on doc 06 against the document model: 100 versions, each asked for by five features.
const doc06 = documents.find((doc) => doc.name.startsWith('06-'));
const cache = new AnalysisCache();
let typed = doc06.text;
let cursor = lines(typed).slice(0, 500).join('').length - 1; // end of line 500
cache.analyze('file:///06.md', 0, typed, context);
const parsesBefore = cache.parses;
const chunkParsesBefore = cache.chunkParses;
for (let version = 1; version <= TYPED; version++) {
  typed = typed.slice(0, cursor) + 'abc def '[version % 8] + typed.slice(cursor);
  cursor++;
  for (const feature of ['tree', 'diagnostics', 'status bar', 'completion', 'code actions']) {
    void feature;
    cache.analyze('file:///06.md', version, typed, context);
  }
}
const parsesPerVersion = (cache.parses - parsesBefore) / TYPED;
const chunkParsesPerVersion = (cache.chunkParses - chunkParsesBefore) / TYPED;
console.log(`Typing session on doc 06: ${TYPED} versions × 5 features → ${parsesPerVersion} parse(s) per version (${chunkParsesPerVersion} chunk parse(s) per version).`);

const row06 = rows.find((row) => row.name.startsWith('06-'));
const budgets = [
  ['incremental median ≤ 0.10× full analysis', row06.inc.median / row06.full, 0.1],
  ['incremental worst ≤ 0.25× full analysis', row06.inc.worst / row06.full, 0.25],
  ['full analysis ≤ 1.15× bare parse', row06.full / row06.parse, 1.15],
  ['full analysis ≤ markdownlint', row06.full / row06.mdl, 1],
  ['parses per version = 1', parsesPerVersion, 1],
];
for (const [title, value, limit] of budgets) console.log(`doc 06: ${title}: ${fixed(value, 3)} ${value <= limit ? 'ok' : 'OVER BUDGET'}`);

console.log(
  JSON.stringify({
    analyzeOverParse: Number(fixed(median(rows.map((row) => row.full / row.parse)), 3)),
    incrementalOverFullMedian: Number(fixed(median(rows.map((row) => row.inc.median / row.full)), 3)),
    incrementalOverFullWorst: Number(fixed(median(rows.map((row) => row.inc.worst / row.full)), 3)),
    oursOverMarkdownlint: Number(fixed(median(rows.map((row) => row.full / row.mdl)), 3)),
    parsesPerVersion,
  }),
);
