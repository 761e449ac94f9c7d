import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS, RULES } from '../../src/core';
import { check, doc, repoRoot } from './helpers';

const cli = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin/archdoc.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });

describe('the rule table', () => {
  it('every rule has an id, a default severity, texts in English and Korean and a docs section', () => {
    assert.equal(new Set(RULE_IDS).size, RULES.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/u);
      for (const locale of ['en', 'ko'] as const) {
        assert.ok(rule.description[locale].length > 10, `${rule.id} ${locale} description`);
        assert.ok(rule.message[locale]({ label: 'L', title: 'T', text: 'X', columns: 'C', raw: 'a/b' }).length > 5, `${rule.id} ${locale} message`);
      }
      assert.ok(rule.docs.length > 20, `${rule.id} docs`);
      assert.ok(rule.checkItem || rule.checkSection || rule.checkDocument, `${rule.id} has a check`);
    }
  });

  it('`archdoc rules --format json` lists the table; its ids = package.json archdoc.severity keys = README rule anchors', () => {
    const result = cli('rules', '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const listed = JSON.parse(result.stdout) as { rules: Array<{ id: string; severity: string; description: string; url: string }> };
    assert.deepEqual(listed.rules.map((rule) => rule.id), [...RULE_IDS]);
    for (const rule of listed.rules) {
      assert.deepEqual(Object.keys(rule), ['id', 'severity', 'description', 'url']);
      assert.equal(rule.url, `https://github.com/archdoc/archdoc#rule-${rule.id}`);
    }
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(pkg.contributes.configuration.properties['archdoc.severity'].properties), [...RULE_IDS]);
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    assert.deepEqual([...readme.matchAll(/^### rule-([\w-]+)$/gmu)].map((match) => match[1]), [...RULE_IDS]);
  });

  it('`archdoc rules` prints one rule per entry in text, in Korean with --lang ko, and refuses other formats', () => {
    const text = cli('rules');
    assert.equal(text.status, 0);
    for (const rule of RULES) assert.ok(text.stdout.includes(`${rule.id} `) && text.stdout.includes(rule.description.en), rule.id);
    assert.ok(cli('rules', '--lang', 'ko').stdout.includes(RULES[0].description.ko));
    assert.equal(cli('rules', '--format', 'sarif').status, 2);
  });

  it('generated files (snippets, settings schema and its texts, README rule sections) are in sync (npm run generate)', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/generate.mjs'), '--check'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('SARIF lists the table with descriptions and default levels', () => {
    const result = cli('check', '--format', 'sarif', 'samples/architecture.md');
    const driver = JSON.parse(result.stdout).runs[0].tool.driver;
    assert.deepEqual(driver.rules.map((rule: { id: string }) => rule.id), [...RULE_IDS]);
    assert.equal(driver.rules[0].shortDescription.text, RULES[0].description.en);
    assert.equal(driver.rules[0].defaultConfiguration.level, 'warning');
  });
});

describe('findings in sections the author has not started', () => {
  const text = doc('## 1. 개요\n\n- **비즈니스 목적**: 도서 대여\n- **핵심 기능**: \n\n## 2. 요구사항\n\n- **성능**: \n- **보안**: \n');
  const severityAt = (analysis: ReturnType<typeof check>, line: number) => analysis.findings.find((finding) => finding.line === line)?.severity;

  it('are information by default, while a started section keeps its warnings', () => {
    const analysis = check(text);
    assert.equal(severityAt(analysis, 6), 'warning');
    assert.equal(severityAt(analysis, 10), 'information');
    assert.equal(severityAt(analysis, 11), 'information');
  });

  it('stay warnings with unstartedSections: warning, and an explicit severity is kept', () => {
    assert.equal(severityAt(check(text, { unstartedSections: 'warning' }), 10), 'warning');
    assert.equal(severityAt(check(text, { severity: { 'empty-field': 'error' } }), 10), 'error');
  });

  it('are still one finding each at their own line, counted as open slots', () => {
    const analysis = check(text);
    assert.deepEqual(
      analysis.findings.filter((finding) => finding.rule === 'empty-field').map((finding) => finding.line),
      [6, 10, 11],
    );
  });
});
