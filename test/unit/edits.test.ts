import assert from 'node:assert/strict';
import { builtinTemplates, chooseOptionEdit, type Finding, insertSectionEdit, notApplicableEdits, type TextEdit } from '../../src/core';
import { check, doc } from './helpers';

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
});
