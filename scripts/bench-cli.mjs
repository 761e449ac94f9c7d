// `npm run bench:cli`: `archdoc check` on a folder of documents against markdownlint-cli2 on the same files.
// Builds N documents (N = 100 and 1,000) from the corpus's high-level documents (the bundled samples/ when the
// corpus is absent) in a temporary folder, runs each tool a few times and prints medians: wall and CPU time of
// markdownlint-cli2, of a cold `archdoc check` and of a warm `archdoc check --cache`, and the time per document.
// The last line is JSON: {"coldOverMarkdownlintCli2", "warmOverCold", "perDocGrowth"} (at the largest N).
//
// The cold run is `archdoc check --cache` with an empty cache (it writes the cache), the warm run the same again.
//
// usage: node scripts/bench-cli.mjs [--sizes 100,1000] [--runs R]   (after `node scripts/build.mjs`)
//   R repetitions per size (default: 3 up to 100 documents, 1 above, where one run of each tool takes minutes)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
};
const sizes = option('--sizes', '100,1000').split(',').map(Number);
const runsOption = option('--runs', undefined);
const runsAt = (count) => (runsOption === undefined ? (count <= 100 ? 3 : 1) : Number(runsOption));
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runsAt(1)) || runsAt(1) < 1) {
  console.error('usage: node scripts/bench-cli.mjs [--sizes 100,1000] [--runs R]');
  process.exit(2);
}

const archdocBin = join(root, 'bin', 'archdoc.js');
const markdownlintBin = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
if (!existsSync(join(root, 'out', 'cli.js'))) {
  console.error('bench-cli: out/cli.js is missing; run `node scripts/build.mjs` first.');
  process.exit(2);
}
if (!existsSync(markdownlintBin)) {
  console.error('bench-cli: markdownlint-cli2 is not installed (a dev dependency); run `npm ci`.');
  process.exit(2);
}

function sourceDocuments() {
  const corpus = join(root, '..', 'shared', 'corpus', 'highlevel');
  const folder = existsSync(corpus) ? corpus : join(root, 'samples');
  const names = readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
  if (names.length === 0) throw new Error(`no Markdown documents in ${folder}`);
  return { folder, texts: names.map((name) => readFileSync(join(folder, name), 'utf8')) };
}

/** N documents in nested folders (as in a repository), each a different file (its number in a trailing comment). */
function writeDocuments(folder, texts, count) {
  for (let index = 0; index < count; index++) {
    const sub = join(folder, 'docs', `area-${String(Math.floor(index / 50)).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    const text = texts[index % texts.length];
    writeFileSync(join(sub, `doc-${String(index).padStart(4, '0')}.md`), `${text.trimEnd()}\n\n<!-- copy ${index} -->\n`);
  }
  // Lint errors are what markdownlint-cli2 reports, not a failure of the bench: no output formatter, no progress.
  writeFileSync(join(folder, '.markdownlint-cli2.jsonc'), JSON.stringify({ noProgress: true, outputFormatters: [] }));
}

/** CPU time (user + system) of this process's finished children, from /proc; null where there is no /proc. */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // After the command name: field 16 and 17 of stat(5) (cutime, cstime) are indexes 13 and 14 here, in clock ticks.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

function timed(args, cwd) {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, env: { ...process.env, LANG: 'C' } });
  const wall = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  // 0 = no findings, 1 = findings (lint errors): both are a completed run.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 2000)}`);
  }
  return { wall, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, output: result.stdout.length };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const medianOf = (samples) => ({ wall: median(samples.map((s) => s.wall)), cpu: samples.some((s) => s.cpu === null) ? null : median(samples.map((s) => s.cpu)) });

function measure(count, texts) {
  const folder = mkdtempSync(join(tmpdir(), 'archdoc-bench-cli-'));
  try {
    writeDocuments(folder, texts, count);
    const cacheLocation = join(folder, '.cache', 'archdoc');
    const archdoc = [archdocBin, 'check', '--cache', '--cache-location', cacheLocation, 'docs'];
    const markdownlint = [];
    const cold = [];
    const warm = [];
    for (let run = 0; run < runsAt(count); run++) {
      // Interleaved, so that load from other processes on the machine falls on every tool alike.
      markdownlint.push(timed([markdownlintBin, 'docs/**/*.md'], folder));
      rmSync(cacheLocation, { recursive: true, force: true });
      cold.push(timed(archdoc, folder));
      warm.push(timed(archdoc, folder));
    }
    return { count, runs: runsAt(count), markdownlint: medianOf(markdownlint), cold: medianOf(cold), warm: medianOf(warm) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const { folder, texts } = sourceDocuments();
console.log(`archdoc check vs markdownlint-cli2 on ${cpus().length} core(s) — ${texts.length} source documents from ${folder}; times in ms, medians`);
const ratio = (a, b) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 1000) / 1000);
const ms = (value) => (value === null ? 'n/a' : value.toFixed(0));
const rows = [];
for (const count of sizes) {
  const row = measure(count, texts);
  rows.push(row);
  const perDoc = row.cold.wall / count;
  console.log(
    [
      `N=${String(count).padStart(5)} ×${row.runs}`,
      `markdownlint-cli2 wall ${ms(row.markdownlint.wall)} cpu ${ms(row.markdownlint.cpu)}`,
      `archdoc cold wall ${ms(row.cold.wall)} cpu ${ms(row.cold.cpu)} (${ratio(row.cold.wall, row.markdownlint.wall)}× wall, ${ratio(row.cold.cpu, row.markdownlint.cpu)}× cpu)`,
      `warm --cache wall ${ms(row.warm.wall)} cpu ${ms(row.warm.cpu)} (${ratio(row.warm.wall, row.cold.wall)}× cold)`,
      `per document ${perDoc.toFixed(2)}`,
    ].join(' | '),
  );
}
const first = rows[0];
const last = rows[rows.length - 1];
console.log(
  JSON.stringify({
    coldOverMarkdownlintCli2: ratio(last.cold.wall, last.markdownlint.wall),
    warmOverCold: ratio(last.warm.wall, last.cold.wall),
    perDocGrowth: ratio(last.cold.wall / last.count, first.cold.wall / first.count),
  }),
);
