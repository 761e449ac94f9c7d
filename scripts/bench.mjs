// The performance budgets, measured on every corpus document, the canonical template and a 224 KB document built
// from doc 06 (its body four times, sections renumbered): bare remark parse, full analysis, incremental re-analysis
// after a one-line edit, and markdownlint (all default rules) on the same text. Then the longest synchronous slice
// while opening and typing in the large document (through AnalysisCache, as the extension does), and section
// matching at 1,000 and 4,000 headings. Prints a table, the budgets, and last a line of JSON with the ratios
// (medians over the corpus documents). Usage: node scripts/bench.mjs [--runs N] [--positions N]
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { lint } from 'markdownlint/sync';
import { spawnSync } from 'node:child_process';
import { serverIncremental, startupAgainstCheck } from './lib/bench-lsp.mjs';

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
const { AnalysisCache, analyze, analyzeParsed, builtinTemplates, compileTemplate, parseMarkdown } = createRequire(import.meta.url)(outfile);

const corpus = resolve('../shared/corpus');
const hasCorpus = existsSync(corpus);
const documents = hasCorpus
  ? [
      ...readdirSync(join(corpus, 'highlevel')).filter((name) => name.endsWith('.md')).sort().map((name) => join(corpus, 'highlevel', name)),
      join(corpus, 'templates', 'T0-highlevel-architecture-template.md'),
    ].map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') }))
  : [{ name: 'samples/architecture.md', text: readFileSync('samples/architecture.md', 'utf8') }];
const context = { templates: builtinTemplates() };
const LARGE_BYTES = 224 * 1024;

/**
 * A large document from a real one: its body (from the first `## `) repeated until it is about 224 KB (doc 06: four
 * times), every copy's section numbers moved past the previous copy's, so that each copy is new sections.
 */
