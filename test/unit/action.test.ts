import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { archdocCli, repoRoot, makeTempFolder, removeFolder } from './helpers';

interface Step {
  name: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action: Action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));
const deviant = join(repoRoot, 'test/fixtures/documents/two-missing-sections.md');
const filled = join(repoRoot, 'test/fixtures/blind/filled-ko.md');

/**
 * Runs the composite action's steps as a GitHub runner does: each `run` in `bash -e -o pipefail`, in the workspace,
 * with `${{ inputs.* }}` expressions of `env` evaluated (given inputs, else the defaults), the action's folder in
 * GITHUB_ACTION_PATH and the summary and output files of the job. Any other expression fails the test.
 */
function runAction(workspace: string, inputs: Record<string, string>) {
  const files = mkdtempSync(join(tmpdir(), 'archdoc-runner-'));
  const summary = join(files, 'step_summary.md');
  const output = join(files, 'output.txt');
  writeFileSync(summary, '# Earlier step\n');
  writeFileSync(output, '');
  const given = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? '';
  let log = '';
  let code: number | null = 0;
  for (const step of action.runs.steps) {
    assert.equal(step.shell, 'bash', step.name);
    const env: Record<string, string | undefined> = { ...process.env, GITHUB_ACTION_PATH: repoRoot, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, RUNNER_TEMP: files, CI: 'true' };
    for (const [name, value] of Object.entries(step.env ?? {})) {
      env[name] = value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/gu, (_, expression: string) => {
        const input = /^inputs\.([\w-]+)$/u.exec(expression);
        assert.ok(input && input[1] in action.inputs, `unsupported expression ${expression}`);
        return given(input[1]);
      });
    }
    const result = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run ?? ''], { cwd: workspace, env, encoding: 'utf8' });
    log += result.stdout + result.stderr;
    code = result.status;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(/=(.*)/su).slice(0, 2)));
  return { code, log, summary: readFileSync(summary, 'utf8'), outputs, cleanup: () => rmSync(files, { recursive: true, force: true }) };
}

describe('the GitHub Action (action.yml)', function () {
  this.timeout(180_000);
  let workspace: string;
  beforeEach(() => (workspace = makeTempFolder('archdoc-workspace-')));
  afterEach(() => removeFolder(workspace));

  it('is a composite action with the documented inputs, passed to its step as INPUT_* variables', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs), ['paths', 'format', 'fail-on', 'baseline', 'min-completion']);
    const check = action.runs.steps.find((step) => step.env);
    assert.deepEqual(check?.env, {
      INPUT_PATHS: '${{ inputs.paths }}',
      INPUT_FORMAT: '${{ inputs.format }}',
      INPUT_FAIL_ON: '${{ inputs.fail-on }}',
      INPUT_BASELINE: '${{ inputs.baseline }}',
      INPUT_MIN_COMPLETION: '${{ inputs.min-completion }}',
    });
  });

  it('annotates the findings, appends a job summary and fails the step on findings', () => {
    copyFileSync(deviant, join(workspace, 'architecture.md'));
    const run = runAction(workspace, {});
    try {
      assert.equal(run.code, 1, run.log);
      assert.match(run.log, /^::warning file=architecture\.md,line=332,col=1,.*title=archdoc missing-section::Section "9\.2 /mu);
      assert.equal(run.log.match(/^::warning /gmu)?.length, 2);
      assert.ok(run.summary.startsWith('# Earlier step\n### archdoc: 2 open item(s) in 1 architecture document(s)\n'), run.summary);
      assert.match(run.summary, /\| `architecture\.md` \| `[█░]{10}` 96% \(187\/193\) \| 2 \|/u);
      assert.deepEqual(run.outputs, { 'exit-code': '1' });
    } finally {
      run.cleanup();
    }
  });

  it('writes the report file of the format input, honours the baseline and the completion gate', () => {
    copyFileSync(deviant, join(workspace, 'architecture.md'));
    copyFileSync(filled, join(workspace, 'filled.md'));
    assert.equal(archdocCli(['check', '--write-baseline', 'archdoc-baseline.json', '.'], workspace).code, 0);
    const accepted = runAction(workspace, { paths: 'architecture.md\nfilled.md', format: 'sarif', baseline: 'archdoc-baseline.json' });
    try {
      assert.equal(accepted.code, 0, accepted.log);
      assert.doesNotMatch(accepted.log, /^::/mu, 'nothing new to annotate');
      assert.match(accepted.log, /2 finding\(s\) recorded in the baseline are not reported/u);
      assert.equal(accepted.outputs['exit-code'], '0');
      const sarif = JSON.parse(readFileSync(accepted.outputs.report, 'utf8'));
      assert.equal(sarif.version, '2.1.0');
      assert.deepEqual(sarif.runs[0].results, []);
    } finally {
      accepted.cleanup();
    }
    const gated = runAction(workspace, { paths: 'architecture.md filled.md', 'fail-on': 'none', 'min-completion': '97', format: 'junit' });
    try {
      assert.equal(gated.code, 1, gated.log);
      assert.match(gated.log, /archdoc: architecture\.md: 96% complete, below --min-completion 97%\./u);
      assert.equal(gated.log.match(/below --min-completion/gu)?.length, 1, 'said once, not once per report');
      assert.match(readFileSync(gated.outputs.report, 'utf8'), /^<\?xml /u);
      assert.match(gated.summary, /✗ below 97%/u);
    } finally {
      gated.cleanup();
    }
  });

  it('takes one path per line when the input has several lines, spaces included; the later runs read the first one\'s cache', () => {
    mkdirSync(join(workspace, 'design docs'));
    copyFileSync(deviant, join(workspace, 'design docs', 'system architecture.md'));
    copyFileSync(filled, join(workspace, 'filled.md'));
    const run = runAction(workspace, { paths: 'design docs/system architecture.md\n  filled.md  \n', format: 'json' });
    try {
      assert.equal(run.code, 1, run.log);
      assert.match(run.log, /^::warning file=design docs\/system architecture\.md,line=332,/mu);
      const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
      assert.deepEqual(report.files.map((file: { path: string }) => file.path).sort(), ['design docs/system architecture.md', 'filled.md']);
      // The summary and report runs read the first run's results from its cache in the runner's temporary folder.
      assert.ok(existsSync(join(dirname(run.outputs.report), 'archdoc-cache', 'check-results.v8')), run.log);
    } finally {
      run.cleanup();
    }
  });

  it('fails with the reason on a bad input (exit 2)', () => {
    copyFileSync(deviant, join(workspace, 'architecture.md'));
    for (const [inputs, message] of [
      [{ format: 'pdf' }, /the format input must be one of github, sarif, gitlab, junit, json, markdown, text; not "pdf"/u],
      [{ 'min-completion': 'most' }, /--min-completion needs a percentage/u],
      [{ paths: 'missing-folder' }, /missing-folder: no such file or folder/u],
    ] as const) {
      const run = runAction(workspace, inputs);
      try {
        assert.equal(run.code, 2, run.log);
        assert.match(run.log, message);
      } finally {
        run.cleanup();
      }
    }
  });
});
