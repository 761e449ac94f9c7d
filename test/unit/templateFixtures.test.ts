import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Analysis, analyze } from '../../src/core';
import { compileTemplate, type Template } from '../../src/core';
import { repoRoot } from './helpers';

/**
 * Team templates in every convention (MADR 2, 3, 4 and minimal style, arc42 with and without help, the Korean
 * family), each with a filled and a half-filled document, checked against their template: exactly the findings
 * listed in `<document>.expected.tsv` (rule, line). The template checked against itself reports each of its slots.
 */
const folder = join(repoRoot, 'test/fixtures/templates');

function checkWith(template: Template, text: string): Analysis {
  return analyze(text, { templates: [template], options: { templateId: template.id } });
}

function expectedOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t').slice(0, 2).map((cell) => cell.trim()).join('@'));
}

describe('team templates in every convention', function () {
  this.timeout(20000);
  for (const name of readdirSync(folder).sort()) {
    const template = compileTemplate(name, readFileSync(join(folder, name, 'template.md'), 'utf8'));
    for (const doc of readdirSync(join(folder, name)).filter((n) => n.endsWith('.md')).sort()) {
      it(`${name}/${doc}: exactly the expected findings`, () => {
        const actual = checkWith(template, readFileSync(join(folder, name, doc), 'utf8')).findings.map((f) => `${f.rule}@${f.line}`);
        assert.deepEqual(actual, expectedOf(join(folder, name, doc.replace(/\.md$/u, '.expected.tsv'))));
      });
    }
  }
});
