import assert from 'node:assert/strict';
import { analyze, compileTemplate } from '../../src/core';
import { check, contentFindings, doc, readRepoFile, summary } from './helpers';

describe('empty-field', () => {
  it('reports a list field with nothing after the colon, both bold styles', () => {
    const text = doc('## 1. 개요\n\n- **비즈니스 목적**: \n- **핵심 기능:** \n- **대상 사용자**:\n');
    assert.deepEqual(contentFindings(text), ['empty-field@5', 'empty-field@6', 'empty-field@7']);
  });

  it('treats a nested list, a following paragraph or code as the value', () => {
    const text = doc(
      '## 1. 개요\n\n- **핵심 기능**: \n  - 인증\n  - 조회\n- **설명**:\n\n  긴 설명 문단\n- **설정**:\n  ```yaml\n  a: 1\n  ```\n- **다음 줄**:\n  같은 문단의 다음 줄\n',
    );
    assert.deepEqual(contentFindings(text), []);
  });

  it('counts -, 해당 없음, 없음, N/A, 미적용 and pre-filled comma lists as filled', () => {
    const text = doc('## 1. 개요\n\n- **A**: -\n- **B**: 해당 없음\n- **C**: 없음\n- **D**: N/A\n- **E**: 미적용\n- **F**: REST API, GraphQL\n');
    assert.deepEqual(contentFindings(text), []);
  });

  it('a paragraph label is filled by the block it introduces and empty before a heading, a field or nothing', () => {
    const text = doc(
      '## 1. 개요\n\n**목록**:\n\n- a\n\n**표**:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n**문단**:\n\n설명\n\n**빈 필드**:\n\n**다음 필드**: 값\n\n**제목 앞**:\n\n## 2. 다음\n\n**끝**:\n',
    );
    assert.deepEqual(contentFindings(text), ['empty-field@19', 'empty-field@23', 'empty-field@27']);
  });

  it('checks every line of a multi-field paragraph, and fields in blockquotes and ordered lists', () => {
    const text = doc('## 1. 개요\n\n**작성자**: 홍길동\n**작성일**:\n**버전**: 1.0\n\n> **검토자**: \n\n1. **원칙**: \n');
    assert.deepEqual(contentFindings(text), ['empty-field@6', 'empty-field@9', 'empty-field@11']);
  });

  it('an image, inline code or link is a value', () => {
    const text = doc('## 1. 개요\n\n- **그림**: ![](a.png)\n- **코드**: `x`\n- **링크**: [문서](a.md)\n');
    assert.deepEqual(contentFindings(text), []);
  });

  it('reports extra fields the author added, not only template ones', () => {
    assert.deepEqual(contentFindings(doc('## 1. 개요\n\n- **나만의 필드**: \n')), ['empty-field@5']);
  });

  it('a bold phrase without a colon is not a field', () => {
    assert.deepEqual(contentFindings(doc('## 1. 개요\n\n- **해당 없음** (신규 개발)\n- **굵게** 글자\n')), []);
  });
});

describe('empty-table-cell and empty-table', () => {
  it('names the blank columns of a row', () => {
    const analysis = check(doc('## 1. 개요\n\n| 영역 | 주요 기능 | 우선순위 |\n|---|---|---|\n| 인증 |  | High |\n| 조회 | 요금 | |\n| a | b | c |\n'));
    const cells = analysis.findings.filter((f) => f.rule === 'empty-table-cell');
    assert.deepEqual(cells.map((f) => [f.line, f.message]), [
      [7, 'Table row has blank cells: 주요 기능.'],
      [8, 'Table row has blank cells: 우선순위.'],
    ]);
  });

  it('a blank cell in a remarks column is nothing to remark, not a gap', () => {
    const text = doc('## 1. 개요\n\n| 항목 | 선택 | 비고 |\n|---|---|---|\n| DB | PostgreSQL | |\n| 캐시 |  |  |\n\n| Option | Cost | **Notes** |\n|---|---|---|\n| EFS | $900 | |\n');
    assert.deepEqual(check(text).findings.filter((f) => f.rule === 'empty-table-cell').map((f) => [f.line, f.message]), [[8, 'Table row has blank cells: 선택.']]);
  });

  it('treats a row shorter than its header as having blank cells', () => {
    assert.deepEqual(contentFindings(doc('## 1. 개요\n\n| a | b | c |\n|---|---|---|\n| 1 |\n')), ['empty-table-cell@7']);
  });

  it('reports a header-only table at its header row', () => {
    assert.deepEqual(contentFindings(doc('## 1. 개요\n\n| 서비스 | 언어 |\n|---|---|\n\n문단\n')), ['empty-table@5']);
  });
});

