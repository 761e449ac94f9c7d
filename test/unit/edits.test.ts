import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplates, chooseOptionEdit, type Finding, innermostSection, insertMissingSectionsEdits, insertSectionEdit, notApplicableEdits, sectionFindings, sectionNotApplicableEdits, type TextEdit } from '../../src/core';
import { check, doc, repoRoot } from './helpers';

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  return [...edits]
    .sort((a, b) => offset(b.range.line, b.range.column) - offset(a.range.line, a.range.column))
    .reduce((result, edit) => result.slice(0, offset(edit.range.line, edit.range.column)) + edit.newText + result.slice(offset(edit.range.endLine, edit.range.endColumn)), text);
}

const korean = builtinTemplates()[0];

function fixNotApplicable(text: string, rule: string): string {
  const finding = check(text).findings.find((f) => f.rule === rule) as Finding;
  assert.ok(finding, `no ${rule} in ${text}`);
  return apply(text, notApplicableEdits(finding, korean, text));
}

describe('quick-fix edits', () => {
  it('chooses an option in a field and in a table cell', () => {
    const text = doc('### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n\n### 6.2 서비스별 개발 아키텍처 패턴\n| 서비스 | 아키텍처 패턴 | 선정 이유 |\n|---|---|---|\n| 인증 | Clean/Layered/Hexagonal | 단순 |\n');
    const [field, cell] = check(text).findings.filter((f) => f.rule === 'unchosen-option');
    assert.match(apply(text, [chooseOptionEdit(field, 'AWS', text)!]), /- \*\*주 클라우드\*\*: AWS\n/u);
    assert.match(apply(text, [chooseOptionEdit(cell, 'Layered', text)!]), /\| 인증 \| Layered \| 단순 \|/u);
  });

  it('marks fields, placeholders and sections as not applicable without breaking the Markdown', () => {
    assert.match(fixNotApplicable(doc('## 1. 개요\n- **비즈니스 목적**: \n'), 'empty-field'), /- \*\*비즈니스 목적\*\*: 해당 없음\n/u);
    assert.match(fixNotApplicable(doc('## 16. 부록\n### 16.3 관련 문서\n- **설계서**: {문서명}: {파일 위치}\n  - a\n'), 'placeholder'), /- \*\*설계서\*\*: 해당 없음\n {2}- a/u);
    assert.match(fixNotApplicable(doc('## 16. 부록\n### 16.3 관련 문서\n- {문서명}: {파일 위치}\n'), 'placeholder'), /\n- 해당 없음\n/u);
    const section = fixNotApplicable(doc('## 1. 개요\n---\n## 2. 요구\n내용\n'), 'empty-section');
    assert.match(section, /## 1\. 개요\n\n해당 없음\n\n---/u);
    assert.equal(check(section).findings.filter((f) => f.rule === 'empty-section').length, 0);
  });

  it('fills blank and missing table cells, and adds a row to an empty table inside a quote', () => {
    assert.match(fixNotApplicable(doc('## 1. 개요\n| a | b | c |\n|---|---|---|\n| 1 |\n'), 'empty-table-cell'), /\| 1 \| 해당 없음 \| 해당 없음 \|\n/u);
    assert.match(fixNotApplicable(doc('## 1. 개요\n| a | b |\n|---|---|\n| x \\| y |  |\n'), 'empty-table-cell'), /\| x \\\| y \| 해당 없음 \|/u);
    const quoted = fixNotApplicable(doc('## 1. 개요\n> | a | b |\n> |---|---|\n'), 'empty-table');
    assert.match(quoted, /> \|---\|---\|\n> \| 해당 없음 \| 해당 없음 \|/u);
    assert.equal(check(quoted).findings.filter((f) => f.rule.startsWith('empty-table')).length, 0);
  });

  it('inserts a missing section after its previous sibling', () => {
    const text = doc('## 1. 개요 (Executive Summary)\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: x\n\n---\n\n## 2. 아키텍처 요구사항\n');
    const finding = check(text).findings.find((f) => f.message.includes('"1.2 '))!;
    const result = apply(text, [insertSectionEdit(finding, korean, text)!]);
    assert.match(result, /- \*\*비즈니스 목적\*\*: x\n\n### 1\.2 아키텍처 범위 및 경계\n- \*\*시스템 범위\*\*: \n[\s\S]*\n---\n\n## 2\./u);
  });

  describe('whole sections', () => {
    /** Applies the section fix for the section holding `line`, asserting that its edits do not overlap. */
    function markSection(text: string, line: number): string {
      const analysis = check(text);
      const section = innermostSection(analysis.sections, line)!;
      const edits = sectionNotApplicableEdits(sectionFindings(analysis, section), korean, text);
      const sorted = [...edits].sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
      sorted.slice(1).forEach((edit, i) => assert.ok(edit.range.line > sorted[i].range.endLine || edit.range.column >= sorted[i].range.endColumn, 'edits overlap'));
      return apply(text, edits);
    }

    it('marks every open slot of a section not applicable and keeps every written line', () => {
      const text = doc(
        '## 6. 개발 아키텍처 (Development View)\n### 6.1 개발 언어 및 프레임워크 선정\n- **백엔드 언어**: Kotlin\n- **프레임워크**: \n\n### 6.2 서비스별 개발 아키텍처 패턴\n| 서비스 | 아키텍처 패턴 | 선정 이유 |\n|---|---|---|\n| 인증 | Clean/Layered/Hexagonal |  |\n| 예약 | Layered | 단순 |\n\n### 6.3 개발 가이드라인\n```\n[코딩 표준]\n```\n\n---\n\n## 7. 물리 아키텍처 (Physical View)\n- **기타**: \n',
      );
      const sixLine = text.split('\n').indexOf('## 6. 개발 아키텍처 (Development View)') + 1;
      const result = markSection(text, sixLine);
      // The row with a blank cell and an option list is one line: both fixed in one edit.
      assert.match(result, /\| 인증 \| 해당 없음 \| 해당 없음 \|/u);
      assert.match(result, /- \*\*프레임워크\*\*: 해당 없음\n/u);
      assert.match(result, /### 6\.3 개발 가이드라인\n해당 없음\n/u);
      // Outside the section: untouched.
      assert.match(result, /- \*\*기타\*\*: \n/u);
      for (const line of ['- **백엔드 언어**: Kotlin', '| 예약 | Layered | 단순 |', '## 7. 물리 아키텍처 (Physical View)']) assert.ok(result.includes(line), line);
      const after = check(result);
      const six = innermostSection(after.sections, sixLine)!;
      assert.deepEqual(sectionFindings(after, six).map((f) => f.rule), [], 'nothing open in 6 any more');
    });

    it('adds missing sub-sections as headings with N/A, so that nothing is left open', () => {
      const text = doc('## 1. 개요 (Executive Summary)\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: 예약\n- **핵심 기능**:\n\n---\n\n## 2. 아키텍처 요구사항\n');
      const result = markSection(text, 3);
      assert.match(result, /- \*\*핵심 기능\*\*: 해당 없음\n\n### 1\.2 아키텍처 범위 및 경계\n\n해당 없음\n\n### 1\.3 문서 구성\n\n해당 없음\n/u);
      const one = innermostSection(check(result).sections, 3)!;
      assert.deepEqual(sectionFindings(check(result), one).map((f) => f.rule), []);
      assert.ok(result.includes('- **비즈니스 목적**: 예약'));
    });

    it('writes an empty section\'s own N/A before the sub-sections it adds', () => {
      const text = doc('## 1. 개요 (Executive Summary)\n\n---\n\n## 2. 아키텍처 요구사항\n');
      const result = markSection(text, 3);
      assert.match(result, /## 1\. 개요 \(Executive Summary\)\n\n해당 없음\n\n### 1\.1 프로젝트 개요\n\n해당 없음\n/u);
      assert.deepEqual(sectionFindings(check(result), innermostSection(check(result).sections, 3)!).map((f) => f.rule), []);
    });

    it('replaces a placeholder fence and adds the missing section after it', () => {
      const text = doc('## 9. AI/ML 아키텍처\n### 9.1 AI API 통합 전략\n#### 9.1.2 AI 파이프라인\n```\n[AI 데이터 처리 파이프라인]\n```\n\n---\n\n## 10. 개발 운영 (DevOps)\n');
      const result = markSection(text, 3);
      assert.match(result, /#### 9\.1\.1 AI 서비스\/모델 매핑\n\n해당 없음\n\n#### 9\.1\.2 AI 파이프라인\n해당 없음\n\n### 9\.2 데이터 과학 플랫폼\n\n해당 없음\n\s*---\n\n## 10\./u);
      assert.deepEqual(sectionFindings(check(result), innermostSection(check(result).sections, 3)!).map((f) => f.rule), []);
    });

    it('inserts all missing sections in one edit per place, in template order', () => {
      const template = readFileSync(join(repoRoot, 'templates/high-level-architecture.md'), 'utf8');
      const text = template
        .replace(/### 1\.2 아키텍처 범위 및 경계[\s\S]*?(?=### 1\.3)/u, '')
        .replace(/### 1\.3 문서 구성\n.*\n/u, '')
        .replace(/### 9\.2 데이터 과학 플랫폼[\s\S]*?(?=---\n\n## 10\.)/u, '');
      const missing = check(text).findings.filter((f) => f.rule === 'missing-section');
      assert.equal(missing.length, 3);
      const edits = insertMissingSectionsEdits(missing, korean, text);
      assert.equal(edits.length, 2, '1.2 and 1.3 go after the same line');
      const result = apply(text, edits);
      assert.equal(check(result).findings.filter((f) => f.rule === 'missing-section').length, 0);
      assert.ok(result.indexOf('### 1.2 ') < result.indexOf('### 1.3 ') && result.indexOf('### 1.3 ') < result.indexOf('## 2. '));
      const normalise = (markdown: string) => markdown.replace(/[ \t]+$/gmu, '').replace(/\n{3,}/gu, '\n\n');
      assert.equal(normalise(result), normalise(template));
    });
  });
});
