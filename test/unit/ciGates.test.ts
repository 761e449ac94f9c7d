import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archdocCli, repoRoot, makeTempFolder, removeFolder } from './helpers';

// Project fixtures: a document missing two sections (96% complete, two warnings), and a filled one.
const deviant = join(repoRoot, 'test/fixtures/documents/two-missing-sections.md');
const filled = join(repoRoot, 'test/fixtures/blind/filled-ko.md');

/** The ADR template as a document named in its front matter: many open slots, in several sections. */
function adr(): string {
  return readFileSync(join(repoRoot, 'templates/adr.md'), 'utf8').replace('---\n', '---\narchdoc: adr\n');
}

function findings(stdout: string): Array<{ rule: string; line: number; message: string }> {
  return JSON.parse(stdout).files.flatMap((f: { findings: unknown[] }) => f.findings);
}

describe('archdoc check gates for CI', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = makeTempFolder('archdoc-gates-')));
  afterEach(() => removeFolder(dir));

  it('--min-completion fails on a less complete document and names it', () => {
    copyFileSync(deviant, join(dir, 'hla.md'));
    copyFileSync(filled, join(dir, 'filled.md'));
    const below = archdocCli(['check', '--min-completion', '97', '--fail-on', 'none', '.'], dir);
    assert.equal(below.code, 1);
    assert.equal(below.stderr, 'archdoc: hla.md: 96% complete, below --min-completion 97%.\n');
    const met = archdocCli(['check', '--min-completion', '96%', '--fail-on', 'none', '.'], dir);
    assert.equal(met.code, 0, met.stderr);
    assert.match(archdocCli(['check', '--format', 'markdown', '--min-completion', '97', '.'], dir).stdout, /96% \(187\/193\) ✗ below 97% \| 2 \|/u);
  });

  it('--fail-on sets the lowest severity that fails', () => {
    copyFileSync(deviant, join(dir, 'hla.md'));
    assert.equal(archdocCli(['check', '--fail-on', 'error', 'hla.md'], dir).code, 0, 'two warnings, no error');
    assert.equal(archdocCli(['check', '--fail-on', 'warning', 'hla.md'], dir).code, 1);
    assert.equal(archdocCli(['check', 'hla.md'], dir).code, 1, 'any finding fails by default');
    const none = archdocCli(['check', '--fail-on', 'none', '--format', 'json', 'hla.md'], dir);
    assert.equal(none.code, 0);
    assert.equal(findings(none.stdout).length, 2, 'still reported');
  });

  it('--baseline fails only on new findings, and survives lines inserted above them', () => {
    const doc = join(dir, 'decision.md');
    writeFileSync(doc, adr());
    const all = findings(archdocCli(['check', '--format', 'json', 'decision.md'], dir).stdout);
    assert.ok(all.length > 10);
    const written = archdocCli(['check', '--write-baseline', 'archdoc-baseline.json', 'decision.md'], dir);
    assert.equal(written.code, 0, written.stderr);
    const baseline = JSON.parse(readFileSync(join(dir, 'archdoc-baseline.json'), 'utf8'));
    assert.equal(baseline.lang, 'en');
    assert.equal(baseline.findings.reduce((sum: number, e: { count: number }) => sum + e.count, 0), all.length);
    assert.ok(baseline.findings.every((e: object) => !('line' in e)), 'no line numbers');
    assert.ok(baseline.findings.some((e: { section: string }) => e.section === 'Decision Outcome > Consequences'));

    // Lines inserted above every finding but the front matter's, and a paragraph added to a section.
    writeFileSync(doc, adr().replace('\n# {Decision title}', '\n<!-- reviewed -->\n\n\n# {Decision title}').replace('## Decision Drivers\n', '## Decision Drivers\n\nSome context first.\n'));
    const moved = findings(archdocCli(['check', '--format', 'json', 'decision.md'], dir).stdout);
    assert.equal(moved.length, all.length);
    assert.notDeepEqual(moved.map((f) => f.line), all.map((f) => f.line));
    const same = archdocCli(['check', '--baseline', 'archdoc-baseline.json', '--format', 'json', 'decision.md'], dir);
    assert.equal(same.code, 0, same.stdout);
    assert.deepEqual(findings(same.stdout), []);
    assert.equal(same.stderr, `archdoc: ${all.length} finding(s) recorded in the baseline are not reported.\n`);

    // One more "..." in a section that had one: duplicates are counted, so exactly the second one is new.
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('- ...\n', '- ...\n- ...\n'));
    const grown = archdocCli(['check', '--baseline', 'archdoc-baseline.json', '--format', 'json', 'decision.md'], dir);
    assert.equal(grown.code, 1);
    const fresh = findings(grown.stdout);
    assert.equal(fresh.length, 1);
    assert.equal(fresh[0].rule, 'placeholder');
    assert.match(fresh[0].message, /Placeholder \.\.\. /u);

    // The baseline matches from another working folder too: its paths are relative to itself.
    const fromAbove = archdocCli(['check', '--baseline', join(dir, 'archdoc-baseline.json'), '--format', 'json', doc], repoRoot);
    assert.equal(findings(fromAbove.stdout).length, 1);
  });

  it('rejects a missing or broken baseline, a language mismatch and both baseline options (exit 2)', () => {
    writeFileSync(join(dir, 'decision.md'), adr());
    const missing = archdocCli(['check', '--baseline', 'nope.json', 'decision.md'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'archdoc: nope.json: no such file (write one with --write-baseline)\n');
    writeFileSync(join(dir, 'broken.json'), '{"findings": 3}');
    assert.match(archdocCli(['check', '--baseline', 'broken.json', 'decision.md'], dir).stderr, /broken\.json: not an archdoc baseline/u);
    assert.equal(archdocCli(['check', '--write-baseline', 'ko.json', '--lang', 'ko', 'decision.md'], dir).code, 0);
    const mismatch = archdocCli(['check', '--baseline', 'ko.json', '--lang', 'en', 'decision.md'], dir);
    assert.equal(mismatch.code, 2);
    assert.match(mismatch.stderr, /ko\.json: written with --lang ko/u);
    assert.equal(archdocCli(['check', '--baseline', 'ko.json', 'decision.md'], dir).code, 0, 'matched in its own language');
    const both = archdocCli(['check', '--baseline', 'a.json', '--write-baseline', 'b.json', 'decision.md'], dir);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--baseline and --write-baseline cannot be combined/u);
  });

  it('rejects bad gate options with the usage (exit 2)', () => {
    const cases: Array<[string[], RegExp]> = [
      [['check', '--min-completion', '101', 'x.md'], /--min-completion needs a percentage from 0 to 100, not "101"/u],
      [['check', '--min-completion', 'most', 'x.md'], /not "most"/u],
      [['check', '--fail-on', 'bad', 'x.md'], /Unknown severity for --fail-on "bad" \(use error, warning, information, hint, none\)/u],
      [['check', '--changed-since', 'x.md'], /check needs at least one file or folder/u],
      [['check', '--format', 'xml', 'x.md'], /Unknown format "xml" \(use text, json, sarif, github, gitlab, junit, markdown\)/u],
      [['outline', '--baseline', 'b.json', 'x.md'], /--baseline is an option of check/u],
      [['rules', '--min-completion', '5'], /--min-completion is an option of check/u],
    ];
    for (const [args, message] of cases) {
      const run = archdocCli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Usage:/u);
    }
    const help = archdocCli(['--help']).stdout;
    for (const option of ['--fail-on', '--min-completion', '--baseline', '--write-baseline', '--changed-since', 'gitlab', 'junit', 'markdown']) assert.ok(help.includes(option), option);
  });

  it('--changed-since checks only the files changed since a git ref', () => {
    const git = (...args: string[]) => {
      const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout;
    };
    git('init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'a.md'), adr());
    writeFileSync(join(dir, 'b.md'), adr());
    writeFileSync(join(dir, 'c.md'), adr());
    git('add', '.');
    git('commit', '-qm', 'first');
    git('checkout', '-qb', 'topic');
    writeFileSync(join(dir, 'b.md'), adr().replace('## Context and Problem\n', '## Context and Problem\n\nWhy now.\n'));
    git('commit', '-qam', 'second');
    writeFileSync(join(dir, 'c.md'), `${adr()}\n`);
    writeFileSync(join(dir, 'new.md'), adr());
    const paths = (stdout: string) => JSON.parse(stdout).files.map((f: { path: string }) => f.path);

    const changed = archdocCli(['check', '--format', 'json', '--changed-since', 'main', '.'], dir);
    assert.equal(changed.code, 1, changed.stderr);
    assert.deepEqual(paths(changed.stdout), ['b.md', 'c.md', 'new.md'], 'committed, unstaged and untracked; not a.md');
    assert.deepEqual(paths(archdocCli(['check', '--format', 'json', '--changed-since', 'HEAD', '.'], dir).stdout), ['c.md', 'new.md']);
    assert.deepEqual(paths(archdocCli(['check', '--format', 'json', '--changed-since', 'main', 'a.md', 'b.md'], dir).stdout), ['b.md'], 'within the paths given');

    const nothing = archdocCli(['check', '--changed-since', 'main', 'a.md'], dir);
    assert.equal(nothing.code, 0);
    assert.equal(nothing.stderr, 'archdoc: no Markdown file in a.md changed since main.\n');

    const badRef = archdocCli(['check', '--changed-since', 'no-such-branch', '.'], dir);
    assert.equal(badRef.code, 2);
    assert.match(badRef.stderr, /^archdoc: --changed-since: "no-such-branch" is not a commit in this repository/u);
    const outside = mkdtempSync(join(tmpdir(), 'archdoc-nogit-'));
    try {
      writeFileSync(join(outside, 'a.md'), adr());
      const notRepo = archdocCli(['check', '--changed-since', 'main', '.'], outside, { GIT_CEILING_DIRECTORIES: tmpdir() });
      assert.equal(notRepo.code, 2);
      assert.match(notRepo.stderr, /--changed-since: .* is not in a git repository/u);
      const noGit = archdocCli(['check', '--changed-since', 'main', '.'], dir, { PATH: outside });
      assert.equal(noGit.code, 2);
      assert.equal(noGit.stderr, 'archdoc: --changed-since needs the git command, which is not installed (not on PATH)\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
