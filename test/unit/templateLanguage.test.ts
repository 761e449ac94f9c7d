import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontMatter } from '../../src/core/template/frontmatter';
import { findPlaceholders, templatePlaceholdersIn } from '../../src/core/template/placeholders';
import { compileTemplate } from '../../src/core';
import { isLeftoverMarker } from '../../src/core/parse/text';
import { check, corpusDir, needsCorpus, readRepoFile, summary } from './helpers';

const keys = (text: string) => findPlaceholders(text).map((token) => token.key);

describe('template language: placeholder tokens', () => {
  it('finds {…}, […], <…> and ‹…› tokens, outermost only, known by their words', () => {
    assert.deepEqual(keys('Chosen: "{name of item 1}", because {reason | other {force} | …}.'), ['nameofitem1', 'reasonotherforce']);
    assert.deepEqual(keys('[option 2] and <option 2> and ‹option 2›'), ['option2', 'option2', 'option2']);
  });

  it('leaves task boxes, comparisons and unbalanced brackets alone', () => {
    assert.deepEqual(keys('[ ] todo [x] done'), []);
    assert.deepEqual(keys('a < b > c, x <- y, {unclosed'), []);
  });

  it('reads `{a | b | c}` with short parts as options, an ellipsis part dropped; sentences are not options', () => {
    assert.deepEqual(findPlaceholders('{draft | agreed | … | replaced by ADR-9}')[0].options, ['draft', 'agreed', 'replaced by ADR-9']);
    assert.equal(findPlaceholders('{reason. e.g., the only one | cheapest}')[0].options, undefined);
  });

  it('a document keeps only the tokens its template uses: `{memberId}`, `List<String>` are content', () => {
    const template = compileTemplate('t', '# T\n\n## A\n\n{name of item 1}\n\n- …\n');
    const words = template.placeholderWords;
    assert.deepEqual(templatePlaceholdersIn('Use [name of item 1] here', words).map((t) => t.text), ['[name of item 1]']);
    assert.deepEqual(templatePlaceholdersIn('`{memberId}` and List<String>', words), []);
    assert.deepEqual(templatePlaceholdersIn('...', words).length, 1, 'an ellipsis item where the template has one');
  });
});

describe('template language: front matter', () => {
  it('reads invalid YAML line by line: unquoted braces, an unclosed quoted brace, comments marking keys optional', () => {
    const fm = readFrontMatter('---\n# Optional keys below\nstatus: "{a | b | c"\ndate: {YYYY-MM-DD}\n---\n# X\n');
    assert.ok(fm);
    assert.deepEqual(fm.entries.map((e) => [e.key, e.line, e.optional, e.tokens.map((t) => t.key)]), [
      ['status', 3, true, ['abc']],
      ['date', 4, true, ['yyyymmdd']],
    ]);
  });

  it('an inline `# optional` marks one key; links read as their text', () => {
    const fm = readFrontMatter('---\nowner: {who} # optional\ntitle: "![logo](l.png) Guide"\n---\n');
    assert.deepEqual(fm?.entries.map((e) => [e.key, e.optional, e.tokens.length]), [['owner', true, 1], ['title', false, 0]]);
  });

  it('a template key is a field only when it waits for a value', () => {
    const template = compileTemplate('t', '---\nstatus: {x | y}\nversion: 1.0\nowner:\n---\n# T\n');
    assert.deepEqual(template.frontMatter.map((f) => [f.key, f.options?.options]), [['status', ['x', 'y']], ['owner', undefined]]);
  });
});

describe('template language: optional elements', () => {
  it('an optional comment on the heading line or just before it, or a condition aside, makes a section optional', () => {
    const template = compileTemplate('t', [
      '# T', '', '## A <!-- optional -->', '', '<!-- This part is Optional. -->', '## B', '', '## C (if any)', '', '## D (기존 데이터가 있는 경우)', '', '<!-- 선택 -->', '## E', '', '## F (REST)', '',
    ].join('\n'));
    assert.deepEqual(template.sections.map((s) => [s.title, s.optional]), [['A', true], ['B', true], ['C (if any)', true], ['D (기존 데이터가 있는 경우)', true], ['E', true], ['F (REST)', false]]);
  });
});

describe('template language: choice or fill each', () => {
  it('a slash list the template also uses as a label is filled item by item; other lists are choices', () => {
    const template = compileTemplate('t', '# T\n\n## A\n\n- **목표**: MTTR/MTBF\n- **클라우드**: Azure/AWS\n\n## B\n\n- **MTTR/MTBF**: \n');
    const options = template.sections[0].fieldOptions;
    assert.equal(options.get('목표')?.mode, 'each');
    assert.equal(options.get('클라우드')?.mode, 'choose');
  });
});

