/**
 * The same document analysed as LF, CRLF, CR-only, with a BOM, with emoji and with tab indentation: the same
 * findings on the same lines, and columns in UTF-16 code units as VS Code counts them (end exclusive).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Analysis, analyze, builtinTemplates, type Finding, type Range, type SectionNode } from '../../src/core/index';
import { repoRoot } from './helpers';

const ROOT = repoRoot;
const EMOJI = '😀'; // U+1F600: two UTF-16 code units
const TITLE = '# High Level 아키텍처 정의서';

const toLf = (text: string) => text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
const read = (file: string) => toLf(fs.readFileSync(file, 'utf8'));

const DOCUMENTS: Array<{ name: string; text: string }> = [
  { name: 'built-in template', text: read(path.join(ROOT, 'templates/high-level-architecture.md')) },
  { name: 'a filled document', text: read(path.join(ROOT, 'test/fixtures/blind/filled-ko.md')) },
  { name: 'a partly filled document', text: read(path.join(ROOT, 'test/fixtures/blind/gaps-ko.md')) },
];

const VARIANTS: Array<{ name: string; encode: (lf: string) => string }> = [
  { name: 'CRLF', encode: (lf) => lf.replace(/\n/gu, '\r\n') },
  { name: 'CR only', encode: (lf) => lf.replace(/\n/gu, '\r') },
  { name: 'BOM', encode: (lf) => `\uFEFF${lf}` },
  { name: 'BOM + CRLF', encode: (lf) => `\uFEFF${lf.replace(/\n/gu, '\r\n')}` },
];

function run(text: string): Analysis {
  const analysis = analyze(text, { templates: builtinTemplates() });
  assert.equal(analysis.skippedReason, undefined, 'analysed');
  return analysis;
}

/** The lines VS Code shows: BOM stripped, split on CRLF, CR and LF. */
function editorLines(text: string): string[] {
  return text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
}

function at(range: Range): string {
  return `${range.line}:${range.column}-${range.endLine}:${range.endColumn}`;
}

function valueOf(finding: Finding): Range | undefined {
  return finding.data && (finding.data.kind === 'field' || finding.data.kind === 'options') ? finding.data.value : undefined;
}

function flatten(nodes: readonly SectionNode[]): SectionNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** Lines that gained `shift` UTF-16 units, for comparing a variant's ranges with the LF original's. */
function shifted(range: Range, changed: ReadonlySet<number>, shift: number): Range {
  return {
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn + (changed.has(range.endLine) ? shift : 0),
  };
}

describe('encoding: line endings and BOM', function () {
  this.timeout(30_000);

  for (const doc of DOCUMENTS) {
    describe(doc.name, function () {
      const lf = run(doc.text);

      it('is recognised and analysed', function () {
        assert.equal(lf.templateId, 'high-level-architecture');
        if (doc.name.startsWith('built-in')) assert.ok(lf.findings.length > 50, `${lf.findings.length} findings on the template`);
      });

      for (const variant of VARIANTS) {
        it(`${variant.name} gives the same analysis as LF (findings, ranges, messages, sections)`, function () {
          const text = variant.encode(doc.text);
          const other = run(text);
          assert.deepEqual(
            other.findings.map((finding) => `${finding.rule} ${at(finding)}`),
            lf.findings.map((finding) => `${finding.rule} ${at(finding)}`),
          );
          assert.deepEqual(other, lf);
          assert.equal(editorLines(text).length, editorLines(doc.text).length);
        });
      }

      it('single-line findings end at the visible end of their line (endColumn - 1 = trimmed length)', function () {
        const lines = editorLines(doc.text);
        const wrong = lf.findings
          .filter((finding) => finding.line === finding.endLine && finding.endColumn - 1 !== lines[finding.line - 1].trimEnd().length)
          .map((finding) => `${finding.rule} ${at(finding)} on ${JSON.stringify(lines[finding.line - 1])}`);
        assert.deepEqual(wrong, []);
      });

      it('empty-field findings sit on the line of their label, and the value range starts right after the colon', function () {
        const lines = editorLines(doc.text);
        for (const finding of lf.findings) {
          if (finding.data?.kind !== 'field') continue;
          const line = lines[finding.line - 1];
          assert.ok(line.includes(`${finding.data.label}`), `${at(finding)} ${JSON.stringify(line)} has the label ${finding.data.label}`);
          assert.match(line.slice(0, finding.data.value.column - 1), /[:：](?:\*\*)?\s*$/u, `${at(finding)} value column ${finding.data.value.column} in ${JSON.stringify(line)}`);
        }
      });
    });
  }

  it('a CR-only file numbers its lines like the editor does', function () {
    const text = DOCUMENTS[0].text.replace(/\n/gu, '\r');
    assert.ok(!text.includes('\n'));
    const analysis = run(text);
    const lines = editorLines(text);
    const purpose = lines.findIndex((line) => line.startsWith('- **비즈니스 목적**:')) + 1;
    const finding = analysis.findings.find((candidate) => candidate.rule === 'empty-field' && candidate.line === purpose);
    assert.ok(finding, `an empty-field finding on line ${purpose}`);
    assert.equal(at(finding), `${purpose}:1-${purpose}:${'- **비즈니스 목적**:'.length + 1}`);
    assert.ok(analysis.findings.every((candidate) => candidate.endLine <= lines.length));
  });
});

