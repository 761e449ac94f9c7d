import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Analysis, analyze, builtinTemplates, getParseCount, type Template } from '../../src/core';
import { corpusAvailable, readRepoFile, repoRoot, worldDir, worldTemplate, makeTempFolder, removeFolder } from './helpers';

const arc42 = () => worldTemplate('arc42-9.0-EN-withhelp');
const madr4 = () => worldTemplate('madr-4.0.0');
/** Every template a workspace could have at once: the built-ins and the world's. */
const allTemplates = () => [...builtinTemplates(), arc42(), worldTemplate('arc42-9.0-EN-plain'), worldTemplate('madr-2.1.2'), worldTemplate('madr-3.0.0'), madr4(), worldTemplate('madr-4.0.0-minimal')];

function skipWithoutWorldTemplates(this: Mocha.Context): void {
  if (!corpusAvailable) this.skip();
}

function analyzeWith(text: string, templates: readonly Template[] = allTemplates(), maxFileSize?: number): Analysis {
  return analyze(text, { templates, options: { maxFileSize } });
}

/** Plain Markdown that must stay quiet whatever templates are loaded. */
const ORDINARY_MARKDOWN: Record<string, string> = {
  'README with install and usage': '# fastqueue\n\nA tiny job queue.\n\n## Installation\n\n```\nnpm i fastqueue\n```\n\n## Usage\n\nCall `enqueue`.\n\n## Configuration\n\n## Contributing\n\n## License\n\nMIT\n',
  'design note': '# Caching the catalogue\n\n## Overview\n\nWe cache.\n\n## Goals\n\n- fast\n\n## Non-Goals\n\n## Decision\n\nRedis.\n\n## Alternatives\n\n## Consequences\n\nOne more service.\n',
  'changelog': '# Changelog\n\n## [1.2.0] - 2026-01-01\n\n### Added\n\n- a\n\n### Fixed\n\n- b\n\n## [1.1.0] - 2025-12-01\n\n### Changed\n\n- c\n',
  'guide with an introduction': '# User guide\n\n# Introduction\n\nHello.\n\n# Context\n\n# Getting Started\n\n# Glossary\n\n| Term | Meaning |\n|---|---|\n| a | b |\n',
  'Korean README': '# 사내 배포 도구\n\n## 개요\n\n배포를 돕습니다.\n\n## 설치\n\n## 사용법\n\n## 참고 자료\n\n## 라이선스\n',
  'meeting notes': 'Meeting notes\n=============\n\nContext\n-------\n\nWe met.\n\n## Decision Outcome\n\nShip it.\n\n## Action items\n',
};

