import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Analysis, analyze } from '../../src/core';
import { compileTemplate, type Template } from '../../src/core';
import { corpusDir, needsCorpus } from './helpers';

/**
 * The public templates in `corpus/templates/world/` (MADR 2.1.2, 3.0.0, 4.0.0, 4.0.0-minimal, arc42 v9 with and
 * without help), read as team templates with no code: each checked against itself reports every slot it has, and
 * the MADR project's own decision records checked against MADR 4 get only what they really lack.
 */
const world = join(corpusDir, 'templates/world');

function load(name: string): Template {
  return compileTemplate(name.replace(/\.md$/u, ''), readFileSync(join(world, name), 'utf8'));
}

function checkWith(template: Template, text: string): Analysis {
  return analyze(text, { templates: [template], options: { templateId: template.id } });
}

/** Lines (1-based) that open a bracketed placeholder outside headings, with how many open there. */
function placeholderLines(text: string, opener: RegExp): Map<number, number> {
  const result = new Map<number, number>();
  let inFence = false;
  text.split('\n').forEach((line, i) => {
    if (/^(?:```|~~~)/u.test(line)) inFence = !inFence;
    if (inFence || /^#{1,6}\s/u.test(line) || /^<!--/u.test(line)) return;
    const count = (line.replace(/<!--.*?-->/gu, '').match(opener) ?? []).length;
    if (count > 0) result.set(i + 1, count);
  });
  return result;
}

function countByLine(analysis: Analysis, rules: readonly string[]): Map<number, number> {
  const result = new Map<number, number>();
  for (const finding of analysis.findings) if (rules.includes(finding.rule)) result.set(finding.line, (result.get(finding.line) ?? 0) + 1);
  return result;
}

describe('world templates checked against themselves', function () {
  this.timeout(30000);
  before(function () {
    needsCorpus(this);
  });

  for (const [name, opener] of [
    ['arc42-9.0-EN-withhelp.md', /\\</gu],
    ['arc42-9.0-EN-plain.md', /\\</gu],
    ['madr-2.1.2.md', /\[(?!ADR-)/gu],
    ['madr-3.0.0.md', /\{/gu],
    ['madr-4.0.0.md', /\{/gu],
    ['madr-4.0.0-minimal.md', /\{/gu],
  ] as const) {
    it(`${name}: every placeholder outside headings is reported, on its line`, () => {
      const text = readFileSync(join(world, name), 'utf8');
      const analysis = checkWith(load(name), text);
      const reported = countByLine(analysis, ['placeholder', 'unchosen-option']);
      for (const [line, count] of placeholderLines(text, opener)) {
        assert.ok((reported.get(line) ?? 0) >= Math.min(count, 1), `line ${line}: ${text.split('\n')[line - 1]}`);
      }
    });

    it(`${name}: every section without sub-sections and without a slot of its own is empty`, () => {
      const text = readFileSync(join(world, name), 'utf8');
      const template = load(name);
      const analysis = checkWith(template, text);
      const emptyMessages = analysis.findings.filter((f) => f.rule === 'empty-section').map((f) => f.message);
      for (const section of template.sections) {
        if (section.children.length > 0 || section.ownSlots > 0) continue;
        assert.ok(emptyMessages.includes(`Section "${section.title}" is empty.`), `${section.title} reported empty`);
      }
    });
  }
});

describe("the MADR project's own decision records, checked against MADR 4.0.0", function () {
  this.timeout(30000);
  const records = join(world, 'madr-decisions');
  before(function () {
    needsCorpus(this);
  });

  // Read one by one: every record has the three required sections (Context and Problem Statement, Considered
  // Options, Decision Outcome); the rest of MADR 4 is optional (its metadata keys by "These are optional metadata
  // elements", its other sections by "This is an optional element"), and no record keeps a placeholder. The
  // per-option sections (`### Use YAML front matter` …) stand for the template's `### {title of option 1}`.
  // `{option 1}` in 0012 is inline code, and not a MADR 4 placeholder anyway. So: nothing is open.
  it('each record: no finding', () => {
    const template = load('madr-4.0.0.md');
    const found: string[] = [];
    for (const name of readdirSync(records).filter((n) => n.endsWith('.md')).sort()) {
      for (const finding of checkWith(template, readFileSync(join(records, name), 'utf8')).findings) found.push(`${name}: ${finding.rule}@${finding.line} ${finding.message}`);
    }
    assert.deepEqual(found, []);
  });

  it('a record that keeps MADR 2 placeholders after moving to MADR 4 still has them found, by their words', () => {
    const template = load('madr-4.0.0.md');
    const text = '# Pick a queue\n\n## Context and Problem Statement\n\nWe need one.\n\n## Considered Options\n\n* [title of option 1]\n\n## Decision Outcome\n\nChosen option: "SQS", because \\<justification. e.g., only option, which meets k.o. criterion decision driver | which resolves force {force} | … | comes out best (see below)\\>.\n';
    assert.deepEqual(checkWith(template, text).findings.map((f) => `${f.rule}@${f.line}`), ['placeholder@9', 'placeholder@13']);
  });
});