describe('placeholder', () => {
  it('reports template placeholder fences and items, not tokens inside content', () => {
    const text = doc(
      [
        '## 4. 논리 아키텍처',
        '```',
        '[네트워크 토폴로지 다이어그램]',
        '```',
        '```',
        '{논리아키텍처 경로}',
        '```',
        '- **환경별 설정**: values-{env}.yaml',
        '- **락 키**: lock:{eventId}',
        '```',
        'graph LR',
        '  A --> B[외부 API]',
        '```',
        '```json',
        '[1, 2, 3]',
        '```',
        '- {문서명}: {파일 위치}',
        '- ...',
        '- {memberId} 키',
        '',
      ].join('\n'),
    );
    assert.deepEqual(contentFindings(text), ['placeholder@4', 'placeholder@7', 'placeholder@19', 'placeholder@20']);
  });
});

describe('unchosen-option', () => {
  it('reports a field or table cell still equal to the template option list in the same section', () => {
    const text = doc(
      '### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n- **멀티 클라우드 전략**: Azure / AWS / GCP 비교 후 결정\n\n### 6.2 서비스별 개발 아키텍처 패턴\n| 서비스 | 아키텍처 패턴 | 선정 이유 |\n|---|---|---|\n| 인증 | Clean/Layered/Hexagonal | 단순 |\n| 조회 | Layered | 단순 |\n',
    );
    assert.deepEqual(contentFindings(text), ['unchosen-option@4', 'unchosen-option@10']);
  });

  it('does not report the same text in another section or a slash in a key', () => {
    const text = doc('### 1.1 프로젝트 개요\n- **비즈니스 목적**: Azure/AWS/GCP\n\n### 12.3.2 재해 복구\n- **RTO/RPO**: 30분/1시간\n- **백업 전략**: 일일\n- **DR 사이트**: 없음\n');
    assert.deepEqual(contentFindings(text), []);
  });

  it('offers each option in the finding data', () => {
    const finding = check(doc('### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n')).findings.find((f) => f.rule === 'unchosen-option');
    assert.deepEqual(finding?.data?.kind === 'options' && finding.data.options, ['Azure', 'AWS', 'GCP']);
  });
});

