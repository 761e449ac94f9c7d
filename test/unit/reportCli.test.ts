import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDir, needsCorpus, repoRoot, makeTempFolder, removeFolder } from './helpers';

const cli = join(repoRoot, 'bin', 'archdoc.js');

function archdoc(args: string[], cwd = repoRoot, env: Record<string, string> = {}) {
  // LANG chooses the language only where LC_ALL and LC_MESSAGES are unset.
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Each row of the report's tables: path → completion, read from the page's own attributes. */
function reportRows(html: string): Map<string, { filled: number; total: number; percent: number }> {
  const rows = new Map<string, { filled: number; total: number; percent: number }>();
  for (const match of html.matchAll(/<tr data-path="([^"]*)" data-filled="(\d+)" data-total="(\d+)" data-percent="(\d+)">/gu)) {
    rows.set(match[1].replace(/&amp;/gu, '&'), { filled: Number(match[2]), total: Number(match[3]), percent: Number(match[4]) });
  }
  return rows;
}

/** `check --format json` for the same paths: path → completion. */
function checkedCompletion(paths: string[], cwd: string): Map<string, { filled: number; total: number }> {
  const json = JSON.parse(archdoc(['check', '--format', 'json', ...paths], cwd).stdout) as { files: Array<{ path: string; completion: { filled: number; total: number } }> };
  return new Map(json.files.map((file) => [file.path, file.completion]));
}

function assertReportMatchesCheck(paths: string[], cwd: string, dir: string): number {
  const out = join(dir, 'r.html');
  const { code, stderr } = archdoc(['report', '--format', 'html', '-o', out, ...paths], cwd);
  assert.equal(code, 0, stderr);
  const rows = reportRows(readFileSync(out, 'utf8'));
  const checked = checkedCompletion(paths, cwd);
  assert.ok(checked.size > 0);
  assert.deepEqual([...rows.keys()].sort(), [...checked.keys()].sort());
  for (const [path, completion] of checked) {
    const row = rows.get(path);
    assert.deepEqual({ filled: row?.filled, total: row?.total }, completion, path);
    assert.equal(row?.percent, completion.total === 0 ? 100 : Math.floor((completion.filled / completion.total) * 100), path);
  }
  return rows.size;
}

