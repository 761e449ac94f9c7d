import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  adjacentSlot,
  buildTreeNodes,
  builtinTemplates,
  documentSummary,
  fit,
  headingPrefix,
  missingSectionItems,
  type OutlineNode,
  type OutlineSlotNode,
  quickFixes,
  slotHighlights,
  slotTarget,
} from '../../src/core';
import { LineIndex } from '../../src/core/parse/lines';
import { check, doc, repoRoot } from './helpers';

const words = { missing: 'missing', line: (line: number) => `line ${line}`, renamed: (title: string) => `renamed from "${title}"` };
const korean = builtinTemplates()[0];
const templateText = readFileSync(join(repoRoot, 'templates/high-level-architecture.md'), 'utf8');

function slots(nodes: readonly OutlineNode[]): OutlineSlotNode[] {
  return nodes.flatMap((node) => (node.kind === 'slot' ? [node] : slots(node.children)));
}

/** The text a range covers, on one line. */
function covered(text: string, range: { line: number; column: number; endColumn: number }): string {
  return new LineIndex(text).lineText(range.line).slice(range.column - 1, range.endColumn - 1);
}

describe('editor features as data', () => {
  describe('outline', () => {
    it('describes sections as filled/total, ✓, nothing (no slots) or missing', () => {
      const text = doc('## 1. 개요 (Executive Summary)\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: 예약\n- **핵심 기능**: \n\n### 1.3 문서 구성\n이 문서는 4+1 뷰 모델을 기반으로 구성됩니다.\n');
      const [overview] = buildTreeNodes(check(text), words);
      assert.equal(overview.kind, 'section');
      const children = overview.children.filter((child) => child.kind === 'section');
      const byTitle = new Map(children.map((child) => [child.label, child]));
      assert.equal(byTitle.get('1.1 프로젝트 개요')?.description, '1/2');
      // 1.3 has nothing to fill: no ✓, which would claim work was done.
      const noSlots = byTitle.get('1.3 문서 구성');
      assert.equal(noSlots?.description, '');
      assert.equal(noSlots?.kind === 'section' && noSlots.section.state, 'none', 'shown with the neutral icon, not the complete one');
      assert.equal(byTitle.get('1.2 아키텍처 범위 및 경계')?.description, 'missing');
      const filled = buildTreeNodes(check(doc('## 1. 개요 (Executive Summary)\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: a\n- **핵심 기능**: b\n- **대상 사용자**: c\n- **예상 사용자 규모**: d\n')), words);
      assert.equal((filled[0] as { children: OutlineNode[] }).children.find((child) => child.label === '1.1 프로젝트 개요')?.description, '✓');
    });

    it('gives every open slot a short label, its line, and the full message as tooltip', () => {
      const analysis = check(templateText);
      const all = slots(buildTreeNodes(analysis, words));
      // Every open slot except missing sections (shown as section nodes) is listed once.
      assert.equal(all.length, analysis.findings.filter((finding) => finding.rule !== 'missing-section').length);
      for (const slot of all) {
        assert.ok(slot.finding, `${slot.tooltip} has its finding`);
        assert.equal(slot.tooltip, slot.finding.message);
        assert.equal(slot.description, `line ${slot.slot.line}`);
        assert.ok(Array.from(slot.label).length <= 36, slot.label);
      }
      const field = all.find((slot) => slot.slot.rule === 'empty-field')!;
      assert.equal(field.label, '비즈니스 목적');
      assert.equal(all.find((slot) => slot.slot.rule === 'empty-table-cell')!.label, '영역, 주요 기능, 우선순위');
      const option = all.find((slot) => slot.slot.rule === 'unchosen-option')!;
      assert.ok(option.tooltip.length > option.label.length && option.label.endsWith('…'), option.label);
    });

    it('cuts labels by display width, wide characters counting twice', () => {
      assert.equal(fit('short'), 'short');
      assert.equal(fit('abcdefghij', 6), 'abcde…');
      assert.equal(fit('가나다라마바', 6), '가나…');
      assert.equal(fit('  a \n b  '), 'a b');
    });
  });

  describe('one count everywhere', () => {
    it('counts open findings (the Problems panel, tree and navigation entries), with the slot percentage', () => {
      const analysis = check(templateText);
      // On the bare template, one row with blank cells and an option list is one slot but two findings: the
      // count shown must be the findings, the entries the author can see and step through.
      assert.notEqual(analysis.progress.total - analysis.progress.filled, analysis.findings.length);
      assert.deepEqual(documentSummary(analysis), { percent: 0, open: analysis.findings.length });
      assert.deepEqual(documentSummary(check(doc('## 1. 개요\n- **비즈니스 목적**: 예약\n- **핵심 기능**: \n'))).open, 1 + check(doc('## 1. 개요\n- **비즈니스 목적**: 예약\n- **핵심 기능**: \n')).findings.filter((f) => f.rule === 'missing-section').length);
    });
  });

  describe('slot navigation', () => {
    const text = doc('## 1. 개요 (Executive Summary)\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: \n- **핵심 기능**:\n\n### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n\n### 2.1 기능 요구사항 요약\n| 영역 | 주요 기능 | 우선순위 |\n|------|-----------|----------|\n| 예약 |  |  |\n\n### 16.3 관련 문서\n- {문서명}: {파일 위치}\n');
    const analysis = check(text);
    const lines = new LineIndex(text);
    const target = (rule: string) => slotTarget(analysis.findings.find((f) => f.rule === rule)!, lines);

    it('puts the cursor where the value goes', () => {
      const field = target('empty-field');
      assert.equal(lines.lineText(field.line).slice(0, field.column - 1), '- **비즈니스 목적**: ');
      assert.equal(field.endColumn, field.column);
      const noSpace = slotTarget(analysis.findings.filter((f) => f.rule === 'empty-field')[1], lines);
      assert.equal(lines.lineText(noSpace.line).slice(0, noSpace.column - 1), '- **핵심 기능**:');
      assert.equal(covered(text, target('unchosen-option')), 'Azure/AWS/GCP');
      const cell = target('empty-table-cell');
      assert.equal(lines.lineText(cell.line).slice(0, cell.column - 1), '| 예약 | ');
      assert.equal(covered(text, target('placeholder')), '{문서명}: {파일 위치}');
    });

    it('steps forward and back from where it put the cursor, wrapping around', () => {
      const targets = analysis.findings.map((finding) => slotTarget(finding, lines)).sort((a, b) => a.line - b.line || a.column - b.column);
      const distinct = [...new Set(targets.map((t) => `${t.line}:${t.column}`))];
      // From the first slot's own position (the title, where missing sections are reported): on to the second.
      let at = { line: targets[0].line, column: targets[0].column };
      const visited: string[] = [];
      for (let i = 0; i < distinct.length; i++) {
        const next = adjacentSlot(analysis, text, at, 1)!;
        visited.push(`${next.line}:${next.column}`);
        at = next;
      }
      assert.deepEqual(visited, [...distinct.slice(1), distinct[0]], 'visits each slot once, then wraps to the first');
      const [line, column] = distinct[2].split(':').map(Number);
      const back = adjacentSlot(analysis, text, { line, column }, -1)!;
      assert.equal(`${back.line}:${back.column}`, distinct[1]);
      assert.deepEqual(adjacentSlot(analysis, text, { line: 1, column: 1 }, -1), targets[targets.length - 1], 'wraps to the last');
      assert.equal(adjacentSlot(check('# Notes\n'), '# Notes\n', { line: 1, column: 1 }, 1), undefined);
    });

    it('selects the inside of a placeholder fence', () => {
      const fenced = doc('## 9. AI/ML 아키텍처\n### 9.1 AI API 통합 전략\n#### 9.1.2 AI 파이프라인\n```\n[AI 데이터 처리 파이프라인]\n```\n');
      const finding = check(fenced).findings.find((f) => f.rule === 'placeholder')!;
      assert.equal(covered(fenced, slotTarget(finding, new LineIndex(fenced))), '[AI 데이터 처리 파이프라인]');
    });
  });

  describe('highlights', () => {
    it('marks open slots where the value goes, and no missing section', () => {
      const text = doc('## 1. 개요\n- **비즈니스 목적**: \n\n### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n');
      const ranges = slotHighlights(check(text), text);
      assert.deepEqual(ranges.map((range) => covered(text, range)), ['**비즈니스 목적**:', 'Azure/AWS/GCP']);
      assert.deepEqual(slotHighlights(check('# README\n\n- **Label**: \n'), '# README\n\n- **Label**: \n'), []);
    });
  });

  describe('# completion', () => {
    it('offers the missing template sections in template order, as snippets', () => {
      const text = templateText.replace(/### 9\.2 데이터 과학 플랫폼[\s\S]*?(?=---\n\n## 10\.)/u, '').replace(/### 1\.3 문서 구성\n.*\n/u, '');
      const items = missingSectionItems(check(text), korean);
      assert.deepEqual(items.map((item) => item.section.title), ['1.3 문서 구성', '9.2 데이터 과학 플랫폼']);
      assert.ok(items[0].sortText < items[1].sortText);
      assert.match(items[1].snippet, /^### 9\.2 데이터 과학 플랫폼\n- \*\*모델 개발 환경\*\*: \$\{1\}/u);
      assert.deepEqual(headingPrefix('## 9'), { hashes: '##' });
      assert.equal(headingPrefix('text #'), undefined);
      assert.equal(headingPrefix('#######'), undefined);
    });
  });

  describe('quick fixes', () => {
    it('offers each fix once, from the finding itself, titled by kind', () => {
      const text = doc('## 1. 개요 (Executive Summary)\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: \n- **핵심 기능**: \n\n### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n');
      const analysis = check(text);
      const option = analysis.findings.find((f) => f.rule === 'unchosen-option')!;
      const kinds = quickFixes(option, analysis, korean, text).map((fix) => (fix.kind === 'choose-option' ? `choose ${fix.option}` : fix.kind));
      assert.deepEqual(kinds, ['choose Azure', 'choose AWS', 'choose GCP', 'not-applicable']);
      const field = analysis.findings.find((f) => f.rule === 'empty-field')!;
      const fieldFixes = quickFixes(field, analysis, korean, text);
      assert.deepEqual(fieldFixes.map((fix) => fix.kind), ['not-applicable', 'section-not-applicable']);
      const section = fieldFixes[1];
      assert.equal(section.kind === 'section-not-applicable' && section.sectionTitle, '1.1 프로젝트 개요');
      const missing = analysis.findings.find((f) => f.rule === 'missing-section')!;
      const missingKinds = quickFixes(missing, analysis, korean, text).map((fix) => fix.kind);
      assert.deepEqual(missingKinds.slice(0, 2), ['insert-section', 'insert-all-missing']);
    });
  });
});

describe('tree labels of renamed sections', () => {
  it('say which template section a renamed heading stands for', () => {
    const sample = readFileSync(join(repoRoot, 'samples/architecture.md'), 'utf8');
    const outline = buildTreeNodes(check(sample.replace('## 11. 보안 아키텍처', '## 11. 보안')), words);
    const sections = (nodes: readonly OutlineNode[]): OutlineNode[] => nodes.flatMap((node) => (node.kind === 'section' ? [node, ...sections(node.children)] : []));
    const renamed = sections(outline).find((node) => node.kind === 'section' && node.section.title === '11. 보안');
    assert.ok(renamed && renamed.kind === 'section');
    assert.match(renamed.description, /renamed from "11\. 보안 아키텍처"$/u);
    assert.ok(sections(outline).every((node) => node.kind !== 'section' || node === renamed || !node.description.includes('renamed')));
  });
});