describe('missing-section', () => {
  it('reports a missing top-level section once, at the H1', () => {
    const text = readTemplateWithout('## 14. 구현 로드맵', '## 15. 위험 관리');
    const missing = check(text).findings.filter((f) => f.rule === 'missing-section');
    assert.deepEqual(missing.map((f) => [f.line, f.message]), [[1, 'Section "14. 구현 로드맵" of the template is missing.']]);
  });

  it('reports a missing sub-section at the nearest enclosing heading', () => {
    const text = readTemplateWithout('### 9.2 데이터 과학 플랫폼', '---\n\n## 10.');
    const missing = check(text).findings.filter((f) => f.rule === 'missing-section');
    assert.equal(missing.length, 1);
    assert.equal(text.split('\n')[missing[0].line - 1], '## 9. AI/ML 아키텍처');
  });

  it('matches renumbered and slightly renamed sections', () => {
    const text = readTemplate().replace('### 6.2 서비스별 개발 아키텍처 패턴', '### 6.5 서비스별 아키텍처 패턴').replace('#### 9.1.1 AI 서비스/모델 매핑', '#### 9.1.7 AI 서비스 매핑');
    assert.deepEqual(summary(check(text).findings, ['missing-section']), []);
  });

  it('does not ask for the sub-sections of a section answered "not applicable", in its body or its title', () => {
    const body = readTemplateWithout('### 9.1 AI API', '## 10.');
    const answered = body.replace('## 9. AI/ML 아키텍처\n', '## 9. AI/ML 아키텍처\n\n해당 없음 (이번 릴리스에 AI 기능 없음)\n');
    assert.deepEqual(summary(check(answered).findings, ['missing-section', 'empty-section']), []);
    const aside = body.replace('## 9. AI/ML 아키텍처\n', '## 9. AI/ML 아키텍처 (해당 없음)\n');
    assert.deepEqual(summary(check(aside).findings, ['missing-section', 'empty-section']), []);
    // Other content does not answer for the sub-sections.
    const written = body.replace('## 9. AI/ML 아키텍처\n', '## 9. AI/ML 아키텍처\n\nAI 기능은 다음 분기에 정한다.\n');
    assert.deepEqual(summary(check(written).findings, ['missing-section']).length, 2);
  });

  it('a group of placeholder headings stands for any number of headings, none when the section holds something else', () => {
    const template = compileTemplate('decision', '# Decision\n\n## Context\n- **Problem**: \n\n## Options\n\n### {title of option 1}\n\n* Good, because {argument a}\n\n### {title of other option}\n\n* Bad, because {argument b}\n');
    const run = (options: string) => analyze(`# Decision: queue\n\n## Context\n- **Problem**: slow jobs\n\n## Options\n\n${options}`, { templates: [template] });
    const listed = run('* Hosted queue: managed, costs more\n* Own table: cheap, we run it\n');
    assert.deepEqual(summary(listed.findings), []);
    assert.deepEqual(summary(run('<!-- nothing yet -->\n').findings), ['empty-section@6', 'missing-section@6']);
    // A heading still spelled as the template's placeholder is a placeholder finding, its body still checked.
    const kept = run('### {title of option 1}\n\n* Good, because managed\n\n### Own table\n\n* Bad, because {argument b}\n');
    assert.deepEqual(kept.findings.map((f) => `${f.rule}@${f.line} ${f.message}`), ['placeholder@8 Placeholder {title of option 1} has not been replaced.', 'placeholder@14 Placeholder {argument b} has not been replaced.']);
  });

  it('titles that differ only in a number are different sections, not a renamed one', () => {
    const template = compileTemplate('blocks', '# Blocks\n\n## Building Block View\n\n### Whitebox Overall System\n- **Blocks**: \n\n### Level 2\n- **Detail**: \n\n### Level 3\n- **Detail**: \n');
    const analysis = analyze('# Blocks\n\n## Building Block View\n\n### Level 1\n- **Blocks**: api, worker\n\n### Level 2\n- **Detail**: api ports\n', { templates: [template] });
    assert.deepEqual(analysis.findings.filter((f) => f.rule === 'missing-section').map((f) => f.message).sort(), ['Section "Level 3" of the template is missing.', 'Section "Whitebox Overall System" of the template is missing.']);
  });

  it('reports every template section on a document with only the title', () => {
    const missing = check('# High Level 아키텍처 정의서\n').findings.filter((f) => f.rule === 'missing-section');
    assert.equal(missing.length, 17);
    assert.ok(missing.every((f) => f.line === 1));
  });
});

describe('empty-section', () => {
  it('reports a heading with nothing but a thematic break or a comment before the next heading', () => {
    const text = doc('## 1. 개요\n\n---\n\n## 2. 요구\n\n<!-- 나중에 -->\n\n## 3. 원칙\n내용\n\n## 4. 끝\n');
    assert.deepEqual(summary(check(text).findings, ['empty-section']), ['empty-section@3', 'empty-section@7', 'empty-section@14']);
  });

  it('a heading with sub-sections is not empty', () => {
    assert.deepEqual(summary(check(doc('## 1. 개요\n### 1.1 프로젝트 개요\n내용\n')).findings, ['empty-section']), []);
  });
});