function enlarge(source) {
  const all = lines(source);
  const first = all.findIndex((line) => line.startsWith('## '));
  const head = all.slice(0, first).join('');
  const body = all.slice(first);
  const topNumbers = body.map((line) => /^## (\d+)\./u.exec(line)?.[1]).filter(Boolean).map(Number);
  const step = Math.max(0, ...topNumbers);
  const copies = Math.max(1, Math.round((LARGE_BYTES - Buffer.byteLength(head)) / Buffer.byteLength(body.join(''))));
  let text = head;
  for (let copy = 0; copy < copies; copy++) {
    for (const line of body) text += line.replace(/^(#{2,6} )(\d+)(?=\.)/u, (_, hashes, number) => hashes + (Number(number) + copy * step));
    if (!/\n$/u.test(text)) text += '\n';
  }
  return text;
}

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
const base = documents.find((doc) => doc.name.startsWith('06-')) ?? documents[0];
const large = { name: `${base.name.slice(0, 2)} ×${Math.round(LARGE_BYTES / Buffer.byteLength(base.text))} (large)`, text: enlarge(base.text), large: true };
documents.push(large);

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

/**
 * Re-analysis of each edited version through the engine's AnalysisCache (as the editor does), warmed on the original
 * before every sample; median and worst over positions, and the most chunks parsed for one version.
 */
function incremental(text) {
  const cache = new AnalysisCache();
  let version = 0;
  cache.analyze('bench', version++, text, context);
  const perPosition = [];
  let chunks = 0;
  for (const edited of editedVersions(text)) {
    const samples = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      cache.analyze('bench', version++, text, context); // warm: the cache holds the previous version
      const before = cache.chunkParses;
      const ms = time(() => cache.analyze('bench', version++, edited.text, context));
      if (i >= WARMUP) samples.push(ms);
      chunks = Math.max(chunks, cache.chunkParses - before);
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
  rows.push({ name: doc.name, kb: Buffer.byteLength(doc.text) / 1024, parse, full, rules, mdl, inc, large: doc.large });
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
const doc06 = documents.find((doc) => doc.name.startsWith('06-')) ?? documents[0];
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

/**
 * Opening the large document and typing in it, through AnalysisCache as the extension host does: the first analysis
 * in slices (the host's default slice length; the pause is timed here), then each keystroke's version analysed at
 * once, as completion asks for it. Returns the longest synchronous run of each.
 */
async function hostSlices(text) {
  const host = new AnalysisCache();
  const opening = [];
  let sliceStart = 0;
  const pause = () => {
    opening.push(performance.now() - sliceStart);
    return new Promise((done) => setTimeout(done, 0)).then(() => {
      sliceStart = performance.now();
    });
  };
  const openStart = performance.now();
  sliceStart = openStart;
  await host.analyzeInSlices('file:///large.md', 0, text, context, { pause });
  opening.push(performance.now() - sliceStart);
  const openMs = performance.now() - openStart;
  const typing = [];
  let current = text;
  const at = Math.floor(current.length / 2);
  let cursor = current.indexOf('\n', at);
  for (let version = 1; version <= 30; version++) {
    current = current.slice(0, cursor) + 'abc def '[version % 8] + current.slice(cursor);
    cursor++;
    typing.push(time(() => host.analyze('file:///large.md', version, current, context)));
  }
  return { open: Math.max(...opening), slices: opening.length, openMs, typing: Math.max(...typing) };
}
const largeRow = rows.find((row) => row.large);
const slices = await hostSlices(large.text);
console.log(
  `Large document (${fixed(largeRow.kb)} KB) in the host: opened in ${slices.slices} slices over ${fixed(slices.openMs)} ms, longest ${fixed(slices.open)} ms; ` +
    `longest keystroke analysis ${fixed(slices.typing)} ms.`,
);

/**
 * A template of `n` headings (numbered chapters of ten sections, each with a field) and a document written from
 * it: most titles kept, some renamed, some left out, some added. Titles are alike on purpose (`Topic abc design`),
 * so that similarity matching has work to do. Names have three letters and chapters three digits at every size, so
 * that four times the headings is four times the text, and the ratio measures the headings alone.
 */
function scaledPair(n) {
  const words = ['design', 'runtime', 'storage', 'network', 'security', 'delivery', 'quality', 'interface', 'operation', 'capacity'];
  const name = (i) => `Topic ${(i + 26 * 26).toString(26).replace(/./gu, (digit) => String.fromCharCode(97 + parseInt(digit, 26)))} ${words[i % words.length]}`;
  let template = '# Scale Template\n\n';
  let document = '# Scale Template\n\n';
  for (let i = 0; i < n; i++) {
    const chapter = Math.floor(i / 10) + 101;
    const heading = i % 10 === 0 ? `## ${chapter}. ` : `### ${chapter}.${i % 10} `;
    template += `${heading}${name(i)}\n\n- **Owner ${i % 7}**: \n\n`;
    const roll = (i * 7919) % 100;
    if (roll < 5 && i % 10 !== 0) continue; // left out
    const title = roll < 10 ? `${name(i)} overview` : name(i); // renamed
    document += `${heading}${title}\n\n- **Owner ${i % 7}**: someone\n\n`;
    if (roll >= 95) document += `### ${chapter}.${(i % 10) + 20} Extra ${name(i + n)}\n\nnotes\n\n`; // added
  }
  return { template, document };
}

/**
 * CLI-like: the template compiled and the document analysed against it. Both sizes take turns (as every other row
 * does), so that drift in the machine's speed hits them alike.
 */
const pairs = { small: scaledPair(1000), large: scaledPair(4000) };
function matchingRun(pair) {
  return () => analyze(pair.document, { templates: [compileTemplate('scale', pair.template)], options: { templateId: 'scale' } });
}
const [small, large4000] = measure([matchingRun(pairs.small), matchingRun(pairs.large)]);
const scale = { small, large: large4000 };
const textRatio = (pairs.large.template.length + pairs.large.document.length) / (pairs.small.template.length + pairs.small.document.length);
console.log(
  `Matching: 1,000 headings against a 1,000-heading template ${fixed(scale.small)} ms; 4,000 against 4,000 ${fixed(scale.large)} ms ` +
    `(${fixed(scale.large / scale.small, 2)}×, for ${fixed(textRatio, 2)}× the text).`,
);

// The language server (the built CLI, over stdio): its re-analysis after the same one-line edits of the large
// document, against the editor's (AnalysisCache) above; start-up to doc 06's first diagnostics against `check`.
spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const serverInc = await serverIncremental(large.text, editedVersions(large.text), 3, median);
const doc06File = hasCorpus ? join(corpus, 'highlevel', doc06.name) : resolve(doc06.name);
const startup = await startupAgainstCheck(doc06File, doc06.text, 5, median);
console.log(
  `Language server: one-line edit of the large document → pulled diagnostics ${fixed(serverInc.median, 2)} ms median (worst ${fixed(serverInc.worst, 2)}), ` +
    `editor ${fixed(largeRow.inc.median, 2)} ms; start-up to doc 06's first diagnostics ${fixed(startup.server)} ms, archdoc check ${fixed(startup.check)} ms.`,
);

const row06 = rows.find((row) => row.name.startsWith('06-')) ?? rows[0];
const budgets = [
  ['incremental median ≤ 0.10× full analysis', row06.inc.median / row06.full, 0.1],
  ['incremental worst ≤ 0.25× full analysis', row06.inc.worst / row06.full, 0.25],
  ['full analysis ≤ 1.15× bare parse', row06.full / row06.parse, 1.15],
  ['full analysis ≤ markdownlint', row06.full / row06.mdl, 1],
  ['parses per version = 1', parsesPerVersion, 1],
];
for (const [title, value, limit] of budgets) console.log(`doc 06: ${title}: ${fixed(value, 3)} ${value <= limit ? 'ok' : 'OVER BUDGET'}`);
const largeBudgets = [
  ['incremental median ≤ 0.02× full analysis', largeRow.inc.median / largeRow.full, 0.02],
  ['incremental worst ≤ 0.05× full analysis', largeRow.inc.worst / largeRow.full, 0.05],
  ['longest host slice while opening ≤ 50 ms', slices.open, 50],
  // What the server adds to the editor's re-analysis: JSON-RPC both ways and the diagnostics' JSON.
  ['language server re-analysis ≤ 1.5× the editor\'s', serverInc.median / largeRow.inc.median, 1.5],
];
console.log(`doc 06: language server start-up to first diagnostics ≤ 1.5× archdoc check: ${fixed(startup.server / startup.check, 3)} ${startup.server <= 1.5 * startup.check ? 'ok' : 'OVER BUDGET'}`);
for (const [title, value, limit] of largeBudgets) console.log(`large document: ${title}: ${fixed(value, 3)} ${value <= limit ? 'ok' : 'OVER BUDGET'}`);
console.log(`matching: 4,000 vs 4,000 ≤ 4× 1,000 vs 1,000: ${fixed(scale.large / scale.small, 2)} ${scale.large <= 4 * scale.small ? 'ok' : 'OVER BUDGET'}`);
const corpusRows = rows.filter((row) => !row.large);

console.log(
  JSON.stringify({
    analyzeOverParse: Number(fixed(median(corpusRows.map((row) => row.full / row.parse)), 3)),
    incrementalOverFullMedian: Number(fixed(median(corpusRows.map((row) => row.inc.median / row.full)), 3)),
    incrementalOverFullWorst: Number(fixed(median(corpusRows.map((row) => row.inc.worst / row.full)), 3)),
    oursOverMarkdownlint: Number(fixed(median(corpusRows.map((row) => row.full / row.mdl)), 3)),
    parsesPerVersion,
    incrementalOverFullLarge: Number(fixed(largeRow.inc.median / largeRow.full, 4)),
    incrementalOverFullLargeWorst: Number(fixed(largeRow.inc.worst / largeRow.full, 4)),
    longestHostSliceMs: Number(fixed(Math.max(slices.open, slices.typing), 1)),
    longestOpeningSliceMs: Number(fixed(slices.open, 1)),
    // The slice as a share of the full analysis measured in the same run: comparable across loaded and quiet machines.
    longestHostSliceOverFullLarge: Number(fixed(Math.max(slices.open, slices.typing) / largeRow.full, 4)),
    matching4000Over1000: Number(fixed(scale.large / scale.small, 2)),
    lspIncrementalOverEditorLarge: Number(fixed(serverInc.median / largeRow.inc.median, 3)),
    lspStartupOverCheck: Number(fixed(startup.server / startup.check, 3)),
  }),
);
