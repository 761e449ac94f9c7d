// The step of the GitHub Action (action.yml): `archdoc check` with the action's inputs (INPUT_* variables) writes
// annotations to the log, a Markdown report to the job summary and, when the `format` input asks, a report file.
// Exits with the check's own code, so findings and failed gates fail the step.
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'archdoc.js');
const input = (name) => (process.env[`INPUT_${name}`] ?? '').trim();
const REPORT_FILES = { sarif: 'archdoc.sarif', gitlab: 'archdoc-codequality.json', junit: 'archdoc-junit.xml', json: 'archdoc.json', markdown: 'archdoc-report.md', text: 'archdoc.txt' };

// One path per line when the input has several lines (a path may then hold spaces), else separated by spaces.
const pathsInput = input('PATHS');
const paths = (pathsInput.includes('\n') ? pathsInput.split(/\r?\n/u).map((line) => line.trim()) : pathsInput.split(/\s+/u)).filter(Boolean);
const options = [
  ...(input('FAIL_ON') ? ['--fail-on', input('FAIL_ON')] : []),
  ...(input('BASELINE') ? ['--baseline', input('BASELINE')] : []),
  ...(input('MIN_COMPLETION') ? ['--min-completion', input('MIN_COMPLETION')] : []),
];
const format = input('FORMAT') || 'github';
if (format !== 'github' && !(format in REPORT_FILES)) {
  console.error(`archdoc: the format input must be one of github, ${Object.keys(REPORT_FILES).join(', ')}; not "${format}".`);
  process.exit(2);
}

// The summary and the report file are further runs of check in other formats; they read the first run's results
// from its cache instead of analysing every document again.
const cache = ['--cache', '--cache-location', join(process.env.RUNNER_TEMP ?? tmpdir(), 'archdoc-cache')];

/** One run of `archdoc check`; only the first one shows its messages (the others would repeat them). */
const check = (reportFormat, stdio) =>
  spawnSync(process.execPath, [cli, 'check', '--format', reportFormat, ...options, ...cache, '--', ...(paths.length > 0 ? paths : ['.'])], {
    stdio: ['ignore', ...stdio],
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });

const annotations = check('github', ['inherit', 'inherit']);
const status = annotations.status ?? 2;
const outputs = { 'exit-code': String(status) };
if (status !== 2) {
  const summary = check('markdown', ['pipe', 'ignore']);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary.stdout);
  if (format !== 'github') {
    const report = resolve(process.env.RUNNER_TEMP ?? '.', REPORT_FILES[format]);
    writeFileSync(report, check(format, ['pipe', 'ignore']).stdout);
    outputs.report = report;
  }
}
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, Object.entries(outputs).map(([name, value]) => `${name}=${value}\n`).join(''));
process.exit(status);