describe('suppression comments and severity', () => {
  it('disable-next-line silences the next line, for the named rules only', () => {
    const text = doc('## 1. 개요\n\n<!-- archdoc-disable-next-line empty-field -->\n- **A**: \n<!-- archdoc-disable-next-line placeholder -->\n- **B**: \n- **C**: \n');
    assert.deepEqual(contentFindings(text), ['empty-field@8', 'empty-field@9']);
  });

  it('disable without rules silences everything in the file; with rules, only those', () => {
    assert.deepEqual(summary(check(doc('<!-- archdoc-disable -->\n\n## 1. 개요\n\n- **A**: \n')).findings), []);
    const text = doc('<!-- archdoc-disable missing-section -->\n\n## 1. 개요\n\n- **A**: \n');
    assert.deepEqual(summary(check(text).findings), ['empty-field@7']);
  });

  it('applies severity settings and off', () => {
    const text = doc('## 1. 개요\n\n- **A**: \n\n| a |\n|---|\n');
    const analysis = check(text, { severity: { 'empty-field': 'error', 'empty-table': 'off', 'missing-section': 'off' } });
    assert.deepEqual(analysis.findings.map((f) => `${f.rule}:${f.severity}`), ['empty-field:error']);
  });
});

describe('recognition', () => {
  it('recognises by front matter, by normalised H1 title, and by include glob', () => {
    assert.equal(check('---\narchdoc: high-level-architecture\n---\n# 아무 제목\n').templateId, 'high-level-architecture');
    assert.equal(check('# 런치픽(LunchPick) HighLevel 아키텍처 정의서\n').templateId, 'high-level-architecture');
    assert.equal(check('# HighLevel아키텍처정의서서\n').templateId, 'high-level-architecture');
    assert.equal(check('# High Level Architecture Definition — Shop\n').templateId, 'high-level-architecture-en');
    assert.equal(check('# Notes\n', { path: 'docs/arch/hla.md', include: ['docs/arch/**/*.md'] }).templateId, 'high-level-architecture');
  });

  it('gives no findings at all for other Markdown', () => {
    const analysis = check('# README\n\n- **Field**: \n\n| a |\n|---|\n');
    assert.equal(analysis.templateId, undefined);
    assert.deepEqual(analysis.findings, []);
  });

  it('names an unknown template id in front matter', () => {
    assert.match(check('---\narchdoc: nope\n---\n# x\n').skippedReason ?? '', /Unknown template "nope"/);
  });
});

describe('completion', () => {
  it('counts filled slots over slots, and a missing section as its template slots', () => {
    const analysis = check(doc('## 1. 개요\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: 예약\n- **핵심 기능**: \n'));
    const overview = analysis.sections.find((s) => s.title === '1. 개요')!;
    const projectOverview = overview.children.find((s) => s.title === '1.1 프로젝트 개요')!;
    assert.deepEqual(projectOverview.progress, { filled: 1, total: 2 });
    assert.equal(projectOverview.state, 'partial');
    const scope = overview.children.find((s) => s.title.startsWith('1.2'))!;
    assert.equal(scope.missing, true);
    assert.deepEqual(scope.progress, { filled: 0, total: 4 });
    assert.ok(analysis.progress.total > 100);
  });
});

function readTemplate(): string {
  return readRepoFile('templates/high-level-architecture.md');
}

/** The built-in template with the text from `from` up to (not including) `to` removed. */
function readTemplateWithout(from: string, to: string): string {
  const text = readTemplate();
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  assert.ok(start >= 0 && end > start, `markers ${from} … ${to}`);
  return text.slice(0, start) + text.slice(end);
}

