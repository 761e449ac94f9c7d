import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, repoRoot } from './helpers';

/** Documents written from SPEC §2 by someone who had not seen the engine, with the findings they expected. */
const folder = join(repoRoot, 'test/fixtures/blind');

describe('blind documents with planted gaps', () => {
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.md')).sort()) {
    it(`${name}: exactly the expected findings`, () => {
      const expected = readFileSync(join(folder, name.replace(/\.md$/u, '.expected.tsv')), 'utf8')
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('#'))
        .map((line) => line.split('\t').map((cell) => cell.trim()).join('@'));
      const actual = check(readFileSync(join(folder, name), 'utf8')).findings.map((f) => `${f.rule}@${f.line}`);
      assert.deepEqual(actual, expected);
    });
  }
});
