/**
 * Robustness fuzzing of the engine (SPEC §6): generated Markdown, mutated project and corpus documents and the explicit bad
 * inputs. For every input `analyze` must not throw and every reported range must lie inside the document as
 * VS Code sees it (BOM stripped; lines split on \r\n, \r and \n; columns in UTF-16 code units, end exclusive).
 *
 * Deterministic: the seed is printed; set ARCHDOC_FUZZ_SEED to replay another one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Analysis, analyze, builtinTemplates, type Range, type SectionNode } from '../../src/core/index';
import { corpusDir, needsCorpus, projectDocuments, repoRoot, Rng } from './helpers';

const TITLE = '# High Level 아키텍처 정의서';
const DEFAULT_SEED = 0x5eed2025;
const SEED = process.env.ARCHDOC_FUZZ_SEED ? Number(process.env.ARCHDOC_FUZZ_SEED) >>> 0 : DEFAULT_SEED;

// ---------------------------------------------------------------------------------------------------------------
// Small local helpers.

const ROOT = repoRoot;
const CORPUS = corpusDir;

function readMarkdownFiles(folder: string): Array<{ name: string; text: string }> {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

/** mulberry32: small, fast, good enough for fuzzing, and reproducible across Node versions. */

/** The lines the editor shows: BOM stripped, split on CRLF, CR and LF. */
function editorLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/u);
}