describe('document shapes', () => {
  it('sections written as H1s after the title still form the tree and match the template', () => {
    const text = readTemplate().replace(/^## /gmu, '# ').replace(/^### /gmu, '## ').replace(/^#### /gmu, '### ');
    const analysis = check(text);
    assert.deepEqual(summary(analysis.findings, ['missing-section', 'empty-section']), []);
    assert.equal(analysis.sections.length, 17);
    assert.equal(analysis.sections[0].title, '1. 개요 (Executive Summary)');
  });

  it('a document recognised by front matter without an H1 reports missing sections at line 1', () => {
    const analysis = check('---\narchdoc: high-level-architecture\n---\n\n## 1. 개요 (Executive Summary)\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: x\n');
    const missing = analysis.findings.filter((f) => f.rule === 'missing-section');
    assert.ok(missing.length > 10);
    assert.ok(missing.filter((f) => f.message.includes('"2. ')).every((f) => f.line === 1));
  });
});

describe('headings being typed', () => {
  it('a bare # is not a section and not an empty section', () => {
    const analysis = check(doc('## 1. 개요\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: x\n\n#\n'));
    assert.deepEqual(summary(analysis.findings, ['empty-section']), []);
    assert.ok(analysis.sections.every((section) => section.title.length > 0));
  });
});

describe('real-world styles (found by adversarial documents)', () => {
  it('a bilingual title picks the template whose sections the document uses', () => {
    const text = readTemplate().replace('# High Level 아키텍처 정의서', '# 결제 시스템 High Level 아키텍처 정의서 (High Level Architecture Definition)');
    const analysis = check(text);
    assert.equal(analysis.templateId, 'high-level-architecture');
    assert.deepEqual(summary(analysis.findings, ['missing-section']), []);
  });

  it('raw HTML anchors and emoji shortcodes in headings do not change the title', () => {
    const text = readTemplate()
      .replace(/^(#{2,4}) /gmu, (_, hashes: string) => `${hashes} <a id="x"></a>`)
      .replace('## 2. 아키텍처 요구사항', '## :memo: 2. 아키텍처 요구사항');
    assert.deepEqual(summary(check(text).findings, ['missing-section', 'empty-section']), []);
  });

  it('a similar title under another number is not taken for a missing section', () => {
    const template = readTemplate();
    const start = template.indexOf('#### 8.1.1 API Gateway');
    const text = `${template.slice(0, start)}#### 8.1.3 API Gateway 모니터링\n- **대시보드**: Grafana\n\n${template.slice(template.indexOf('#### 8.1.2'))}`;
    const missing = check(text).findings.filter((f) => f.rule === 'missing-section');
    assert.deepEqual(missing.map((f) => f.message), ['Section "8.1.1 API Gateway" of the template is missing.']);
  });

  it('a renamed section holding the template sub-sections is that section, and slots are not counted twice', () => {
    const text = readTemplate().replace('## 11. 보안 아키텍처', '## 11. 보안');
    const analysis = check(text);
    assert.deepEqual(summary(analysis.findings, ['missing-section']), []);
    assert.equal(analysis.progress.total, check(readTemplate()).progress.total);
  });

  it('placeholders in diagram fences and with other spacing are reported; data fences are not', () => {
    const text = doc('## 4. 논리 아키텍처\n```mermaid\n{논리아키텍처 경로}\n```\n```plantuml\n[네트워크 토폴로지 다이어그램]\n```\n```yaml\n[a]\n```\n- {문서명} : {파일 위치}\n- {문서명}：{파일 위치}\n');
    assert.deepEqual(contentFindings(text), ['placeholder@4', 'placeholder@7', 'placeholder@13', 'placeholder@14']);
  });

  it('comments and <br> are not content; a footnote reference is', () => {
    const text = doc(
      '## 1. 개요\n- **A**: <!-- TODO -->\n- **B**: <br>\n- **C**: \n  <!-- later -->\n- **D**: [^1]\n- **E**:\n\n  * \n\n| a | b |\n|---|---|\n| <!-- TBD --> | <br> |\n\n[^1]: note\n',
    );
    assert.deepEqual(contentFindings(text), ['empty-field@4', 'empty-field@5', 'empty-field@6', 'empty-field@9', 'empty-table-cell@15']);
  });

  it('a bolded option is a choice; a second copy of a section keeps its option lists', () => {
    const text = doc('### 11.2.1 인증 & 인가\n- **권한 모델**: **RBAC**/ABAC\n\n### 2.2.3 가용성 요구사항\n- **재해복구 목표**: 1시간\n\n### 2.2.3 가용성 요구사항\n- **재해복구 목표**: RTO/RPO\n');
    assert.deepEqual(contentFindings(text), ['unchosen-option@10']);
  });

  it('deleting a placeholder leaves an empty section, not progress', () => {
    const text = doc('## 4. 논리 아키텍처\n### 4.1 시스템 컨텍스트 다이어그램\n\n### 4.2 도메인 아키텍처\n');
    const four = check(text).sections.find((s) => s.title.startsWith('4.'))!;
    const contextDiagram = four.children.find((s) => s.title.startsWith('4.1'))!;
    assert.equal(contextDiagram.progress.filled, 0);
  });

  it('disable comments accept comma-separated rules', () => {
    const text = doc('## 1. 개요\n<!-- archdoc-disable-next-line empty-field, placeholder -->\n- **A**: \n');
    assert.deepEqual(contentFindings(text), []);
  });
});

describe('review findings', () => {
  it('a same-titled heading elsewhere with another number is not the template section', () => {
    const analysis = check(doc('## 9. AI/ML 아키텍처\n### 9.3 개요\nAI 개요\n'));
    const missing = analysis.findings.filter((f) => f.rule === 'missing-section').map((f) => f.message);
    assert.ok(missing.includes('Section "1. 개요 (Executive Summary)" of the template is missing.'), missing.join('\n'));
  });

  it('a leading H1 that is a template section is not taken for the title', () => {
    const analysis = check('---\narchdoc: high-level-architecture\n---\n# 1. 개요 (Executive Summary)\n## 1.1 프로젝트 개요\n- **비즈니스 목적**: x\n');
    assert.ok(!analysis.findings.some((f) => f.message.includes('"1. 개요')));
    assert.equal(analysis.sections[0].title, '1. 개요 (Executive Summary)');
  });

  it('silenced findings leave the completion count, and their missing sections the tree', () => {
    const text = doc('<!-- archdoc-disable missing-section -->\n## 1. 개요 (Executive Summary)\n### 1.1 프로젝트 개요\n- **비즈니스 목적**: x\n<!-- archdoc-disable-next-line -->\n- **핵심 기능**: \n');
    const analysis = check(text);
    assert.deepEqual(analysis.findings, []);
    assert.deepEqual(analysis.progress, { filled: 1, total: 1 });
    assert.ok(!analysis.sections.some((s) => s.missing));
  });

  it('a template without an H1 recognises nothing by title; an empty first H1 does not hide the title', () => {
    const untitled = compileTemplate('api', '## Endpoints\n- **Path**: \n');
    assert.equal(analyze('# Rapid Prototyping Notes\n## Endpoints\n- **Path**: \n', { templates: [untitled] }).templateId, undefined);
    assert.equal(check('#\n# High Level 아키텍처 정의서\n').templateId, 'high-level-architecture');
  });

  it('an emptied section earns nothing for its deleted placeholder, nor a phantom slot for its sub-sections', () => {
    const analysis = check(doc('## 4. 논리 아키텍처 (Logical View)\n### 4.2 도메인 아키텍처\n#### 4.2.2 바운디드 컨텍스트\n- **메모**: \n\n## 16. 부록\n'));
    const four = analysis.sections.find((s) => s.title.startsWith('4.'))!;
    const context = four.children.find((s) => s.title.startsWith('4.2'))!.children.find((s) => s.title.startsWith('4.2.2'))!;
    assert.deepEqual(context.progress, { filled: 0, total: 1 });
    const appendix = analysis.sections.find((s) => s.title.startsWith('16.'))!;
    assert.equal(appendix.progress.total, 6); // 16.1 (3 fields) + 16.2 (1 row) + 16.3 (2 placeholders)
  });

  it('leading digits that are part of a word are not a section number', () => {
    assert.equal(check(doc('## 3D 모델\n내용\n')).sections.find((s) => s.title === '3D 모델')?.id.startsWith('doc:'), true);
  });
});
