import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { archdocCli, repoRoot, makeTempFolder, removeFolder } from './helpers';

// Project fixtures: a document missing two sections, and the English template checked as a document (many open slots).
const deviant = join(repoRoot, 'test/fixtures/documents/two-missing-sections.md');
const englishTemplate = join(repoRoot, 'templates/high-level-architecture.en.md');

interface JsonFinding {
  rule: string;
  severity: string;
  line: number;
  message: string;
}

/** An ADR (named in its front matter) with a TODO holding `<`, `&` and `"`, which every format has to escape. */
function adrWithMarkup(dir: string): string {
  const path = join(dir, 'decision.md');
  const template = readFileSync(join(repoRoot, 'templates/adr.md'), 'utf8');
  writeFileSync(path, template.replace('---\n', '---\narchdoc: adr\n').replace('- {option title}', '- TODO: compare <b> & "quoted" options'));
  return path;
}

function jsonFindings(args: string[], cwd: string): JsonFinding[] {
  return JSON.parse(archdocCli(['check', '--format', 'json', ...args], cwd).stdout).files.flatMap((f: { findings: JsonFinding[] }) => f.findings);
}

describe('archdoc check report formats for CI', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = makeTempFolder('archdoc-formats-')));
  afterEach(() => removeFolder(dir));

  it('writes GitLab Code Quality issues whose fingerprints survive lines inserted above', () => {
    const doc = adrWithMarkup(dir);
    // One rule raised to error, to see every severity mapped.
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode/settings.json'), '{ "archdoc.severity": { "unchosen-option": "error" } }');
    const run = archdocCli(['check', '--format', 'gitlab', 'decision.md'], dir);
    assert.equal(run.code, 1, run.stderr);
    const issues = JSON.parse(run.stdout);
    const findings = jsonFindings(['decision.md'], dir);
    assert.equal(issues.length, findings.length);
    const severities: Record<string, string> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };
    issues.forEach((issue: Record<string, unknown>, i: number) => {
      assert.deepEqual(Object.keys(issue), ['description', 'check_name', 'fingerprint', 'severity', 'location']);
      assert.equal(issue.description, findings[i].message);
      assert.equal(issue.check_name, `archdoc/${findings[i].rule}`);
      assert.equal(issue.severity, severities[findings[i].severity]);
      assert.deepEqual(issue.location, { path: 'decision.md', lines: { begin: findings[i].line, end: (issue.location as { lines: { end: number } }).lines.end } });
      assert.match(issue.fingerprint as string, /^[0-9a-f]{32}$/u);
    });
    assert.ok(issues.some((issue: { severity: string }) => issue.severity === 'major'));
    assert.ok(issues.some((issue: { severity: string }) => issue.severity === 'minor' || issue.severity === 'info'));
    const fingerprints = issues.map((issue: { fingerprint: string }) => issue.fingerprint);
    assert.equal(new Set(fingerprints).size, fingerprints.length, 'unique even for two equal placeholders');

    // Three lines more above every finding: the same fingerprints, every line three further down.
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('\n# {Decision title}', '\n<!-- a note -->\n\n\n# {Decision title}'));
    const moved = JSON.parse(archdocCli(['check', '--format', 'gitlab', 'decision.md'], dir).stdout);
    assert.deepEqual(moved.map((issue: { fingerprint: string }) => issue.fingerprint), fingerprints);
    const below = moved.filter((issue: { location: { lines: { begin: number } } }, i: number) => issue.location.lines.begin === issues[i].location.lines.begin + 3);
    assert.ok(below.length > 0 && below.length < moved.length, 'the findings below the insertion moved, the front matter ones did not');
  });

  it('writes well-formed JUnit XML, one failed test case per finding, markup escaped', () => {
    adrWithMarkup(dir);
    writeFileSync(join(dir, 'filled.md'), readFileSync(join(repoRoot, 'test/fixtures/blind/filled-ko.md')));
    const run = archdocCli(['check', '--format', 'junit', 'decision.md', 'filled.md'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /&lt;b&gt; &amp; &quot;quoted&quot;/u);
    // A real XML parser (expat) must accept it; it hands back the suites and the failures' messages.
    const parsed = spawnSync(
      'python3',
      [
        '-c',
        'import json, sys, xml.dom.minidom as m\n' +
          'd = m.parseString(sys.stdin.buffer.read())\n' +
          'print(json.dumps([[s.getAttribute("name"), [f.getAttribute("message") for f in s.getElementsByTagName("failure")], len(s.getElementsByTagName("testcase"))] for s in d.getElementsByTagName("testsuite")]))',
      ],
      { input: run.stdout, encoding: 'utf8' },
    );
    assert.equal(parsed.status, 0, parsed.stderr);
    const suites: Array<[string, string[], number]> = JSON.parse(parsed.stdout);
    const findings = jsonFindings(['decision.md'], dir);
    assert.deepEqual(suites[0], ['decision.md', findings.map((f) => f.message), findings.length]);
    assert.ok(findings.some((f) => f.message.includes('<b> & "quoted"')));
    assert.deepEqual(suites[1], ['filled.md', [], 1], 'a complete document is one passing test case');
  });

  it('writes a Markdown report: a completion table with bars, open items by section, long lists cut', () => {
    adrWithMarkup(dir);
    const run = archdocCli(['check', '--format', 'markdown', englishTemplate, deviant], dir);
    assert.equal(run.code, 1, run.stderr);
    const report = run.stdout;
    const total = jsonFindings([englishTemplate, deviant], dir).length;
    assert.match(report, new RegExp(`^### archdoc: ${total} open item\\(s\\) in 2 architecture document\\(s\\)\n`, 'u'));
    assert.match(report, /^\| Document \| Completion \| Open \|$/mu);
    // Least complete first, each with a ten-cell bar.
    const rows = report.split('\n').filter((line) => /^\| `/u.test(line));
    assert.equal(rows.length, 2);
    assert.match(rows[0], /high-level-architecture\.en\.md` \| `[█░]{10}` \d+% \(\d+\/\d+\)/u);
    assert.match(rows[1], /two-missing-sections\.md` \| `█{9}[█░]` 9\d% \(187\/193\) \| 2 \|$/u);
    assert.match(report, /<details><summary>.*two-missing-sections\.md: 2 open item\(s\)<\/summary>/u);
    assert.match(report, /\*\*9\. .*\*\*\n\n- line 332: Section "9\.2 /u, 'items under their section');
    // The template as a document has far more than 20 open items: the rest is counted, and the report stays short.
    assert.match(report, /^… and \d+ more$/mu);
    assert.ok(report.length < 65_536, `fits a pull-request comment (${report.length} characters)`);
  });

  it('writes the Markdown report in Korean with --lang ko', () => {
    const run = archdocCli(['check', '--format', 'markdown', '--lang', 'ko', '--min-completion', '99', englishTemplate, deviant], dir);
    assert.equal(run.code, 1, run.stderr);
    const report = run.stdout;
    const total = JSON.parse(archdocCli(['check', '--format', 'json', '--lang', 'ko', englishTemplate, deviant], dir).stdout).files.reduce((sum: number, f: { findings: unknown[] }) => sum + f.findings.length, 0);
    assert.match(report, new RegExp(`^### archdoc: 아키텍처 문서 2개에 남은 항목 ${total}건\n`, 'u'));
    assert.match(report, /^\| 문서 \| 작성률 \| 남은 항목 \|$/mu);
    assert.match(report, /two-missing-sections\.md` \| `█{9}[█░]` 9\d% \(187\/193\) ✗ 기준 99% 미달 \| 2 \|$/mu);
    assert.match(report, /<details><summary>.*two-missing-sections\.md: 남은 항목 2건<\/summary>/u);
    assert.match(report, /\*\*9\. .*\*\*\n\n- 332행: 템플릿의 "9\.2 /u, 'items under their section, with Korean messages');
    assert.match(report, /^… 외 \d+건$/mu);
    assert.doesNotMatch(report, /open item|architecture document|Document|Completion|\| Open \||below|line \d+:|and \d+ more/u);
    // The language comes from LANG when --lang is not given.
    assert.equal(archdocCli(['check', '--format', 'markdown', '--min-completion', '99', englishTemplate, deviant], dir, { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'ko_KR.UTF-8' }).stdout, report);
  });

  it('caps GitHub annotations at 10 of each kind and counts the rest in one line', () => {
    // Open slots as warnings, table cells as notices: more than 10 of each.
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode/settings.json'), '{ "archdoc.unstartedSections": "warning", "archdoc.severity": { "empty-table-cell": "information" } }');
    const findings = jsonFindings([englishTemplate], dir);
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const notices = findings.filter((f) => f.severity === 'information' || f.severity === 'hint').length;
    assert.ok(warnings > 10 && notices > 10, `${warnings} warnings, ${notices} notices`);
    const lines = archdocCli(['check', '--format', 'github', englishTemplate], dir).stdout.trim().split('\n');
    assert.equal(lines.filter((line) => line.startsWith('::warning ')).length, 10);
    assert.equal(lines.filter((line) => line.startsWith('::notice ')).length, 10);
    assert.equal(lines.length, 21);
    assert.equal(
      lines[20],
      `archdoc: ${findings.length - 20} more finding(s) not annotated (${warnings - 10} warning, ${notices - 10} notice; GitHub shows 10 of each kind per step). Run archdoc check for all of them.`,
    );
    // Under the cap nothing is counted.
    assert.equal(archdocCli(['check', '--format', 'github', deviant]).stdout.trim().split('\n').length, 2);
  });
});