/** Every range and line number in the analysis lies inside the document; findings sorted; slots = findings. */
function checkAnalysis(text: string, analysis: Analysis): string[] {
  const lines = editorLines(text);
  const problems: string[] = [];
  const checkRange = (where: string, range: Range | undefined) => {
    if (!range) {
      problems.push(`${where}: missing range`);
      return;
    }
    const { line, column, endLine, endColumn } = range;
    const show = `${where} ${line}:${column}-${endLine}:${endColumn} (lines=${lines.length})`;
    if (![line, column, endLine, endColumn].every(Number.isInteger)) {
      problems.push(`${show}: not integers`);
      return;
    }
    if (line < 1 || endLine < line || endLine > lines.length) {
      problems.push(`${show}: line out of range`);
      return;
    }
    if (column < 1 || column > lines[line - 1].length + 1) problems.push(`${show}: column outside line of length ${lines[line - 1].length}`);
    if (endColumn < 1 || endColumn > lines[endLine - 1].length + 1) problems.push(`${show}: endColumn outside line of length ${lines[endLine - 1].length}`);
    if (line === endLine && column > endColumn) problems.push(`${show}: column > endColumn`);
  };
  const checkLine = (where: string, line: number) => {
    if (!Number.isInteger(line) || line < 1 || line > lines.length) problems.push(`${where}: line ${line} outside 1..${lines.length}`);
  };
  const checkProgress = (where: string, completion: { filled: number; total: number }) => {
    if (!(completion.filled >= 0 && completion.filled <= completion.total)) problems.push(`${where}: completion ${completion.filled}/${completion.total}`);
  };

  const slotKeys: string[] = [];
  const key = (rule: string, r: Range) => `${rule}@${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;

  analysis.findings.forEach((finding, i) => {
    const where = `finding[${i}] ${finding.rule}`;
    checkRange(where, finding);
    if (typeof finding.message !== 'string' || finding.message.length === 0) problems.push(`${where}: empty message`);
    const data = finding.data;
    if (data && (data.kind === 'options' || data.kind === 'field')) checkRange(`${where} data.value`, data.value);
    if (data && data.kind === 'missing-section') checkLine(`${where} data.insertAfterLine`, data.insertAfterLine);
    const previous = analysis.findings[i - 1];
    if (previous && (previous.line > finding.line || (previous.line === finding.line && previous.column > finding.column))) {
      problems.push(`${where}: not sorted after ${previous.line}:${previous.column}`);
    }
  });

  const visit = (node: SectionNode, trail: string) => {
    const where = `section ${trail}`;
    checkRange(`${where} range`, node.range);
    checkLine(`${where} endLine`, node.endLine);
    if (node.endLine < node.range.line) problems.push(`${where}: endLine ${node.endLine} < heading line ${node.range.line}`);
    checkProgress(where, node.progress);
    node.openSlots.forEach((slot, i) => {
      checkRange(`${where} openSlots[${i}] ${slot.rule}`, slot);
      slotKeys.push(key(slot.rule, slot));
    });
    node.children.forEach((child, i) => visit(child, `${trail}/${i}:${child.id}`));
  };
  analysis.sections.forEach((node, i) => visit(node, `${i}:${node.id}`));
  analysis.preambleSlots.forEach((slot, i) => {
    checkRange(`preambleSlots[${i}] ${slot.rule}`, slot);
    slotKeys.push(key(slot.rule, slot));
  });
  checkProgress('document', analysis.progress);

  // types.ts: "Every open slot has exactly one finding."
  const findingKeys = analysis.findings.map((finding) => key(finding.rule, finding)).sort();
  slotKeys.sort();
  if (findingKeys.join('\n') !== slotKeys.join('\n')) {
    const missing = slotKeys.filter((k) => !findingKeys.includes(k)).slice(0, 3);
    const extra = findingKeys.filter((k) => !slotKeys.includes(k)).slice(0, 3);
    problems.push(`open slots (${slotKeys.length}) differ from findings (${findingKeys.length}): slots only ${missing.join(', ')}; findings only ${extra.join(', ')}`);
  }
  return problems;
}

/**
 * Column oracle for the fields (stricter than "inside the document"): a field finding starts at its list marker or
 * at its bold label, its value range sits on the label's line right after the colon, and an option list's value
 * range covers exactly the option text — the quick fixes edit exactly there.
 */
function checkColumns(text: string, analysis: Analysis): Array<{ kind: string; text: string }> {
  const lines = editorLines(text);
  const problems: Array<{ kind: string; text: string }> = [];
  for (const finding of analysis.findings) {
    const data = finding.data;
    if (!data || (data.kind !== 'field' && data.kind !== 'options') || finding.line > lines.length) continue;
    const line = lines[finding.line - 1];
    const where = `${finding.rule} ${finding.line}:${finding.column} on ${JSON.stringify(line.slice(0, 60))}`;
    if (data.kind === 'field' || line.trimStart().startsWith('-') || line.trimStart().startsWith('>')) {
      const start = line.slice(finding.column - 1);
      if (!/^(?:[-*+]\s|\d{1,9}[.)]\s|\*\*|__)/u.test(start) && !/^\|/u.test(start)) problems.push({ kind: 'finding range does not start at the item or its label', text: `${where}: starts at ${JSON.stringify(start.slice(0, 8))}` });
    }
    // A label that wraps (`**트래픽 분산 정\n책**:`) has its value on the label's last line: the finding's endLine.
    const value = data.value;
    if (value.line !== finding.endLine) {
      problems.push({ kind: 'value range not on the label\'s last line', text: `${where}: value on line ${value.line}` });
      continue;
    }
    const valueLine = lines[value.line - 1];
    const before = valueLine.slice(0, value.column - 1);
    const inside = valueLine.slice(value.column - 1, value.endColumn - 1);
    if (data.kind === 'field' && !/(?:[:：]|[:：](?:\*\*|__))\s*$/u.test(before)) problems.push({ kind: 'field value range does not start after the colon', text: `${where}: value starts after ${JSON.stringify(before.slice(-8))}` });
    if (data.kind === 'options') {
      const squash = (raw: string) => raw.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
      if (squash(inside) !== squash(data.options.join('/'))) problems.push({ kind: 'option value range does not cover the options', text: `${where}: value range holds ${JSON.stringify(inside)}` });
    }
  }
  return problems;
}

/** A parse failure is reported (never thrown); any other caught failure is an engine bug. */
const INTERNAL_FAILURE = /^archdoc could not analyse this document/u;

function run(text: string, options?: { maxFileSize?: number }): { analysis?: Analysis; problems: string[]; columnProblems: Array<{ kind: string; text: string }> } {
  let analysis: Analysis;
  try {
    analysis = analyze(text, { templates: builtinTemplates(), options });
  } catch (error) {
    return { problems: [`analyze threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`], columnProblems: [] };
  }
  const problems = checkAnalysis(text, analysis);
  if (analysis.skippedReason && INTERNAL_FAILURE.test(analysis.skippedReason)) problems.push(`internal failure: ${analysis.skippedReason}`);
  return { analysis, problems, columnProblems: checkColumns(text, analysis) };
}

function show(text: string): string {
  return text.length <= 600 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 300))} … (${text.length} chars)`;
}

const TOTAL = { inputs: 0, findings: 0 };
/** Column-oracle failures over every input of this file, asserted by a test of their own. */
const COLUMNS = { inputs: 0, failed: 0, kinds: new Map<string, { count: number; samples: string[] }>() };