describe('encoding: emoji (two UTF-16 units)', function () {
  this.timeout(30_000);

  /** `- **비즈니스 목적**: ` → `- **😀 비즈니스 목적**: ` on every field line; returns the changed line numbers. */
  function emojiInLabels(lf: string): { text: string; changed: Set<number> } {
    const changed = new Set<number>();
    const lines = lf.split('\n').map((line, i) => {
      const next = line.replace(/^(\s*(?:(?:[-*+]|\d+[.)])\s+)?\*\*)(?=[^*]+(?:\*\*\s*[:：]|[:：]\*\*))/u, `$1${EMOJI} `);
      if (next !== line) changed.add(i + 1);
      return next;
    });
    return { text: lines.join('\n'), changed };
  }

  // Lines the template itself pre-fills (e.g. `- **동기 통신**: REST API, GraphQL`) are template text, not slots:
  // edited, they become filled slots, so in a document they are left alone (the analysis must stay the same).
  const templateLines = new Set(
    ['templates/high-level-architecture.md', 'templates/high-level-architecture.en.md'].flatMap((file) => read(path.join(ROOT, file)).split('\n')),
  );

  /** `- **X**: value` → `- **X**: 😀 value` for the author's filled field values on lines without a finding. */
  function emojiBeforeValues(lf: string, analysis: Analysis, keepTemplateText: boolean): { text: string; changed: Set<number> } {
    const flagged = new Set(analysis.findings.flatMap((finding) => [finding.line, finding.endLine]));
    const changed = new Set<number>();
    const lines = lf.split('\n').map((line, i) => {
      if (flagged.has(i + 1) || (keepTemplateText && templateLines.has(line))) return line;
      const next = line.replace(/^(\s*(?:(?:[-*+]|\d+[.)])\s+)?\*\*[^*]+(?:\*\*\s*[:：]|[:：]\*\*) )(?=\S)/u, `$1${EMOJI} `);
      if (next !== line) changed.add(i + 1);
      return next;
    });
    return { text: lines.join('\n'), changed };
  }

  for (const doc of DOCUMENTS) {
    describe(doc.name, function () {
      const lf = run(doc.text);

      it('an emoji inside every field label: same lines and rules; ends and value ranges move by 3 units on those lines', function () {
        const { text, changed } = emojiInLabels(doc.text);
        assert.ok(changed.size > 20, `${changed.size} field lines changed`);
        const other = run(text);
        const lines = editorLines(text);
        assert.deepEqual(
          other.findings.map((finding) => `${finding.rule} ${finding.line}`),
          lf.findings.map((finding) => `${finding.rule} ${finding.line}`),
        );
        assert.deepEqual(other.progress, lf.progress);
        other.findings.forEach((finding, i) => {
          const base = lf.findings[i];
          assert.deepEqual(at(finding), at(shifted(base, changed, 3)), `${finding.rule} on ${JSON.stringify(lines[finding.line - 1])}`);
          const value = valueOf(finding);
          const baseValue = valueOf(base);
          if (value && baseValue && changed.has(finding.line)) {
            // The value starts after the emoji (2 units) and its space: exactly 3 units later than in the original.
            assert.equal(value.column, baseValue.column + 3, `value of ${JSON.stringify(lines[finding.line - 1])}`);
            assert.equal(value.endColumn, baseValue.endColumn + 3);
          }
          if (finding.data?.kind === 'field' && changed.has(finding.line)) assert.ok(finding.data.label.startsWith(`${EMOJI} `), finding.data.label);
          if (finding.line === finding.endLine && changed.has(finding.line)) {
            assert.equal(finding.endColumn - 1, lines[finding.line - 1].trimEnd().length, `visible end of ${JSON.stringify(lines[finding.line - 1])}`);
          }
        });
      });

      it('an emoji before filled field values: the same analysis', function () {
        const { text, changed } = emojiBeforeValues(doc.text, lf, !doc.name.startsWith('built-in'));
        assert.ok(changed.size >= 9, `${changed.size} values changed`);
        const other = run(text);
        assert.deepEqual(
          other.findings.map((finding) => `${finding.rule} ${at(finding)}`),
          lf.findings.map((finding) => `${finding.rule} ${at(finding)}`),
        );
        if (doc.name.startsWith('built-in')) return; // there, a changed value is the template's pre-filled text edited: filled
        assert.deepEqual(other.progress, lf.progress);
        assert.deepEqual(
          flatten(other.sections).map((node) => `${node.id} ${node.state} ${node.progress.filled}/${node.progress.total}`),
          flatten(lf.sections).map((node) => `${node.id} ${node.state} ${node.progress.filled}/${node.progress.total}`),
        );
      });
    });
  }

  it('an option value after an emoji label: the value range starts at the option text, counted in UTF-16 units', function () {
    const text = DOCUMENTS[0].text.replace('- **주 클라우드**: Azure/AWS/GCP', `- **${EMOJI} 주 클라우드**: Azure/AWS/GCP`);
    const analysis = run(text);
    const lines = editorLines(text);
    const line = lines.findIndex((candidate) => candidate.includes(`${EMOJI} 주 클라우드`)) + 1;
    const finding = analysis.findings.find((candidate) => candidate.rule === 'unchosen-option' && candidate.line === line);
    assert.ok(finding && finding.data?.kind === 'options', `unchosen-option on line ${line}`);
    const lineText = lines[line - 1];
    assert.equal(lineText.indexOf('Azure'), 17); // "- **" 4 + emoji 2 + " 주 클라우드" 7 + "**: " 4, in UTF-16 units
    assert.equal(finding.column, 1);
    assert.equal(finding.endColumn, lineText.length + 1);
    assert.equal(lineText.slice(finding.data.value.column - 1, finding.data.value.endColumn - 1).trim(), 'Azure/AWS/GCP');
    assert.equal(finding.data.value.endColumn, lineText.length + 1);
  });

  it('an option cell after an emoji cell: the cell range is shifted by exactly 2 units', function () {
    const row = '|  | Clean/Layered/Hexagonal |  |';
    const emojiRow = `| ${EMOJI} | Clean/Layered/Hexagonal |  |`;
    assert.ok(DOCUMENTS[0].text.includes(row));
    const plain = run(DOCUMENTS[0].text);
    const text = DOCUMENTS[0].text.replace(row, emojiRow);
    const withEmoji = run(text);
    const line = editorLines(text).indexOf(emojiRow) + 1;
    const option = (analysis: Analysis) => analysis.findings.find((finding) => finding.rule === 'unchosen-option' && finding.line === line);
    const before = option(plain);
    const after = option(withEmoji);
    assert.ok(before?.data?.kind === 'options' && after?.data?.kind === 'options', `unchosen-option on line ${line}`);
    assert.equal(before.data.value.column, row.indexOf('Clean') + 1);
    assert.equal(after.data.value.column, emojiRow.indexOf('Clean') + 1);
    assert.equal(after.data.value.column, before.data.value.column + 2);
    assert.equal(after.data.value.endColumn, emojiRow.indexOf('Hexagonal') + 'Hexagonal'.length + 1);
    // The row's other findings stay on the same line; the row range ends at the visible end of the row.
    const cells = withEmoji.findings.find((finding) => finding.rule === 'empty-table-cell' && finding.line === line);
    assert.ok(cells, 'the third cell is still blank');
    assert.equal(cells.endColumn, emojiRow.length + 1);
  });
});

