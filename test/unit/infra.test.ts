/** The test infrastructure's own contracts: the supported Node range, stated once, and the suites' result line. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRepoFile, repoRoot } from './helpers';

type Counts = { passed: number; failed: number; skipped?: number };
let satisfiesRange: (version: string, range?: string) => boolean;
let SUPPORTED_NODE: string;
let resultLine: (counts: Counts) => string;
let parseResultLine: (line: string) => Counts | undefined;

describe('test infrastructure', () => {
  // The scripts' own ES modules, loaded as they are (not bundled: they locate package.json from their own URL).
  before(async () => {
    const load = (file: string) => import(pathToFileURL(join(repoRoot, 'scripts/lib', file)).href);
    ({ satisfiesRange, SUPPORTED_NODE } = await load('node-version.mjs'));
    ({ resultLine, parseResultLine } = await load('results.mjs'));
  });

  describe('the supported Node versions', () => {
    it('are package.json engines.node, and the README states the same range', () => {
      assert.equal(SUPPORTED_NODE, JSON.parse(readRepoFile('package.json')).engines.node);
      assert.ok(readRepoFile('README.md').includes(`Node.js \`${SUPPORTED_NODE}\``), 'the README names the range of engines.node');
    });

    it('admit exactly the versions of the range', () => {
      const range = '^20.19.0 || ^22.13.0 || >=24';
      const verdicts = ['20.18.3', '20.19.0', '20.20.2', '21.7.3', '22.12.0', '22.13.0', '23.11.0', '24.0.0', '25.1.0'].map(
        (version) => `${version} ${satisfiesRange(version, range)}`,
      );
      assert.deepEqual(verdicts, [
        '20.18.3 false', '20.19.0 true', '20.20.2 true', '21.7.3 false', '22.12.0 false', '22.13.0 true', '23.11.0 false', '24.0.0 true',
        '25.1.0 true',
      ]);
    });

    it('include the Node running these tests', () => {
      assert.equal(satisfiesRange(process.versions.node), true, `${process.version} is outside ${SUPPORTED_NODE}`);
    });
  });

  describe('the result line every suite ends with', () => {
    it('round-trips the counts, naming skipped ones only when there are some', () => {
      assert.equal(resultLine({ passed: 12, failed: 0 }), '12 passed, 0 failed');
      assert.equal(resultLine({ passed: 3, failed: 1, skipped: 2 }), '3 passed, 1 failed, 2 skipped');
      assert.deepEqual(parseResultLine('\u001b[32m3 passed, 1 failed, 2 skipped\u001b[0m'), { passed: 3, failed: 1, skipped: 2 });
      assert.deepEqual(parseResultLine('12 passed, 0 failed'), { passed: 12, failed: 0, skipped: 0 });
      assert.equal(parseResultLine('  12 passing (3s)'), undefined);
    });
  });
});
