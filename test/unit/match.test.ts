import assert from 'node:assert/strict';
import { type Analysis, analyze, builtinTemplates, compileTemplate, loadTemplate, MAX_TEMPLATE_HEADINGS, type SectionNode, type Template } from '../../src/core';
import { needsCorpus, readRepoFile, summary, worldTemplate } from './helpers';

const arc42 = () => worldTemplate('arc42-9.0-EN-plain');
const madr4 = () => worldTemplate('madr-4.0.0');

const sample = readRepoFile('samples/architecture.md');
const check = (text: string, templates: readonly Template[] = builtinTemplates()): Analysis => analyze(text, { templates });

function flatten(nodes: readonly SectionNode[]): SectionNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

function nodeTitled(analysis: Analysis, title: string): SectionNode {
  const node = flatten(analysis.sections).find((candidate) => candidate.title === title);
  assert.ok(node, `no section "${title}"`);
  return node;
}

/** Every heading of a document one level up (`## 1.` → `# 1.`), the title kept. */
function raiseHeadings(text: string): string {
  return text.replace(/^(#{2,6}) /gmu, (_, hashes: string) => `${hashes.slice(1)} `);
}

describe('headings across numbering styles and levels', () => {
  const original = check(sample);

  it('the sample is recognised and matched completely, so the variants below compare against something', () => {
    assert.equal(original.templateId, 'high-level-architecture');
    assert.deepEqual(summary(original.findings, ['missing-section']), []);
    assert.ok(original.findings.length > 0);
  });

  it('H1 chapters under the title (`# 1. 개요`) give the same findings as H2 chapters', () => {
    const raised = check(raiseHeadings(sample).replace(/^# /u, '# '));
    assert.deepEqual(raised.findings, original.findings);
    assert.deepEqual(raised.progress, original.progress);
  });

  it('unnumbered headings give the same findings as numbered ones', () => {
    const unnumbered = check(sample.replace(/^(#{2,6}) \d+(?:\.\d+)*\.? /gmu, '$1 '));
    assert.deepEqual(summary(unnumbered.findings), summary(original.findings));
  });

  it('H1 chapters under no title, recognised by their structure, give the same findings', () => {
    const untitled = raiseHeadings(sample.replace(/^# .*\n/u, ''));
    const analysis = check(untitled);
    assert.equal(analysis.recognition, 'structure');
    assert.equal(analysis.sections[0].title, '1. 개요 (Executive Summary)');
    assert.deepEqual(summary(analysis.findings), summary(original.findings).map((entry) => entry.replace(/\d+$/u, (line) => String(Number(line) - 1))));
  });

  it('arc42 chapters as `# 1. Introduction and Goals` or `## Introduction and Goals` under a title match alike', function () {
    needsCorpus(this);
    const numberedH1 = readRepoFile('test/fixtures/structure/arc42-library.md');
    const unnumberedH2 = numberedH1.replace(/^(#+) (?:\d+(?:\.\d+)*\.? )?/gmu, (_, hashes: string) => (hashes === '#' ? '## ' : `${hashes}# `)).replace(/^## /u, '# ');
    assert.notEqual(unnumberedH2, numberedH1);
    const missing = (text: string) => check(text, [arc42()]).findings.filter((f) => f.rule === 'missing-section').map((f) => f.message);
    assert.deepEqual(missing(numberedH1), [
      'Section "Level 3" of the template is missing.',
      'Section "Infrastructure Level 2" of the template is missing.',
      'Section "Quality Requirements Overview" of the template is missing.',
    ]);
    assert.deepEqual(missing(unnumberedH2), missing(numberedH1));
  });
});

describe('repeatable sections', () => {
  const decisionLog = compileTemplate(
    'decision-log',
    '# 결정 기록부\n\n## 결정 목록\n\n### ADR-001: {결정 제목}\n\n- **상태**: 제안/승인/폐기\n- **결정**: \n\n## 참고 자료\n\n- **링크**: \n',
  );

  it('each heading in a placeholder heading’s place is checked against that section’s body', () => {
    const text = [
      '# 결정 기록부 — 도서 대여',
      '',
      '## 결정 목록',
      '',
      '### ADR-001: 캐시 도입',
      '',
      '- **상태**: 제안/승인/폐기',
      '- **결정**: ',
      '',
      '### ADR-002: 메시지 큐',
      '',
      '- **상태**: 승인',
      '- **결정**: RabbitMQ를 쓴다',
      '',
      '### ADR-003: 인증 방식',
      '',
      '- **상태**: 폐기',
      '- **결정**: ',
      '',
      '### 회의 메모',
      '',
      '화요일 회의.',
      '',
      '## 참고 자료',
      '',
      '- **링크**: 위키',
      '',
    ].join('\n');
    const analysis = check(text, [decisionLog]);
    assert.deepEqual(summary(analysis.findings), ['unchosen-option@7', 'empty-field@8', 'empty-field@18']);
    const adrSection = decisionLog.sections.find((section) => section.title.startsWith('ADR-001'))!;
    for (const title of ['ADR-001: 캐시 도입', 'ADR-002: 메시지 큐', 'ADR-003: 인증 방식']) assert.equal(nodeTitled(analysis, title).templateSectionId, adrSection.id, title);
    // A heading without the fixed words (`ADR-…`) is the author's own.
    assert.equal(nodeTitled(analysis, '회의 메모').templateSectionId, undefined);
  });

  it('none present is one missing section, not one per placeholder heading, unless the section holds something else', () => {
    const missing = (list: string) => check(`# 결정 기록부\n\n## 결정 목록\n\n${list}## 참고 자료\n\n- **링크**: 위키\n`, [decisionLog]).findings.filter((f) => f.rule === 'missing-section').map((f) => f.message);
    assert.deepEqual(missing('<!-- 곧 채운다 -->\n\n'), ['Section "ADR-001: {결정 제목}" of the template is missing.']);
    assert.deepEqual(missing('| 번호 | 결정 |\n|---|---|\n| 1 | 캐시 도입 |\n\n'), []);
  });

  it('MADR options (`{title of option 1}`, `{title of other option}`) form one group of any size', function () {
    needsCorpus(this);
    const adr = [
      '# Keep loans in PostgreSQL',
      '',
      '## Context and Problem Statement',
      '',
      'Loans need a transactional store.',
      '',
      '## Considered Options',
      '',
      '* PostgreSQL',
      '* MongoDB',
      '* Event store',
      '',
      '## Decision Outcome',
      '',
      'Chosen option: "PostgreSQL", because the team runs it already.',
      '',
      '## Pros and Cons of the Options',
      '',
      '### PostgreSQL',
      '',
      '* Good, because transactions',
      '',
      '### MongoDB',
      '',
      '* Bad, because no joins',
      '',
      '### Event store',
      '',
      '* Neutral, because new to us',
      '',
    ].join('\n');
    const analysis = check(adr, [madr4()]);
    assert.equal(analysis.templateId, madr4().id);
    const missing = analysis.findings.filter((f) => f.rule === 'missing-section').map((f) => f.message);
    assert.ok(!missing.some((message) => /option/u.test(message)), missing.join('\n'));
    const groupIds = new Set(madr4().sections.filter((section) => /option/u.test(section.title) && section.parent).map((section) => section.id));
    for (const title of ['PostgreSQL', 'MongoDB', 'Event store']) assert.ok(groupIds.has(nodeTitled(analysis, title).templateSectionId ?? ''), title);

    const withoutOptions = check(adr.slice(0, adr.indexOf('### PostgreSQL')), [madr4()]);
    const optionMissing = withoutOptions.findings.filter((f) => f.rule === 'missing-section' && /option/u.test(f.message));
    assert.deepEqual(optionMissing.map((f) => f.message), ['Section "{title of option 1}" of the template is missing.']);
  });

  it('arc42 runtime scenarios (`<Runtime Scenario 1>`, `…`, `<Runtime Scenario n>`) take any scenario headings', function () {
    needsCorpus(this);
    const analysis = check(readRepoFile('test/fixtures/structure/arc42-library.md'), [arc42()]);
    const scenario = arc42().sections.find((section) => section.title === '<Runtime Scenario 1>');
    assert.ok(scenario, arc42().sections.map((section) => section.title).join(' | '));
    assert.equal(nodeTitled(analysis, '6.1 Borrowing a Book').templateSectionId, scenario.id);
    assert.equal(nodeTitled(analysis, '6.2 Returning a Late Book').templateSectionId, scenario.id);
    assert.equal(nodeTitled(analysis, 'White Box Loans').templateSectionId, arc42().sections.find((section) => section.title.startsWith('White Box') && section.parent?.title === 'Level 2')!.id);
  });
});

describe('renamed sections', () => {
  it('older arc42 wording in the template’s place is that section, and the tree says what it was renamed from', function () {
    needsCorpus(this);
    const analysis = check(readRepoFile('test/fixtures/structure/arc42-library.md'), [arc42()]);
    assert.equal(nodeTitled(analysis, '3. System Scope and Context').renamedFrom, 'Context and Scope');
    assert.equal(nodeTitled(analysis, '9. Design Decisions').renamedFrom, 'Architecture Decisions');
    assert.equal(nodeTitled(analysis, '1. Introduction and Goals').renamedFrom, undefined);
  });

  it('a like-worded heading out of the template’s place is not taken for it', function () {
    needsCorpus(this);
    const text = readRepoFile('test/fixtures/structure/arc42-library.md');
    const decisions = text.slice(text.indexOf('# 9. Design Decisions'), text.indexOf('# 10. Quality Requirements'));
    const moved = `${text.replace(decisions, '')}\n${decisions.replace('# 9.', '# 13.')}`;
    const missing = check(moved, [arc42()]).findings.filter((f) => f.rule === 'missing-section').map((f) => f.message);
    assert.ok(missing.includes('Section "Architecture Decisions" of the template is missing.'), missing.join('\n'));
  });

  it('of two template sections a heading resembles alike, it takes the one in its place', () => {
    // Our own MADR-like template: `Decision` after the options is the outcome, not the drivers before them.
    const template = compileTemplate('decision', '# {title}\n\n## Context\n\n{problem}\n\n## Decision Drivers\n\n* {driver 1}\n\n## Considered Options\n\n* {option 1}\n\n## Decision Outcome\n\nChosen option: {option}\n\n### Consequences\n\n* Good, because {effect}\n');
    const text = '# Use a queue\n\n## Context\n\nSlow jobs.\n\n## Considered Options\n\n* A hosted queue\n* Our own table\n\n## Decision\n\nChosen option: a hosted queue\n\n### Consequences\n\n* Good, because managed\n';
    const analysis = analyze(text, { templates: [template], options: { templateId: 'decision' } });
    assert.equal(nodeTitled(analysis, 'Decision').renamedFrom, 'Decision Outcome');
    assert.deepEqual(analysis.findings.map((f) => f.message), ['Section "Decision Drivers" of the template is missing.']);
  });

  it('a reworded section is found between its neighbours even when the later neighbour is renamed too', () => {
    const template = compileTemplate('views', '# Views\n\n## 5. Building Block View\n\n- **Blocks**: \n\n## 6. Runtime View\n\n- **Scenario**: \n\n## 7. Deployment View\n\n- **Nodes**: \n');
    const analysis = check('# Views of the shop\n\n## 5. Building Blocks\n\n- **Blocks**: api\n\n## 6. Runtime Scenarios\n\n- **Scenario**: checkout\n\n## 7. Deployment\n\n- **Nodes**: two\n', [template]);
    assert.deepEqual(analysis.findings, []);
    assert.equal(nodeTitled(analysis, '6. Runtime Scenarios').renamedFrom, '6. Runtime View');
  });

  it('a renamed Korean chapter under its number keeps its place and says so', () => {
    const analysis = check(sample.replace('## 11. 보안 아키텍처', '## 11. 보안'));
    assert.deepEqual(summary(analysis.findings, ['missing-section']), []);
    assert.equal(nodeTitled(analysis, '11. 보안').renamedFrom, '11. 보안 아키텍처');
  });
});

describe('matching at scale', () => {
  /**
   * A template of `n` headings (chapters of ten sections, each with a field) and a document from it where every
   * seventh section is renamed (a word added) and every eleventh sub-section left out.
   */
  function scaled(n: number): { template: Template; document: string; renamed: number; leftOut: number } {
    const words = ['설계', 'runtime', 'storage', 'network', 'security', 'delivery', 'quality', 'interface', 'operation', 'capacity'];
    const title = (i: number) => `Topic ${i.toString(36)} ${words[i % words.length]}`;
    let template = '# Scale Template\n\n';
    let document = '# Scale Template\n\n';
    let renamed = 0;
    let leftOut = 0;
    for (let i = 0; i < n; i++) {
      const heading = i % 10 === 0 ? `## ${i / 10 + 1}. ` : `### ${Math.floor(i / 10) + 1}.${i % 10} `;
      template += `${heading}${title(i)}\n\n- **Owner**: \n\n`;
      if (i % 11 === 5) {
        leftOut++;
        continue;
      }
      if (i % 7 === 3) renamed++;
      document += `${heading}${title(i)}${i % 7 === 3 ? ' overview' : ''}\n\n- **Owner**: someone\n\n`;
    }
    return { template: compileTemplate('scale', template), document, renamed, leftOut };
  }

  it('matches a thousand sections and more, renamed ones among the leftovers of their parent', function () {
    this.timeout(120_000);
    const { template, document, renamed, leftOut } = scaled(1200);
    const analysis = analyze(document, { templates: [template], options: { templateId: 'scale' } });
    const nodes = flatten(analysis.sections);
    assert.equal(nodes.filter((node) => node.renamedFrom).length, renamed);
    assert.equal(nodes.filter((node) => !node.missing && !node.templateSectionId).length, 0, 'every heading matched');
    assert.equal(analysis.findings.filter((finding) => finding.rule === 'missing-section').length, leftOut);
    assert.equal(analysis.findings.filter((finding) => finding.rule !== 'missing-section').length, 0, 'every field filled');
  });

  it('refuses a template of more headings than any real one, saying why, instead of holding up every check', () => {
    const headings = Array.from({ length: MAX_TEMPLATE_HEADINGS + 1 }, (_, i) => `## ${i + 1}. Section ${i}\n`).join('\n');
    const loaded = loadTemplate('.archdoc/templates/huge.md', new TextEncoder().encode(`# Huge\n\n${headings}`));
    assert.deepEqual(loaded, { ok: false, reason: `has ${MAX_TEMPLATE_HEADINGS + 2} headings; a template may have at most ${MAX_TEMPLATE_HEADINGS} (split it into several templates)` });
    const atLimit = Array.from({ length: 50 }, (_, i) => `## ${i + 1}. Section ${i}\n`).join('\n');
    assert.equal(loadTemplate('.archdoc/templates/fine.md', new TextEncoder().encode(`# Fine\n\n${atLimit}`)).ok, true);
  });
});