describe('encoding: tabs for indentation in nested lists', function () {
  const body = (indent: string) =>
    [
      TITLE,
      '',
      '## 1. 개요 (Executive Summary)',
      '',
      '### 1.1 프로젝트 개요',
      '- **비즈니스 목적**: 목적',
      '- **핵심 기능**:',
      `${indent}- **하위 기능**: `,
      `${indent}- **다른 기능**: 값`,
      `${indent}${indent}- **세부 기능**: `,
      `${indent}- 일반 항목`,
      '- **대상 사용자**: ',
      '- **예상 사용자 규모**: 100명',
    ].join('\n');

  for (const [name, indent] of [
    ['one tab', '\t'],
    ['two spaces', '  '],
    ['four spaces', '    '],
  ] as const) {
    it(`${name}: nested empty fields are found at the column of their marker`, function () {
      const text = body(indent);
      const lines = editorLines(text);
      const fields = run(text).findings.filter((finding) => finding.rule === 'empty-field' && finding.line >= 6 && finding.line <= 13);
      assert.deepEqual(
        fields.map((finding) => finding.line),
        [8, 10, 12],
        '하위 기능, 세부 기능, 대상 사용자 (핵심 기능 is filled by its sub-list)',
      );
      for (const finding of fields) {
        const line = lines[finding.line - 1];
        assert.equal(finding.column, line.indexOf('-') + 1, `start of ${JSON.stringify(line)}`);
        assert.equal(finding.endColumn, line.trimEnd().length + 1, `end of ${JSON.stringify(line)}`);
        assert.ok(finding.data?.kind === 'field');
        assert.equal(finding.data.value.column, line.indexOf('**:') + 4, `value of ${JSON.stringify(line)}`);
      }
    });
  }

  it('the tab-indented and space-indented lists give the same findings apart from the columns', function () {
    const strip = (analysis: Analysis) => analysis.findings.map((finding) => `${finding.rule} ${finding.line} ${finding.message}`);
    assert.deepEqual(strip(run(body('\t'))), strip(run(body('  '))));
  });
});