describe('template language: left-over markers', () => {
  it('TODO, TBD, FIXME, 작성 예정, 추후 작성, (TODO: …) are left-overs; -, N/A, 해당 없음, 없음 are answers', () => {
    for (const text of ['TODO', 'tbd', 'FIXME', '작성 예정', '추후 작성', '(TODO: 환경 목록)', 'TODO: list them']) assert.ok(isLeftoverMarker(text), text);
    for (const text of ['-', 'N/A', '해당 없음', '없음', 'Todo list service', 'See the TODO file']) assert.ok(!isLeftoverMarker(text), text);
  });
});

describe('template language: the world templates', function () {
  this.timeout(20000);
  const world = join(corpusDir, 'templates/world');
  it('arc42 with help: its help text is guidance, its stakeholder rows and every \\<…\\> are placeholders', function () {
    needsCorpus(this);
    const template = compileTemplate('arc42', readFileSync(join(world, 'arc42-9.0-EN-withhelp.md'), 'utf8'));
    assert.ok(template.guidance.size > 50, 'help paragraphs collected');
    for (const key of ['role1', 'contact1', 'expectation1', 'diagramortable', 'overviewdiagram']) assert.ok(template.placeholderWords.has(key), key);
    assert.deepEqual(template.frontMatter, [], 'its front matter is filled in by the template itself');
  });

  it('MADR 4: invalid front matter read, every key optional, status a choice', function () {
    needsCorpus(this);
    const template = compileTemplate('madr4', readFileSync(join(world, 'madr-4.0.0.md'), 'utf8'));
    assert.deepEqual(template.frontMatter.map((f) => [f.key, f.optional, f.options?.mode]), [
      ['status', true, 'choose'], ['date', true, undefined], ['decision-makers', true, undefined], ['consulted', true, undefined], ['informed', true, undefined],
    ]);
  });

  it('the built-in ADR templates mark their optional parts', () => {
    const adr = compileTemplate('adr', readRepoFile('templates/adr.md'));
    assert.deepEqual(adr.sections.filter((s) => s.optional).map((s) => s.title), ['Decision Drivers', 'Consequences', 'Confirmation', 'Pros and Cons of the Options', 'More Information']);
    assert.deepEqual(adr.frontMatter.map((f) => [f.key, f.optional]), [['status', false], ['date', true], ['deciders', true]]);
  });
});

describe('the built-in ADR templates', () => {
  const filled = [
    '---', 'status: accepted', 'date: 2026-05-01', '---', '', '# Use PostgreSQL for orders', '', '## Context and Problem', '', 'Orders need transactions.', '',
    '## Considered Options', '', '- PostgreSQL', '- MongoDB', '', '## Decision Outcome', '', 'We chose "PostgreSQL", because it has transactions.', '',
    '### Consequences', '', '- Good: one database to run', '- Bad: schema migrations', '',
  ].join('\n');

  it('adr: a filled record has no finding; optional parts and the optional deciders key may be left out', () => {
    const analysis = check(filled, { templateId: 'adr' });
    assert.deepEqual(summary(analysis.findings), []);
    assert.equal(analysis.progress.filled, analysis.progress.total);
  });

  it('adr: a missing required key, a status left as the list, and a left-over marker are reported', () => {
    const text = filled.replace('status: accepted', 'status: {proposed | accepted | rejected | deprecated | superseded}').replace('Orders need transactions.', 'TBD');
    assert.deepEqual(summary(check(text, { templateId: 'adr' }).findings), ['unchosen-option@2', 'todo@10']);
    const noStatus = filled.replace('status: accepted\n', '');
    assert.deepEqual(summary(check(noStatus, { templateId: 'adr' }).findings), ['empty-field@1']);
  });

  it('adr: a decision record without a date or consequences (optional there, as in MADR) has no finding', () => {
    const text = filled.replace('date: 2026-05-01\n', '').replace(/### Consequences[\s\S]*$/u, '');
    assert.deepEqual(summary(check(text, { templateId: 'adr' }).findings), []);
  });

  it('adr-ko: the Korean record is checked the same way, in Korean', () => {
    const template = readRepoFile('templates/adr-ko.md');
    const findings = check(template, { templateId: 'adr-ko' }, 'ko').findings;
    assert.ok(findings.some((f) => f.rule === 'unchosen-option' && f.message.includes('하나를 고르세요')));
    assert.ok(findings.filter((f) => f.rule === 'placeholder').length >= 10);
    assert.ok(!findings.some((f) => f.rule === 'missing-section'));
  });
});
