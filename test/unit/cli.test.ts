import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { archdocCli, repoRoot, makeTempFolder, removeFolder } from './helpers';

// Project fixtures: a fully filled document, and the same document without sections 9.2 and 14.2.
const filled = join(repoRoot, 'test/fixtures/blind/filled-ko.md');
const deviant = join(repoRoot, 'test/fixtures/documents/two-missing-sections.md');
const template = join(repoRoot, 'templates/high-level-architecture.md');

const archdoc = archdocCli;

describe('archdoc check', function () {
  // Every test spawns the CLI (a Node start each): slow when the CPU is shared.
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = makeTempFolder('archdoc-cli-')));
  afterEach(() => removeFolder(dir));

  it('prints exactly the SPEC §3 JSON object and exits 1 on findings', () => {
    const { code, stdout } = archdoc(['check', '--format', 'json', deviant]);
    assert.equal(code, 1);
    const json = JSON.parse(stdout);
    assert.deepEqual(Object.keys(json), ['files']);
    const [file] = json.files;
    assert.deepEqual(Object.keys(file), ['path', 'template', 'completion', 'findings']);
    assert.equal(file.template, 'high-level-architecture');
    assert.deepEqual(Object.keys(file.completion), ['filled', 'total']);
    assert.equal(file.findings.length, 2);
    for (const finding of file.findings) {
      assert.deepEqual(Object.keys(finding), ['rule', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message']);
    }
    assert.deepEqual(file.findings.map((f: { line: number }) => f.line), [332, 486]);
  });

  it('exits 0 with no findings on a filled document', () => {
    const { code, stdout } = archdoc(['check', filled]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /0 finding\(s\), \d+\/\d+ slots filled \(100%\)/);
  });

  it('walks folders, checks only architecture documents and names the others', () => {
    copyFileSync(deviant, join(dir, 'hla.md'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'README.md'), '# Readme\n\n- **Empty**: \n');
    const { code, stdout } = archdoc(['check', dir]);
    assert.equal(code, 1);
    assert.match(stdout, /hla\.md:332:1: warning missing-section/);
    assert.match(stdout, /README\.md: skipped \(not an architecture document\)/);
    const json = JSON.parse(archdoc(['check', '--format', 'json', dir]).stdout);
    assert.equal(json.files.length, 1);
  });

  it('reports missing, unreadable and binary files by name on stderr, goes on, and exits 2', () => {
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    const { code, stdout, stderr } = archdoc(['check', '--format', 'json', join(dir, 'nope.md'), join(dir, 'binary.md'), deviant]);
    assert.equal(code, 2);
    assert.match(stderr, /nope\.md: no such file or folder/);
    assert.match(stderr, /binary\.md: binary file/);
    assert.doesNotMatch(stderr, /\n\s+at /u, 'no stack trace');
    assert.equal(JSON.parse(stdout).files.length, 1);
  });

  it('writes SARIF 2.1.0 and GitHub annotations', () => {
    const sarif = JSON.parse(archdoc(['check', '--format', 'sarif', deviant]).stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.name, 'archdoc');
    assert.equal(sarif.runs[0].results.length, 2);
    assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine, 332);
    const github = archdoc(['check', '--format', 'github', deviant]).stdout.trim().split('\n');
    assert.equal(github.length, 2);
    assert.match(github[0], /^::warning file=.*two-missing-sections\.md,line=332,col=1,endLine=332,endColumn=\d+,title=archdoc missing-section::Section/);
  });

  it('checks a file against --template even without a matching title, and --template takes a path', () => {
    // Only chapters 1 and 2 under another title: too little of the template to be recognised by its structure.
    const retitled = readFileSync(template, 'utf8').replace('# High Level 아키텍처 정의서', '# 우리 시스템');
    writeFileSync(join(dir, 'untitled.md'), retitled.slice(0, retitled.indexOf('\n## 3.') + 1));
    assert.equal(JSON.parse(archdoc(['check', '--format', 'json', join(dir, 'untitled.md')]).stdout).files.length, 0);
    const forced = JSON.parse(archdoc(['check', '--format', 'json', '--template', 'high-level-architecture', join(dir, 'untitled.md')]).stdout);
    assert.equal(forced.files[0].findings.length, 42);
    writeFileSync(join(dir, 'mine.md'), '# My Template\n\n## Goals\n- **Owner**: \n');
    writeFileSync(join(dir, 'doc.md'), '# My Template for X\n\n## Goals\n- **Owner**: Kim\n');
    const custom = JSON.parse(archdoc(['check', '--format', 'json', '--template', join(dir, 'mine.md'), join(dir, 'doc.md')]).stdout);
    assert.deepEqual(custom.files[0].completion, { filled: 1, total: 1 });
    assert.equal(custom.files[0].template, 'mine');
    writeFileSync(join(dir, 'typo.md'), `---\narchdoc: high-level-architectur\n---\n${retitled}`);
    const typo = archdoc(['check', '--template', 'high-level-architecture', join(dir, 'typo.md')]);
    assert.equal(typo.code, 2, 'a front matter naming an unknown template stays an error');
    assert.match(typo.stderr, /Unknown template "high-level-architectur"/u);
  });

  it('loads .archdoc/templates from the current folder', () => {
    mkdirSync(join(dir, '.archdoc', 'templates'), { recursive: true });
    writeFileSync(join(dir, '.archdoc', 'templates', 'adr.md'), '# ADR\n\n## Context\n- **Problem**: \n');
    writeFileSync(join(dir, 'adr-001.md'), '# ADR 001\n\n## Context\n- **Problem**: \n');
    const json = JSON.parse(archdoc(['check', '--format', 'json', 'adr-001.md'], dir).stdout);
    assert.equal(json.files[0].template, 'adr');
    assert.deepEqual(json.files[0].findings.map((f: { rule: string }) => f.rule), ['empty-field']);
  });

  it('rejects bad usage with exit 2, the reason first, then the synopsis, not the whole help', () => {
    for (const args of [[], ['check'], ['check', '--format', 'xml', filled], ['frobnicate'], ['check', '--nope', filled], ['init', '--allow-empty']]) {
      const { code, stderr } = archdoc(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^archdoc: .+\n\nUsage:\n/u);
      assert.match(stderr, /Run "archdoc --help" for every option\.\n$/u);
      assert.doesNotMatch(stderr, /Options:/u);
    }
    assert.match(archdoc(['rules', '--format', 'xml']).stderr, /^archdoc: Unknown format "xml" \(use text, json\)\./u);
  });

  it('applies the templates and settings of the workspace folder when run in a folder below it', () => {
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, '.archdoc', 'templates'), { recursive: true });
    writeFileSync(join(dir, '.archdoc', 'templates', 'adr.md'), '# ADR\n\n## Context\n- **Problem**: \n');
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'archdoc.include': ['docs/decisions/*.md'] }));
    mkdirSync(join(dir, 'docs', 'decisions'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'adr-001.md'), '# ADR 001\n\n## Context\n- **Problem**: \n');
    writeFileSync(join(dir, 'docs', 'decisions', 'queue.md'), '# Queue\n\n## Context\n- **Problem**: \n');
    const json = JSON.parse(archdoc(['check', '--format', 'json', '.'], join(dir, 'docs')).stdout);
    assert.deepEqual(json.files.map((file: { path: string; template: string }) => `${file.path} ${file.template}`), ['adr-001.md adr', 'decisions/queue.md high-level-architecture']);
    // Not above the repository: a parent folder's templates belong to another project.
    const nested = join(dir, 'vendor', 'lib');
    mkdirSync(join(nested, '.git'), { recursive: true });
    writeFileSync(join(nested, 'adr-002.md'), '# ADR 002\n\n## Context\n- **Problem**: \n');
    assert.match(archdoc(['check', 'adr-002.md'], nested).stdout, /^adr-002\.md: skipped \(not an architecture document\)$/mu);
  });

  it('names the languages when --lang is not one of them', () => {
    const { code, stdout, stderr } = archdoc(['check', '--lang', 'fr', filled]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /Unknown language "fr" \(use en, ko\)/u);
  });

  it('exits 2 with a one-line reason when the paths hold no Markdown file, unless --allow-empty', () => {
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'text'));
    writeFileSync(join(dir, 'text', 'notes.txt'), '# High Level 아키텍처 정의서\n');
    for (const folder of ['empty', 'text/']) {
      const { code, stdout, stderr } = archdoc(['check', folder], dir);
      assert.equal(code, 2, folder);
      assert.equal(stdout, '');
      assert.match(stderr, new RegExp(`^archdoc: no Markdown files \\(\\*\\.md, \\*\\.markdown\\) in ${folder}; .*--allow-empty.*\n$`, 'u'));
    }
    const allowed = archdoc(['check', '--allow-empty', '--format', 'json', 'empty', 'text'], dir);
    assert.equal(allowed.code, 0);
    assert.deepEqual(JSON.parse(allowed.stdout), { files: [] });
    writeFileSync(join(dir, 'text', 'README.md'), '# Readme\n');
    const plain = archdoc(['check', 'text'], dir);
    assert.equal(plain.code, 0, 'Markdown that is not an architecture document is no error');
    assert.match(plain.stdout, /text\/README\.md: skipped \(not an architecture document\)/u);
  });

  it('prints only the error when nothing could be read', () => {
    const { code, stdout, stderr } = archdoc(['check', join(dir, 'nope.md')]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `archdoc: ${join(dir, 'nope.md')}: no such file or folder\n`);
  });

  it('checks *.markdown like *.md, in folders and named, in any case', () => {
    mkdirSync(join(dir, 'docs'));
    copyFileSync(deviant, join(dir, 'docs', 'hla.markdown'));
    copyFileSync(deviant, join(dir, 'docs', 'OTHER.MD'));
    const json = JSON.parse(archdoc(['check', '--format', 'json', 'docs'], dir).stdout);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['docs/hla.markdown', 'docs/OTHER.MD']);
    const named = JSON.parse(archdoc(['check', '--format', 'json', 'docs/hla.markdown'], dir).stdout);
    assert.equal(named.files[0].findings.length, 2);
  });

  it('skips dependency, build and template folders when walking, as the editor does', () => {
    cpSync(join(repoRoot, 'test/fixtures/workspace'), dir, { recursive: true });
    for (const folder of ['node_modules/pkg', 'dist', '.archdoc/templates/old']) {
      mkdirSync(join(dir, folder), { recursive: true });
      copyFileSync(deviant, join(dir, folder, 'hla.md'));
    }
    const { stdout } = archdoc(['check', '.'], dir);
    assert.deepEqual(
      stdout.split('\n').filter((line) => /^[^:]+\.md: /u.test(line)),
      ['docs/architecture.md: 140 finding(s), 13/152 slots filled (8%) [high-level-architecture]', 'README.md: skipped (not an architecture document)'],
    );
    assert.equal(archdoc(['check', '--format', 'json', 'dist/hla.md'], dir).code, 1, 'a file named on the command line is checked wherever it is');
  });

  it('names a template file that cannot be used, applies the others and exits 2', () => {
    mkdirSync(join(dir, '.archdoc', 'templates'), { recursive: true });
    writeFileSync(join(dir, '.archdoc', 'templates', 'adr.md'), '# ADR\n\n## Context\n- **Problem**: \n');
    writeFileSync(join(dir, '.archdoc', 'templates', 'legacy.md'), Buffer.from([0x23, 0x20, 0xc7, 0xd1, 0x0a]));
    writeFileSync(join(dir, 'adr-001.md'), '# ADR 001\n\n## Context\n- **Problem**: \n');
    const { code, stdout, stderr } = archdoc(['check', '--format', 'json', 'adr-001.md'], dir);
    assert.equal(code, 2);
    assert.equal(stderr, 'archdoc: template .archdoc/templates/legacy.md: not valid UTF-8 (save it as UTF-8)\n');
    assert.equal(JSON.parse(stdout).files[0].template, 'adr');
  });

  it('never checks the template file itself: MADR keeps its template beside the decisions', () => {
    const decisions = join(dir, 'docs', 'decisions');
    mkdirSync(decisions, { recursive: true });
    writeFileSync(join(decisions, 'adr-template.md'), '# {short title of the decision}\n\n## Context\n- **Problem**: \n\n## Considered Options\n\n* {title of option 1}\n\n## Decision\n- **Choice**: Build/Buy\n\n## Consequences\n- **Risk**: \n');
    writeFileSync(join(decisions, '0001-queue.md'), '# Use a queue\n\n## Context\n- **Problem**: slow jobs\n\n## Considered Options\n\n* A hosted queue\n* Our own table\n\n## Decision\n- **Choice**: Buy\n\n## Consequences\n- **Risk**: lock-in\n');
    const walked = archdoc(['check', '--template', 'docs/decisions/adr-template.md', 'docs/decisions/'], dir);
    assert.equal(walked.code, 0, walked.stdout + walked.stderr);
    assert.equal(walked.stderr, 'archdoc: docs/decisions/adr-template.md: a template (--template or archdoc.templates), not a document; not checked.\n');
    assert.match(walked.stdout, /^docs\/decisions\/0001-queue\.md: 0 finding\(s\), 4\/4 slots filled \(100%\) \[adr-template\]$/mu);
    assert.match(walked.stdout, /^docs\/decisions\/adr-template\.md: skipped \(not an architecture document\)$/mu);
    // The same through the setting, and for the file named on the command line (as a shell glob names it).
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'archdoc.templates': ['docs/decisions/adr-template.md'] }));
    const named = archdoc(['check', '--format', 'json', 'docs/decisions/0001-queue.md', 'docs/decisions/adr-template.md'], dir);
    assert.equal(named.code, 0, named.stderr);
    assert.deepEqual(JSON.parse(named.stdout).files.map((file: { path: string }) => file.path), ['docs/decisions/0001-queue.md']);
  });

  it('skips a file named as a template (adr-template.md) without any setting, saying so', () => {
    mkdirSync(join(dir, 'decisions'));
    writeFileSync(join(dir, 'decisions', 'adr-template.md'), '# {short title}\n\n## Context and Problem Statement\n\n{problem}\n');
    writeFileSync(join(dir, 'decisions', 'template-engine.md'), '# Template engine notes\n');
    const run = archdoc(['check', 'decisions'], dir);
    assert.equal(run.stderr, 'archdoc: decisions/adr-template.md: a template by its name (*-template.md), not a document; not checked.\n');
    assert.match(run.stdout, /^decisions\/template-engine\.md: skipped \(not an architecture document\)$/mu);
  });

  it('reads absolute paths in archdoc.templates', () => {
    writeFileSync(join(dir, 'mine.md'), '# My Template\n\n## Goals\n- **Owner**: \n');
    const project = join(dir, 'project');
    mkdirSync(join(project, '.vscode'), { recursive: true });
    writeFileSync(join(project, '.vscode', 'settings.json'), JSON.stringify({ 'archdoc.templates': [join(dir, 'mine.md')] }));
    writeFileSync(join(project, 'doc.md'), '# My Template for X\n\n## Goals\n- **Owner**: \n');
    const { code, stdout, stderr } = archdoc(['check', '--format', 'json', 'doc.md'], project);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.equal(JSON.parse(stdout).files[0].template, 'mine');
  });

  it('init makes the folder of the new document', () => {
    const { code, stdout } = archdoc(['init', '--template', 'adr', 'docs/decisions/0001-queue.md'], dir);
    assert.equal(code, 0);
    assert.equal(stdout, 'Wrote docs/decisions/0001-queue.md from template adr.\n');
    assert.ok(existsSync(join(dir, 'docs', 'decisions', '0001-queue.md')));
  });

  it('init writes the template and never overwrites; outline prints the tree', () => {
    const target = join(dir, 'new.md');
    assert.equal(archdoc(['init', target]).code, 0);
    assert.equal(readFileSync(target, 'utf8'), readFileSync(template, 'utf8'));
    writeFileSync(target, 'mine');
    const again = archdoc(['init', target]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists/);
    assert.equal(readFileSync(target, 'utf8'), 'mine');
    assert.equal(archdoc(['init', '--template', 'high-level-architecture-en', join(dir, 'en.md')]).code, 0);
    assert.match(readFileSync(join(dir, 'en.md'), 'utf8'), /^# High Level Architecture Definition/);
    const outline = archdoc(['outline', deviant]);
    assert.equal(outline.code, 0);
    assert.match(outline.stdout, /^ {2}9\.2 데이터 과학 플랫폼 {2}MISSING$/mu);
    assert.match(outline.stdout, /^1\. 개요 ?\(Executive Summary\) {2}\d+\/\d+ ✓$/mu);
  });

  it('prints Korean messages with --lang ko', () => {
    const json = JSON.parse(archdoc(['check', '--format', 'json', '--lang', 'ko', deviant]).stdout);
    assert.equal(json.files[0].findings[0].message, '템플릿의 "9.2 데이터 과학 플랫폼" 섹션이 없습니다.');
  });

  it('applies archdoc.* settings from .vscode/settings.json (comments allowed)', () => {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'settings.json'), '{\n  // CI uses the editor settings\n  "archdoc.severity": { "missing-section": "off", "empty-field": "error" },\n  "archdoc.include": ["notes/**/*.md"],\n}\n');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'plan.md'), '# Plan\n\n## 1. 개요\n- **비즈니스 목적**: \n');
    const json = JSON.parse(archdoc(['check', '--format', 'json', 'notes/plan.md'], dir).stdout);
    assert.deepEqual(json.files[0].findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`), ['empty-field:error']);
  });

  it('reports invalid UTF-8 and an unknown front-matter template as errors (exit 2)', () => {
    writeFileSync(join(dir, 'cp949.md'), Buffer.from([0x23, 0x20, 0xc7, 0xd1, 0xb1, 0xdb, 0x0a]));
    const invalid = archdoc(['check', join(dir, 'cp949.md')]);
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /cp949\.md: not valid UTF-8/u);
    writeFileSync(join(dir, 'typo.md'), '---\narchdoc: high-level-architectur\n---\n# x\n');
    const typo = archdoc(['check', join(dir, 'typo.md')]);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /Unknown template "high-level-architectur"/u);
  });

  it('escapes SARIF artifact URIs and survives a closed pipe', () => {
    copyFileSync(deviant, join(dir, 'a#b 100%.md'));
    const sarif = JSON.parse(archdoc(['check', '--format', 'sarif', 'a#b 100%.md'], dir).stdout);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'a%23b%20100%25.md');
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${join(repoRoot, 'bin', 'archdoc.js')}" check "${template}" "${template}" "${template}" | head -c 10`], { encoding: 'utf8' });
    assert.doesNotMatch(piped.stderr, /EPIPE|Unhandled/u);
  });
});
