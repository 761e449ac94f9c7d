import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplates, type Finding } from '../../src/core';
import { check, corpusDir, needsCorpus, readRepoFile } from './helpers';

const korean = readRepoFile('templates/high-level-architecture.md');
const english = readRepoFile('templates/high-level-architecture.en.md');

function linesMatching(text: string, pattern: RegExp): number[] {
  return text.split('\n').flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
}

function linesOf(findings: readonly Finding[], rule: string): number[] {
  return findings.filter((f) => f.rule === rule).map((f) => f.line);
}

describe('the built-in Korean template', () => {
  const analysis = check(korean);

  it('is byte-identical to corpus T0', function () {
    needsCorpus(this);
    assert.equal(korean, readFileSync(join(corpusDir, 'templates/T0-highlevel-architecture-template.md'), 'utf8'));
  });

  it('reports every empty `- **X**: ` line as empty-field', () => {
    assert.deepEqual(linesOf(analysis.findings, 'empty-field'), linesMatching(korean, /^- \*\*[^*]+\*\*: $/));
    assert.equal(linesOf(analysis.findings, 'empty-field').length, 109);
  });

  it('reports every table row with a blank cell, and 6.1.1 as an empty table', () => {
    assert.deepEqual(linesOf(analysis.findings, 'empty-table-cell'), linesMatching(korean, /^\|.*\|\s+\|/));
    assert.deepEqual(linesOf(analysis.findings, 'empty-table'), [linesMatching(korean, /^\| 서비스 \| 언어 \| 프레임워크/)[0]]);
  });

  it('reports the seven placeholder fences and the two 16.3 placeholder items', () => {
    const fences = linesMatching(korean, /^```$/).filter((_, i) => i % 2 === 0);
    const items = linesMatching(korean, /^- (\{문서명\}: \{파일 위치\}|\.\.\.)$/);
    assert.equal(fences.length, 7);
    assert.deepEqual(linesOf(analysis.findings, 'placeholder'), [...fences, ...items].sort((a, b) => a - b));
  });

  it('reports the ten option lists as unchosen: nine choices, and RTO/RPO as two values to give', () => {
    const options = analysis.findings.filter((f) => f.rule === 'unchosen-option');
    const values = options.map((f) => (f.data?.kind === 'options' ? f.data.options.join('/') : f.data?.kind === 'values' ? `each ${f.data.names.join('/')}` : ''));
    assert.deepEqual(values, [
      '99.9%/99.99%/99.999%',
      'each RTO/RPO',
      'Clean/Layered/Hexagonal',
      'Azure/AWS/GCP',
      'Istio/Linkerd/Consul Connect',
      'Blue-Green/Canary/Rolling',
      'JWT/OAuth2/SAML',
      'RBAC/ABAC',
      'HPA/VPA',
      'AP/CP',
    ]);
  });

  it('asks for each of RTO and RPO, in both languages, without "choose"', () => {
    const [finding] = analysis.findings.filter((f) => f.data?.kind === 'values');
    assert.match(finding.message, /fill in each of RTO, RPO/u);
    assert.doesNotMatch(finding.message, /choose/iu);
    const [inKorean] = check(korean, {}, 'ko').findings.filter((f) => f.data?.kind === 'values');
    assert.match(inKorean.message, /RTO, RPO 각각의 값을 채우세요/u);
  });

  it('has no missing or empty sections and is 0 % complete', () => {
    assert.deepEqual(linesOf(analysis.findings, 'missing-section'), []);
    assert.deepEqual(linesOf(analysis.findings, 'empty-section'), []);
    assert.equal(analysis.progress.filled, 0);
    assert.equal(analysis.progress.total, 152);
    const visit = (nodes: typeof analysis.sections): void =>
      nodes.forEach((node) => {
        assert.equal(node.progress.filled, 0, node.title);
        visit(node.children);
      });
    visit(analysis.sections);
  });
});

describe('the built-in English template', () => {
  const [ko, en] = builtinTemplates();

  it('has the same section tree, numbering and slots as the Korean one', () => {
    assert.equal(en.title, 'High Level Architecture Definition');
    assert.deepEqual(
      en.sections.map((s) => [s.id, s.level, s.ownSlots, s.placeholderCount, [...s.fieldOptions.values()].map((o) => o.raw)]),
      ko.sections.map((s) => [s.id === '문서이력' ? 'documenthistory' : s.id, s.level, s.ownSlots, s.placeholderCount, [...s.fieldOptions.values()].map((o) => o.raw)]),
    );
  });

  it('gives the same findings per rule as the Korean template', () => {
    const count = (text: string) => {
      const counts: Record<string, number> = {};
      for (const f of check(text).findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
      return counts;
    };
    assert.deepEqual(count(english), count(korean));
  });
});