describe('encoding: field columns in blockquotes and continued lines (minimal reproducers)', function () {
  const section = `${TITLE}\n## 1.1 프로젝트 개요\n`;

  it('a field on the second line of a quoted paragraph starts at its label, not at the ">"', function () {
    const text = `${section}> **비즈니스 목적**: x\n> **핵심 기능**: \n`;
    const finding = run(text).findings.find((candidate) => candidate.rule === 'empty-field');
    assert.ok(finding, 'empty-field for 핵심 기능');
    assert.equal(at(finding), '4:3-4:13', '"> **핵심 기능**:" — the item starts at column 3, as the field on line 3 does');
  });

  it('an option value followed by a continuation line keeps its value range on the option text', function () {
    const single = `${TITLE}\n#### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n`;
    const continued = `${TITLE}\n#### 7.1.2 클라우드 제공자\n- **주 클라우드**: Azure/AWS/GCP\n  추후 결정\n`;
    const value = (text: string) => {
      const finding = run(text).findings.find((candidate) => candidate.rule === 'unchosen-option');
      assert.ok(finding?.data?.kind === 'options', 'unchosen-option');
      return at(finding.data.value);
    };
    assert.equal(value(single), '3:14-3:28');
    assert.equal(value(continued), '3:14-3:28', 'the quick fix "choose AWS" would otherwise append: "Azure/AWS/GCP AWS"');
  });

  it('a bold label broken across two lines puts its value range after the colon, not inside the label', function () {
    const text = `${section}- **비즈니스\n  목적**: \n`;
    const finding = run(text).findings.find((candidate) => candidate.rule === 'empty-field');
    assert.ok(finding?.data?.kind === 'field', 'empty-field');
    const lines = editorLines(text);
    const value = finding.data.value;
    assert.match(lines[value.line - 1].slice(0, value.column - 1), /[:：]\s*$/u, `value range ${at(value)} on ${JSON.stringify(lines[value.line - 1])}`);
  });
});