describe('recognition by structure', () => {
  before(skipWithoutWorldTemplates);
  it('a retitled Korean document gets the same findings as the original', () => {
    const original = readRepoFile('samples/architecture.md');
    const retitled = original.replace(/^# .*$/mu, '# 도서 대여 시스템 아키텍처 정의서');
    assert.notEqual(retitled, original);
    const before = analyze(original, { templates: builtinTemplates() });
    const after = analyze(retitled, { templates: builtinTemplates() });
    assert.equal(before.recognition, 'title');
    assert.equal(after.recognition, 'structure');
    assert.equal(after.templateId, 'high-level-architecture');
    assert.deepEqual(after.recognizedSections, { matched: 17, total: 17 });
    assert.deepEqual(after.findings, before.findings);
    assert.deepEqual(after.progress, before.progress);
  });

  it('recognises an arc42 document with its own title, numbered H1 chapters and no front matter', () => {
    const text = readRepoFile('test/fixtures/structure/arc42-library.md');
    const analysis = analyzeWith(text, [...builtinTemplates(), arc42()]);
    assert.equal(analysis.templateId, arc42().id);
    assert.equal(analysis.recognition, 'structure');
    assert.deepEqual(analysis.recognizedSections, { matched: 10, total: 12 });
    assert.deepEqual(analysis.sections.map((node) => node.title.replace(/^\d+\. /u, '')), arc42().topLevel.map((section) => section.title).map((title) =>
      title.replace('Context and Scope', 'System Scope and Context').replace('Architecture Decisions', 'Design Decisions'),
    ));
  });

  it('recognises an arc42 document written from the template with its empty H1 and unnumbered chapters', () => {
    const chapters = ['Introduction and Goals', 'Architecture Constraints', 'Context and Scope', 'Solution Strategy', 'Building Block View', 'Runtime View', 'Glossary'];
    const text = `# \n\n${chapters.map((chapter) => `# ${chapter}\n\nWritten.\n`).join('\n')}`;
    const analysis = analyzeWith(text, [arc42()]);
    assert.equal(analysis.recognition, 'structure');
    assert.deepEqual(analysis.sections.map((node) => node.title).filter((title) => chapters.includes(title)), chapters);
    assert.deepEqual(analysis.recognizedSections, { matched: 7, total: 12 });
    // Six of twelve is half: still recognised; five is not.
    assert.equal(analyzeWith(text.replace('# Glossary', '# Appendix'), [arc42()]).recognition, 'structure');
    assert.equal(analyzeWith(text.replace('# Glossary', '# Appendix').replace('# Runtime View', '# Scenarios'), [arc42()]).templateId, undefined);
  });

  it('recognises every MADR decision record of the MADR project by its sections, with the MADR 4 template alone', () => {
    const records = readdirMarkdown(join(worldDir, 'madr-decisions'));
    assert.ok(records.length >= 19);
    for (const path of records) {
      const analysis = analyzeWith(readFileSync(path, 'utf8'), [...builtinTemplates(), madr4()]);
      assert.equal(analysis.templateId, madr4().id, path);
      assert.equal(analysis.recognition, 'structure', path);
    }
  });

  it('recognises an ADR whose H1 is its own title and whose headings are numbered', () => {
    const text = '# Use PostgreSQL for loans\n\n## 1. Context and Problem Statement\n\nWe need a store.\n\n## 2. Considered Options\n\n* PostgreSQL\n* MongoDB\n\n## 3. Decision Outcome\n\nChosen option: "PostgreSQL", because we know it.\n';
    const analysis = analyzeWith(text);
    assert.equal(analysis.recognition, 'structure');
    assert.equal(analysis.templateId, 'madr-4.0.0-minimal');
    assert.deepEqual(analysis.recognizedSections, { matched: 3, total: 3 });
  });

  for (const [name, text] of Object.entries(ORDINARY_MARKDOWN)) {
    it(`leaves ordinary Markdown alone, without parsing it: ${name}`, () => {
      const parses = getParseCount();
      const analysis = analyzeWith(text);
      assert.equal(analysis.templateId, undefined);
      assert.deepEqual(analysis.findings, []);
      assert.equal(getParseCount(), parses, 'the pre-parse check let ordinary Markdown through');
    });
  }

  it("leaves the repository's own README and CHANGELOG alone", () => {
    for (const file of ['README.md', 'CHANGELOG.md']) assert.equal(analyzeWith(readRepoFile(file)).templateId, undefined, file);
  });

  it('needs at least three top-level titles and half of them', () => {
    const two = '# Notes\n\n## Context and Problem Statement\n\n## Considered Options\n';
    assert.equal(analyzeWith(two).templateId, undefined);
    const koreanFew = '# 메모\n\n## 1. 개요\n\n## 2. 요구사항\n\n## 3. 아키텍처 원칙\n\n## 문서 이력\n';
    assert.equal(analyzeWith(koreanFew, builtinTemplates()).templateId, undefined);
  });

  it('the pre-parse check lets a structural document through and finds it without a parse when the file is too large', () => {
    const text = readRepoFile('test/fixtures/structure/arc42-library.md');
    const parses = getParseCount();
    assert.equal(analyzeWith(text, [arc42()]).templateId, arc42().id);
    assert.ok(getParseCount() > parses);
    const tooLarge = analyzeWith(text, [arc42()], 100);
    assert.equal(tooLarge.templateId, arc42().id);
    assert.match(tooLarge.skippedReason ?? '', /larger than/u);
  });
});

/** Needs only the built-in templates: runs without ../shared. */
describe('recognition by front matter, title and include glob', () => {
  it('says how every other document was recognised', () => {
    const body = '## 1. 개요 (Executive Summary)\n- **A**: \n';
    const templates = builtinTemplates();
    assert.equal(analyze(`---\narchdoc: high-level-architecture\n---\n${body}`, { templates }).recognition, 'front-matter');
    assert.equal(analyze(`# High Level 아키텍처 정의서\n${body}`, { templates }).recognition, 'title');
    assert.equal(analyze(body, { templates, options: { path: 'docs/a.md', include: ['docs/*.md'] } }).recognition, 'include');
    const forced = analyze(body, { templates, options: { templateId: 'high-level-architecture' } });
    assert.equal(forced.recognition, 'forced');
    assert.equal(forced.recognizedSections, undefined);
  });

  it('reads the archdoc: front-matter key however it is written, and beside values that are not valid YAML', () => {
    const body = '## Context and Problem Statement\n\nWe need a queue.\n';
    const templates = builtinTemplates();
    const declared = (frontMatter: string) => analyze(`---\n${frontMatter}\n---\n${body}`, { templates });
    for (const line of ['archdoc: adr', 'archdoc: "adr"', "archdoc: 'adr'", 'archdoc: adr   # the template', 'archdoc:   adr  ']) {
      const analysis = declared(`status: accepted\n${line}`);
      assert.equal(analysis.templateId, 'adr', line);
      assert.equal(analysis.recognition, 'front-matter', line);
    }
    // MADR writes unquoted `{…}` values: not YAML, yet the key beside them still names the template.
    assert.equal(declared('status: {proposed | accepted}\ndeciders: [a, b\narchdoc: adr').templateId, 'adr');
    assert.equal(declared('title: x').recognition, undefined);
    assert.equal(declared('archdoc:').recognition, undefined);
    assert.match(declared('archdoc: no-such-template').skippedReason ?? '', /no-such-template/u);
  });
});

describe('archdoc with a workspace template recognised by structure', function () {
  this.timeout(30000);
  before(skipWithoutWorldTemplates);
  let dir: string;
  beforeEach(() => (dir = makeTempFolder('archdoc-structure-')));
  afterEach(() => removeFolder(dir));

  it('checks an arc42 document with no front matter and its own title, and says how it was recognised', () => {
    mkdirSync(join(dir, '.archdoc/templates'), { recursive: true });
    copyFileSync(join(worldDir, 'arc42-9.0-EN-withhelp.md'), join(dir, '.archdoc/templates/arc42-9.0-EN-withhelp.md'));
    copyFileSync(join(repoRoot, 'test/fixtures/structure/arc42-library.md'), join(dir, 'architecture.md'));
    copyFileSync(join(repoRoot, 'README.md'), join(dir, 'README.md'));
    const run = (args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin/archdoc.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    const check = run(['check', '--format', 'json', 'architecture.md', 'README.md']);
    const files = JSON.parse(check.stdout).files as Array<{ path: string; template: string; findings: Array<{ rule: string; line: number; message: string }> }>;
    assert.deepEqual(files.map((file) => [file.path, file.template]), [['architecture.md', 'arc42-9.0-EN-withhelp']]);
    assert.deepEqual(files[0].findings.map((f) => `${f.rule}@${f.line} ${f.message}`), [
      'missing-section@43 Section "Level 3" of the template is missing.',
      'missing-section@73 Section "Infrastructure Level 2" of the template is missing.',
      'missing-section@89 Section "Quality Requirements Overview" of the template is missing.',
    ]);
    const outline = run(['outline', 'architecture.md']).stdout.split('\n');
    assert.equal(outline[1], '  template arc42-9.0-EN-withhelp, recognised by its section titles (10 of 12 top-level sections)');
    assert.ok(outline.includes('3. System Scope and Context (renamed from "Context and Scope")  5/5 ✓'), outline.join('\n'));
    assert.ok(outline.includes('9. Design Decisions (renamed from "Architecture Decisions")  –'), outline.join('\n'));
  });
});

function readdirMarkdown(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.md')).sort().map((name) => join(folder, name));
}