describe('archdoc report', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = makeTempFolder('archdoc-report-')));
  afterEach(() => removeFolder(dir));

  it('writes one HTML file whose completion per document equals `check --format json` (fixtures)', () => {
    assert.equal(assertReportMatchesCheck(['test/fixtures'], repoRoot, dir), 8);
  });

  it('writes one HTML file whose completion per document equals `check --format json` (corpus highlevel)', function () {
    needsCorpus(this);
    assert.ok(assertReportMatchesCheck([join(corpusDir, 'highlevel')], repoRoot, dir) >= 5);
  });

  it('prints the Markdown overview to stdout', () => {
    const { code, stdout } = archdoc(['report', '--format', 'markdown', 'test/fixtures/blind/filled-ko.md', 'test/fixtures/documents/two-missing-sections.md']);
    assert.equal(code, 0);
    assert.match(stdout, /^# Architecture documents\n/u);
    assert.match(stdout, /\| test\/fixtures\/blind\/filled-ko\.md \| 100% \(196\/196\) \| ✅ 11\/11 \|/u);
    assert.match(stdout, /\| test\/fixtures\/documents\/two-missing-sections\.md \| 96% \(187\/193\) \|.* 🟡 3\/6 \|/u);
  });

  it('writes the report in Korean with --lang ko, or with a Korean LANG', () => {
    const paths = ['test/fixtures/blind/filled-ko.md', 'test/fixtures/blind/gaps-ko.md'];
    const markdown = archdoc(['report', '--lang', 'ko', '--format', 'markdown', ...paths]);
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.match(markdown.stdout, /^# 아키텍처 문서\n\n아키텍처 문서 2개, 슬롯 \d+\/\d+개 채움 \(\d+%\)\.\n/u);
    assert.match(markdown.stdout, /^\| 문서 \| 작성률 \| 1\. 개요/mu);
    assert.match(markdown.stdout, /❌ 누락/u);
    assert.match(markdown.stdout, /^✅ 완료 · 🟡 일부 · ⭕ 비어 있음 · ❌ 누락 · · 채울 항목 없음$/mu);
    assert.doesNotMatch(markdown.stdout, /architecture document|Document|Completion|complete|partial|missing|nothing to fill/u);
    assert.equal(archdoc(['report', '--format', 'markdown', ...paths], repoRoot, { LANG: 'ko_KR.UTF-8' }).stdout, markdown.stdout);

    const out = join(dir, 'r.html');
    const html = archdoc(['report', '--lang', 'ko', '-o', out, ...paths]);
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stderr, /^archdoc: .*r\.html에 보고서를 썼습니다 \(아키텍처 문서 2개, 작성률 \d+%\)\.\n$/u);
    const page = readFileSync(out, 'utf8');
    assert.match(page, /<html lang="ko">/u);
    assert.match(page, /<th scope="col">문서<\/th><th scope="col">작성률<\/th>/u);
    assert.match(page, /<ul class="legend" aria-label="범례">/u);
    assert.match(page, /에 archdoc으로 생성<\/p>/u);
    assert.doesNotMatch(page, /document\(s\)|slot\(s\)|Completion|Legend|nothing to fill|Generated/u);
    // English stays the default.
    assert.match(archdoc(['report', '-o', out, ...paths]).stderr, /wrote .*r\.html \(2 architecture document\(s\), \d+% complete\)/u);
    assert.match(readFileSync(out, 'utf8'), /<html lang="en">/u);
  });

  it('rejects bad options and unreadable paths with exit 2', () => {
    assert.equal(archdoc(['report', '--history-limit', '0', 'test/fixtures']).code, 2);
    assert.equal(archdoc(['report', '--format', 'sarif', 'test/fixtures']).code, 2);
    assert.equal(archdoc(['check', '-o', 'x.html', 'test/fixtures']).code, 2);
    const missing = archdoc(['report', join(dir, 'nothing-here')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder/u);
  });

  it('draws completion over a git history of three commits (--history)', function () {
    const git = (...args: string[]) => {
      const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
      assert.equal(result.status, 0, result.stderr);
    };
    git('init', '-q');
    const versions = [
      '# Decision Record: cache\n\n## Context\n- **Problem**: \n- **Constraints**: \n\n## Decision\n- **Choice**: \n- **Reason**: \n',
      '# Decision Record: cache\n\n## Context\n- **Problem**: slow pages\n- **Constraints**: \n\n## Decision\n- **Choice**: \n- **Reason**: \n',
      '# Decision Record: cache\n\n## Context\n- **Problem**: slow pages\n- **Constraints**: one region\n\n## Decision\n- **Choice**: Redis\n- **Reason**: \n',
    ];
    writeFileSync(join(dir, 'decision-record.md'), '# Decision Record\n\n## Context\n- **Problem**: \n- **Constraints**: \n\n## Decision\n- **Choice**: \n- **Reason**: \n');
    versions.forEach((text, i) => {
      writeFileSync(join(dir, 'adr.md'), text);
      git('add', 'adr.md');
      git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', `v${i + 1}`, `--date=2026-0${i + 1}-01T12:00:00Z`);
    });
    const template = join(dir, 'decision-record.md');
    const { code, stdout, stderr } = archdoc(['report', '--template', template, '--history', 'adr.md'], dir);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Completion over 3 commit\(s\): 0% on 2026-01-01, 75% on 2026-03-01/u);
    const dots = [...stdout.matchAll(/<title>(\d{4}-\d\d-\d\d) [0-9a-f]{7}: (\d+)%<\/title>/gu)].map((m) => `${m[1]} ${m[2]}%`);
    assert.deepEqual(dots, ['2026-01-01 0%', '2026-02-01 25%', '2026-03-01 75%']);
    // At most N commits: the newest ones.
    const limited = archdoc(['report', '--template', template, '--history-limit', '2', '--format', 'markdown', 'adr.md'], dir);
    assert.match(limited.stdout, /\| adr\.md \| 75% \(3\/4\) \|.*\| 25% → 75% \(2 commit\(s\)\) \|/u);
    // Outside a repository there is no history, and no error.
    const outside = archdoc(['report', '--history', '--format', 'markdown', join(repoRoot, 'test/fixtures/blind/filled-ko.md')], tmpdir());
    assert.equal(outside.code, 0, outside.stderr);
  });
});