/** Collects failures without stopping, so that one run reports several reproducers. */
class Tally {
  findings = 0;
  inputs = 0;
  recognised = 0;
  failed = 0;
  problems: string[] = [];
  check(label: string, text: string, options?: { maxFileSize?: number }): Analysis | undefined {
    this.inputs++;
    TOTAL.inputs++;
    COLUMNS.inputs++;
    const { analysis, problems, columnProblems } = run(text, options);
    if (analysis) {
      this.findings += analysis.findings.length;
      TOTAL.findings += analysis.findings.length;
      if (analysis.templateId) this.recognised++;
    }
    if (problems.length > 0) {
      this.failed++;
      if (this.problems.length < 20) this.problems.push(`${label}: ${problems.slice(0, 3).join(' | ')}\n    input: ${show(text)}`);
    }
    if (columnProblems.length > 0) COLUMNS.failed++;
    for (const name of new Set(columnProblems.map((problem) => problem.kind))) {
      const kind = COLUMNS.kinds.get(name) ?? { count: 0, samples: [] };
      kind.count++;
      if (kind.samples.length < 2) kind.samples.push(`${label}: ${columnProblems.find((problem) => problem.kind === name)?.text}\n      input: ${show(text)}`);
      COLUMNS.kinds.set(name, kind);
    }
    return analysis;
  }
  assertClean(): void {
    assert.ok(this.failed === 0, `${this.failed} input(s) broke an invariant (seed ${SEED}), first ${this.problems.length}:\n${this.problems.join('\n')}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Grammar of realistic fragments.

const TEMPLATE_TEXT = fs.readFileSync(path.join(ROOT, 'templates/high-level-architecture.md'), 'utf8');
const TEMPLATE_LINES = TEMPLATE_TEXT.split(/\r\n|\r|\n/u);
const HEADING_TITLES = TEMPLATE_LINES.filter((line) => /^#{2,6} /u.test(line)).map((line) => line.replace(/^#+\s+(?:\d+(?:\.\d+)*\.?\s+)?/u, ''));
const LABELS = [
  ...new Set(TEMPLATE_LINES.map((line) => /\*\*([^*]+)\*\*\s*[:：]/u.exec(line)?.[1]).filter((label): label is string => Boolean(label))),
  'VPN/Private Link',
  'RTO/RPO',
  '😀 이모지 라벨',
  'Label With `code`',
];
const TABLE_HEADERS = TEMPLATE_LINES.filter((line, i) => line.startsWith('|') && /^\|[-:| ]+\|$/u.test(TEMPLATE_LINES[i + 1] ?? '')).map((line) =>
  line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim()),
);

const WORDS = ['MVNO', '고객', '서비스', 'API Gateway', 'Redis', 'Kubernetes', '해당 없음', 'N/A', '-', '없음', '미적용', 'Azure', 'PostgreSQL', '😀', '👩‍💻', '🇰🇷', 'é', 'ﬁ', '漢字', 'עברית', 'x'];
const OPTION_VALUES = ['99.9% / 99.99% / 99.999%', 'Azure/AWS/GCP', 'RTO/RPO', 'HPA/VPA', 'AP/CP', 'JWT/OAuth2/SAML', 'RBAC/ABAC', 'Blue-Green/Canary/Rolling', 'Istio/Linkerd/Consul Connect', 'Clean/Layered/Hexagonal', 'Azure / AWS / GCP'];
const PLACEHOLDERS = ['...', '…', '{문서명}: {파일 위치}', '[네트워크 토폴로지 다이어그램]', '{논리아키텍처 경로}', '[데이터 플로우 다이어그램]', '{x}', '[외부 API]'];
const DIRECTIVES = [
  '<!-- archdoc-disable -->',
  '<!-- archdoc-disable empty-field -->',
  '<!-- archdoc-disable empty-section placeholder -->',
  '<!-- archdoc-disable-next-line -->',
  '<!-- archdoc-disable-next-line empty-field unchosen-option -->',
  '<!-- archdoc-disable-next-line no-such-rule -->',
  '<!--archdoc-disable-next-line-->',
  '<!-- archdoc-disable-next-line',
  '<!-- a comment -->',
  '<!--',
  '-->',
  '<details><summary>x</summary>',
  '</details>',
  '<br>',
];
const ODD = ['\0', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFEFF', '\u2028', '\u2029', '\u0085', '\f', '\v', '\t', '😀', '\u200D', '\u0301', '\r', '\n', '\r\n', '|', '*', '`', '#', '>', '-', '\\', ':', '：', '<!--', '-->', '```', '~~~', '[', ']', '{', '}'];

function word(rng: Rng): string {
  return rng.pick(WORDS);
}

function words(rng: Rng, max = 6): string {
  return Array.from({ length: rng.range(1, max) }, () => word(rng)).join(' ');
}

function fieldValue(rng: Rng): string {
  switch (rng.int(12)) {
    case 0:
    case 1:
    case 2:
      return '';
    case 3:
      return rng.pick(['', ' ', '  ', '\t']);
    case 4:
      return rng.pick(OPTION_VALUES);
    case 5:
      return rng.pick(PLACEHOLDERS);
    case 6:
      return rng.pick(['`code`', '![diagram](x.png)', '[link](http://x)', '<br>', '<img src=x>', '**bold**', '~~x~~', 'https://example.com/a/b']);
    case 7:
      return `${words(rng)}${rng.pick(['  ', '\\', ' ', ''])}`;
    case 8:
      return `${rng.pick(ODD)}${words(rng, 3)}${rng.pick(ODD)}`;
    default:
      return words(rng);
  }
}

function label(rng: Rng): string {
  const text = rng.chance(0.9) ? rng.pick(LABELS) : words(rng, 3);
  switch (rng.int(8)) {
    case 0:
      return `**${text}:**`;
    case 1:
      return `**${text}**：`;
    case 2:
      return `**${text}** :`;
    case 3:
      return `__${text}__:`;
    case 4:
      return `**${text}**`;
    default:
      return `**${text}**:`;
  }
}

function indentation(rng: Rng, depth: number): string {
  if (depth === 0) return rng.chance(0.1) ? ' ' : '';
  switch (rng.int(4)) {
    case 0:
      return '\t'.repeat(depth);
    case 1:
      return '    '.repeat(depth);
    case 2:
      return ' '.repeat(depth * 2 + rng.int(2));
    default:
      return '  '.repeat(depth);
  }
}

function bullet(rng: Rng): string {
  return rng.pick(['-', '-', '-', '*', '+', '1.', '2)', '10.']);
}

function heading(rng: Rng): string[] {
  const level = rng.chance(0.05) ? rng.pick([1, 7]) : rng.range(2, 4);
  const number = rng.chance(0.8) ? `${Array.from({ length: Math.min(level - 1, 3) || 1 }, () => rng.range(1, 15)).join('.')}${rng.pick(['', '.'])} ` : '';
  const title = rng.chance(0.9) ? rng.pick(HEADING_TITLES) : words(rng, 4);
  switch (rng.int(12)) {
    case 0:
      return [`${number}${title}`, rng.pick(['---', '===', '-', '= = ='])]; // setext
    case 1:
      return [`${'#'.repeat(level)}`]; // empty heading
    case 2:
      return [`${'#'.repeat(level)}${number}${title}`]; // no space: a paragraph
    case 3:
      return [`${' '.repeat(rng.range(1, 4))}${'#'.repeat(level)} ${number}${title} ${'#'.repeat(rng.range(1, 3))}`];
    case 4:
      return [`${'#'.repeat(level)} ${rng.pick(ODD)}${number}${title}${rng.pick(ODD)}`];
    default:
      return [`${'#'.repeat(level)} ${number}${title}`];
  }
}

function field(rng: Rng, depth = 0): string[] {
  const asParagraph = depth === 0 && rng.chance(0.2);
  const first = asParagraph
    ? `${label(rng)} ${fieldValue(rng)}`
    : `${indentation(rng, depth)}${bullet(rng)}${rng.pick([' ', ' ', '\t', '  '])}${label(rng)} ${fieldValue(rng)}`;
  const result = [first];
  if (rng.chance(0.25)) {
    const children = rng.range(1, 3);
    for (let i = 0; i < children; i++) {
      result.push(rng.chance(0.5) ? field(rng, depth + 1)[0] : `${indentation(rng, depth + 1)}${bullet(rng)} ${words(rng)}`);
    }
  } else if (asParagraph && rng.chance(0.3)) {
    result.push(rng.chance(0.5) ? words(rng) : `${label(rng)} ${fieldValue(rng)}`);
  }
  return result;
}

function fields(rng: Rng): string[] {
  const result: string[] = [];
  const count = rng.range(1, 6);
  for (let i = 0; i < count; i++) result.push(...field(rng));
  return result;
}

function table(rng: Rng): string[] {
  const header = rng.chance(0.8) ? rng.pick(TABLE_HEADERS) : Array.from({ length: rng.range(1, 5) }, () => (rng.chance(0.2) ? '' : word(rng)));
  const lead = rng.chance(0.85);
  const row = (cells: string[]) => {
    const inner = cells.join(rng.pick([' | ', '|', '  |  ']));
    return lead ? `| ${inner} |${rng.pick(['', '', ' ', '  ', '\t'])}` : inner;
  };
  const lines = [row(header), row(header.map(() => rng.pick(['---', ':--', '--:', ':-:', '-'])))];
  const rows = rng.chance(0.15) ? 0 : rng.range(1, 5);
  for (let r = 0; r < rows; r++) {
    const width = rng.chance(0.8) ? header.length : rng.range(1, header.length + 2);
    const cells = Array.from({ length: width }, () => {
      switch (rng.int(8)) {
        case 0:
        case 1:
        case 2:
          return rng.pick(['', ' ', '  ']);
        case 3:
          return rng.pick(OPTION_VALUES);
        case 4:
          return rng.pick(PLACEHOLDERS);
        case 5:
          return rng.pick(['a \\| b', '`x|y`', '![i](i.png)', '<br>', '😀', '\0', '\uD800']);
        default:
          return words(rng, 3);
      }
    });
    lines.push(row(cells));
  }
  if (rng.chance(0.1)) lines[1] = rng.pick(['|---|', '| --- | ---', '|-|-|-|-|-|-|', '']);
  return lines;
}

function fence(rng: Rng): string[] {
  const marker = rng.pick(['```', '```', '~~~', '````', '``']);
  const indent = rng.chance(0.1) ? rng.pick(['  ', '   ', '    ', '\t']) : '';
  const lang = rng.pick(['', '', 'text', 'mermaid', 'json', 'plantuml', 'yaml', 'TXT', 'plaintext']);
  const content = rng.chance(0.5)
    ? [rng.pick(PLACEHOLDERS)]
    : Array.from({ length: rng.range(0, 6) }, () => (rng.chance(0.2) ? `${TITLE}` : `${rng.pick(['', '  ', '## ', '- ', '| '])}${words(rng)}`));
  const lines = [`${indent}${marker}${lang}`, ...content.map((line) => `${indent}${line}`)];
  if (rng.chance(0.7)) lines.push(`${indent}${marker}`); // else: opened and never closed
  return lines;
}

function comment(rng: Rng): string[] {
  if (rng.chance(0.2)) return ['<!--', `  archdoc-disable-next-line ${rng.pick(['empty-field', 'empty-section', ''])}`, `${rng.pick(['-->', '', '--'])}`];
  return [rng.pick(DIRECTIVES)];
}

function paragraph(rng: Rng): string[] {
  switch (rng.int(6)) {
    case 0:
      return [rng.pick(PLACEHOLDERS)];
    case 1:
      return [`[ref]: http://example.com "${word(rng)}"`];
    case 2:
      return Array.from({ length: rng.range(1, 4) }, () => words(rng, 10));
    case 3:
      return [`${'x'.repeat(rng.range(100, 1000))}`];
    default:
      return [words(rng, 12)];
  }
}

function nestedList(rng: Rng): string[] {
  const result: string[] = [];
  let depth = 0;
  const count = rng.range(2, 12);
  for (let i = 0; i < count; i++) {
    depth = Math.max(0, Math.min(8, depth + rng.range(-2, 1) + (rng.chance(0.5) ? 1 : 0)));
    result.push(rng.chance(0.4) ? field(rng, depth)[0] : `${indentation(rng, depth)}${bullet(rng)} ${rng.chance(0.2) ? rng.pick(PLACEHOLDERS) : words(rng)}`);
    if (rng.chance(0.1)) result.push('');
  }
  return result;
}

function blockquote(rng: Rng, depth: number): string[] {
  const inner = fragment(rng, depth + 1);
  const prefix = rng.pick(['> ', '>', '> > ', '>\t', ' > ', '>>> ']);
  return inner.map((line, i) => (i > 0 && rng.chance(0.15) ? line : `${prefix}${line}`)); // lazy continuation sometimes
}

function fragment(rng: Rng, depth = 0): string[] {
  const roll = rng.int(100);
  if (roll < 20) return heading(rng);
  if (roll < 45) return fields(rng);
  if (roll < 55) return table(rng);
  if (roll < 62) return fence(rng);
  if (roll < 68) return comment(rng);
  if (roll < 75) return paragraph(rng);
  if (roll < 83) return nestedList(rng);
  if (roll < 88 && depth < 4) return blockquote(rng, depth);
  if (roll < 92) return [rng.pick(['---', '***', '___', '- - -', ''])];
  if (roll < 96) return [Array.from({ length: rng.range(1, 8) }, () => rng.pick(ODD)).join('')];
  return [''];
}

function frontMatter(rng: Rng): string[] {
  switch (rng.int(6)) {
    case 0:
      return ['---', 'archdoc: high-level-architecture', '---'];
    case 1:
      return ['---', 'archdoc: high-level-architecture-en', 'title: x', '---'];
    case 2:
      return ['---', 'archdoc: unknown-template', '---'];
    case 3:
      return ['---', ': : : [', '---'];
    case 4:
      return ['---', 'archdoc: high-level-architecture']; // never closed
    default:
      return ['---', `archdoc: ${rng.pick(['5', '"', '[a, b]', '~', '  '])}`, '---'];
  }
}

function title(rng: Rng): string[] {
  const roll = rng.int(100);
  if (roll < 82) return [TITLE];
  if (roll < 85) return ['# HighLevel아키텍처정의서'];
  if (roll < 88) return ['# High Level Architecture Definition'];
  if (roll < 90) return ['High Level 아키텍처 정의서', '==='];
  if (roll < 92) return [`# ${rng.pick(ODD)}High Level 아키텍처 정의서${rng.pick(ODD)}`];
  if (roll < 94) return [`${TITLE} #`];
  if (roll < 96) return ['# Something else'];
  return [];
}

function joinLines(rng: Rng, lines: string[]): string {
  const mode = rng.int(10);
  const eol = mode < 4 ? '\n' : mode < 6 ? '\r\n' : mode < 7 ? '\r' : undefined;
  let text = '';
  lines.forEach((line, i) => {
    text += line;
    if (i < lines.length - 1 || rng.chance(0.7)) text += eol ?? rng.pick(['\n', '\r\n', '\r']);
  });
  return text;
}

/** Character-level damage: inserts, deletions and a cut at a random offset (may split a surrogate pair). */
function damage(rng: Rng, text: string): string {
  let result = text;
  const edits = rng.range(1, 6);
  for (let i = 0; i < edits && result.length > 0; i++) {
    const at = rng.int(result.length + 1);
    switch (rng.int(4)) {
      case 0:
        result = result.slice(0, at) + rng.pick(ODD) + result.slice(at);
        break;
      case 1:
        result = result.slice(0, at) + result.slice(at + rng.range(1, 20));
        break;
      case 2:
        result = result.slice(0, at);
        break;
      default:
        result = result.slice(0, at) + rng.pick(['\n', '\r', '\r\n', '\t', ' ']).repeat(rng.range(1, 3)) + result.slice(at);
        break;
    }
  }
  return result;
}

function generatedDocument(rng: Rng): string {
  const lines: string[] = [];
  if (rng.chance(0.1)) lines.push(...frontMatter(rng));
  if (rng.chance(0.05)) lines.push(...fragment(rng)); // content before the title: the preamble
  lines.push(...title(rng));
  if (rng.chance(0.3)) lines.push(...fields(rng)); // metadata block under the title
  const count = rng.range(1, 8);
  for (let i = 0; i < count; i++) {
    lines.push(...fragment(rng));
    if (rng.chance(0.5)) lines.push('');
  }
  if (rng.chance(0.15)) {
    for (let i = 0; i < lines.length; i++) if (rng.chance(0.3)) lines[i] = lines[i].replace(/^( {2})+/u, (spaces) => '\t'.repeat(spaces.length / 2));
  }
  let text = joinLines(rng, lines);
  if (rng.chance(0.15)) text = damage(rng, text);
  if (rng.chance(0.1)) text = `\uFEFF${text}`;
  return text;
}

/** Line-level mutation of a real document: delete, duplicate, swap, truncate mid-line, insert odd lines. */
function mutateLines(rng: Rng, source: string, maxEdits: number): string {
  const lines = source.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const edits = rng.range(1, maxEdits);
  for (let i = 0; i < edits && lines.length > 0; i++) {
    const at = rng.int(lines.length);
    switch (rng.int(6)) {
      case 0:
        lines.splice(at, rng.range(1, 5));
        break;
      case 1:
        lines.splice(at, 0, ...lines.slice(at, at + rng.range(1, 6)));
        break;
      case 2: {
        const other = rng.int(lines.length);
        [lines[at], lines[other]] = [lines[other], lines[at]];
        break;
      }
      case 3:
        lines[at] = lines[at].slice(0, rng.int(lines[at].length + 1));
        break;
      case 4:
        lines.splice(at, 0, ...fragment(rng));
        break;
      default:
        lines[at] = damage(rng, lines[at]);
        break;
    }
  }
  return lines.join('\n');
}

function corpusSlice(rng: Rng, source: string): string {
  const lines = source.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const length = rng.range(5, 40);
  const start = rng.int(Math.max(1, lines.length - length));
  const slice = lines.slice(start, start + length);
  if (rng.chance(0.9)) slice.unshift(TITLE, '');
  return slice.join('\n');
}

function reEncode(rng: Rng, text: string): string {
  const lines = text.split(/\r\n|\r|\n/u);
  if (rng.chance(0.1)) for (let i = 0; i < lines.length; i++) lines[i] = lines[i].replace(/^( {2})+/u, (spaces) => '\t'.repeat(spaces.length / 2));
  let result = joinLines(rng, lines);
  if (rng.chance(0.1)) result = damage(rng, result);
  if (rng.chance(0.1)) result = `\uFEFF${result}`;
  return result;
}

// ---------------------------------------------------------------------------------------------------------------

describe('fuzz: analyze never throws and keeps every range inside the document', function () {
  // Thousands of analyses: minutes when the CPU is shared (CI machines, parallel jobs).
  this.timeout(600_000);

  const corpus = [...readMarkdownFiles(path.join(CORPUS, 'highlevel')), ...readMarkdownFiles(path.join(CORPUS, 'templates'))];

  before(function () {
    console.log(`      fuzz seed ${SEED} (0x${SEED.toString(16)}); replay with ARCHDOC_FUZZ_SEED=${SEED}`);
    builtinTemplates(); // compile once, outside the measured inputs
  });

  after(function () {
    console.log(`      fuzz total: ${TOTAL.inputs} inputs, ${TOTAL.findings} findings (seed ${SEED})`);
  });

  it('finds the corpus', function () {
    needsCorpus(this);
    assert.ok(corpus.length >= 13, `expected the corpus under ${CORPUS}, found ${corpus.map((doc) => doc.name).join(', ')}`);
  });

  it('generated Markdown (8,500 documents from a grammar of template fragments)', function () {
    const rng = new Rng(SEED);
    const tally = new Tally();
    for (let i = 0; i < 8500; i++) tally.check(`generated #${i}`, generatedDocument(rng));
    report('generated', tally);
    assert.ok(tally.recognised > tally.inputs / 2, `only ${tally.recognised} of ${tally.inputs} generated documents were recognised`);
    tally.assertClean();
  });

  /** Each document as it is, then whole documents and slices with mutated lines and re-encoded line endings. */
  function mutateDocuments(label: string, docs: ReadonlyArray<{ name: string; text: string }>, seed: number, slices: number): void {
    const rng = new Rng(seed);
    const tally = new Tally();
    docs.forEach((doc) => tally.check(`${label} ${doc.name}`, doc.text));
    for (let i = 0; i < 20; i++) {
      const doc = rng.pick(docs);
      tally.check(`whole ${doc.name} #${i}`, reEncode(rng, mutateLines(rng, doc.text, 25)));
    }
    for (let i = 0; i < slices; i++) {
      const doc = rng.pick(docs);
      tally.check(`slice ${doc.name} #${i}`, reEncode(rng, mutateLines(rng, corpusSlice(rng, doc.text), 8)));
    }
    report(`${label}-mutated`, tally);
    tally.assertClean();
  }

  it('mutated project documents and built-in templates (whole documents and slices)', function () {
    mutateDocuments('project', projectDocuments(), SEED ^ 0x7f4a7c15, 1000);
  });

  it('mutated corpus documents (whole documents and slices)', function () {
    needsCorpus(this);
    mutateDocuments('corpus', corpus, SEED ^ 0x9e3779b9, 1500);
  });

  describe('SPEC §6 bad inputs', function () {
    const tally = new Tally();
    const template = TEMPLATE_TEXT.replace(/\r\n?/gu, '\n');
    const sprinkle = (text: string, insert: string, every: number) => {
      let out = '';
      for (let i = 0; i < text.length; i++) out += i % every === every - 1 ? insert + text[i] : text[i];
      return out;
    };

    after(function () {
      report('SPEC §6', tally);
    });

    it('unclosed fences', function () {
      tally.check('unclosed fence at the end', `${template}\n\`\`\`\n[다이어그램]\n`);
      tally.check('unclosed fence early', template.replace('### 4.1 시스템 컨텍스트 다이어그램\n```\n{논리아키텍처 경로}\n```', '### 4.1 시스템 컨텍스트 다이어그램\n```mermaid\n{논리아키텍처 경로}'));
      tally.check('unclosed fence in a list', `${TITLE}\n## 1. 개요\n- **비즈니스 목적**:\n  \`\`\`\n  x`);
      tally.check('unclosed tilde fence', `${TITLE}\n~~~\n`);
      tally.check('only a fence opener', '```');
      tally.assertClean();
    });

    it('10,000 nested blockquotes', function () {
      const quoted = tally.check('>×10000', `${TITLE}\n${'>'.repeat(10000)} x\n`);
      tally.check('"> "×10000 field', `${TITLE}\n## 1. 개요\n${'> '.repeat(10000)}- **비즈니스 목적**: \n`);
      tally.check('2,000 quote lines', `${TITLE}\n${Array.from({ length: 2000 }, (_, i) => `${'>'.repeat((i % 10) + 1)} - **비즈니스 목적**: ${i % 2 ? '' : 'x'}`).join('\n')}\n`);
      assert.ok(quoted, 'analysis returned');
      tally.assertClean();
    });

    it('10,000 nested list items', function () {
      // `- `×10000 takes 30-40 s inside the Markdown parser (see the report); `+ ` nests the same way in ~10 s.
      tally.check('"+ "×10000', `${TITLE}\n${'+ '.repeat(10000)}x\n`);
      tally.check('"- "×1000 field', `${TITLE}\n## 1. 개요\n${'- '.repeat(1000)}**비즈니스 목적**: \n`);
      tally.check('2,000 list lines', `${TITLE}\n## 1.1 프로젝트 개요\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i % 8)}- **비즈니스 목적**: ${i % 3 ? '' : 'x'}`).join('\n')}\n`);
      tally.check('200 deeply indented lines', `${TITLE}\n${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- **핵심 기능**: `).join('\n')}\n`);
      tally.assertClean();
    });

    it('NUL bytes', function () {
      tally.check('NUL sprinkled', sprinkle(template, '\0', 7));
      tally.check('NUL in labels', template.replace(/\*\*([^*]+)\*\*/gu, '**$1\0**'));
      tally.check('NUL only', '\0'.repeat(1000));
      tally.check('NUL title', `${TITLE}\0\n## 1.\0개요\n- **\0**: \0\n| \0 | \0 |\n|---|---|\n| \0 |  |\n`);
      tally.assertClean();
    });

    it('lone surrogates', function () {
      tally.check('high surrogates sprinkled', sprinkle(template, '\uD83D', 11));
      tally.check('low surrogates sprinkled', sprinkle(template, '\uDE00', 13));
      tally.check('ends with a high surrogate', `${template}\uD83D`);
      tally.check('surrogates in fields and cells', `${TITLE}\n## 1. 개요\n- **\uD800비즈니스 목적**: \uDC00\n| \uDFFF | a |\n|---|---|\n| \uD800 |  |\n# \uD800`);
      tally.assertClean();
    });

    it('CRLF, CR, mixed line endings', function () {
      tally.check('CRLF', template.replace(/\n/gu, '\r\n'));
      tally.check('CR', template.replace(/\n/gu, '\r'));
      let i = 0;
      tally.check('mixed', template.replace(/\n/gu, () => ['\n', '\r\n', '\r'][i++ % 3]));
      tally.check('CR CR LF', template.replace(/\n/gu, '\r\r\n'));
      tally.check('lone CR at the end', `${TITLE}\r`);
      tally.assertClean();
    });

    it('BOM', function () {
      tally.check('BOM', `\uFEFF${template}`);
      tally.check('BOM + CRLF', `\uFEFF${template.replace(/\n/gu, '\r\n')}`);
      tally.check('two BOMs', `\uFEFF\uFEFF${template}`);
      tally.check('BOM only', '\uFEFF');
      tally.check('BOM inside', template.replace(/\n## /gu, '\n\uFEFF## '));
      tally.assertClean();
    });

    it('tabs and emoji', function () {
      tally.check('tabs for indentation', template.replace(/^- /gmu, '\t- ').replace(/ {2}/gu, '\t'));
      tally.check('tabs everywhere', template.replace(/ /gu, '\t'));
      tally.check('emoji in every line', template.replace(/^(#+ |- \*\*|\| )?/gmu, '$1😀'));
      tally.check('emoji everywhere', sprinkle(template, '👩‍💻', 17));
      tally.assertClean();
    });

    it('empty and tiny documents', function () {
      for (const text of ['', '\n', '\r\n', '\r', ' ', '#', '# ', TITLE, `${TITLE}\n`, `${TITLE}\n##`, `${TITLE}\n---`, '---\narchdoc: high-level-architecture\n---', '---\narchdoc: high-level-architecture\n---\n']) {
        tally.check(`tiny ${JSON.stringify(text)}`, text);
      }
      tally.assertClean();
    });

    it('a 3 MB document is skipped with a reason', function () {
      let big = `${TITLE}\n`;
      while (big.length < 3 * 1024 * 1024) big += `${template}\n`;
      const analysis = tally.check('3 MB', big);
      assert.ok(analysis, 'analysis returned');
      assert.match(analysis.skippedReason ?? '', /larger than/u);
      assert.deepEqual(analysis.findings, []);
      assert.deepEqual(analysis.sections, []);
      // The limit counts the UTF-8 bytes of the text without its BOM, and exactly maxFileSize is still analysed.
      const limit = new TextEncoder().encode(template).length;
      assert.equal(tally.check('at the limit, with BOM', `\uFEFF${template}`, { maxFileSize: limit })?.skippedReason, undefined);
      assert.match(tally.check('one over the limit', `${template}x`, { maxFileSize: limit })?.skippedReason ?? '', /larger than/u);
      tally.assertClean();
    });
  });
});

describe('fuzz: column oracle for fields over the same inputs', function () {
  it('field ranges start at the item, value ranges right after the colon, option ranges on the options', function () {
    if (COLUMNS.inputs === 0) this.skip(); // the fuzz tests above did not run (mocha --grep)
    const kinds = [...COLUMNS.kinds].map(([kind, { count, samples }]) => `  ${kind}: ${count} input(s), e.g.\n    ${samples.join('\n    ')}`);
    assert.ok(COLUMNS.failed === 0, `${COLUMNS.failed} of ${COLUMNS.inputs} inputs have a wrong field column (seed ${SEED}):\n${kinds.join('\n')}`);
  });
});

describe('fuzz: parser failures on recognisable documents', function () {
  this.timeout(60_000);

  it('a titled document the Markdown parser cannot handle is recognised and skipped with a visible reason, not silently ignored', function () {
    // The parser overflows its stack on 10,000 nested quotes and returns ParseResult.error with an empty root; the
    // title must still be recognised (from the raw text) so that the reason is shown rather than nothing at all.
    const analysis = analyze(`${TITLE}\n${'>'.repeat(10000)} x\n`, { templates: builtinTemplates() });
    assert.equal(analysis.templateId, 'high-level-architecture', `not recognised: ${JSON.stringify(analysis.skippedReason)}`);
    // Whether the stack overflows depends on the JIT's frame sizes; when it does, the reason must be the parser's.
    if (analysis.sections.length === 0) assert.match(analysis.skippedReason ?? '(no skippedReason)', /parser failed|levels deep/u);
  });
});

function report(kind: string, tally: Tally): void {
  console.log(`      ${kind}: ${tally.inputs} inputs, ${tally.recognised} recognised, ${tally.findings} findings`);
}
