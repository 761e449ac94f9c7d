import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplates, templateSnippets } from '../../src/core';
import { repoRoot } from './helpers';

describe('generated snippets', () => {
  for (const template of builtinTemplates()) {
    it(`snippets/${template.id}.code-snippets is in sync with the template (npm run generate)`, () => {
      const file = JSON.parse(readFileSync(join(repoRoot, 'snippets', `${template.id}.code-snippets`), 'utf8'));
      assert.deepEqual(file, templateSnippets(template));
      assert.equal(Object.keys(file).length, template.sections.length);
    });
  }

  it('turns option lists into choices and empty fields into tab stops', () => {
    const snippets = templateSnippets(builtinTemplates()[0]);
    const cloud = Object.entries(snippets).find(([name]) => name.includes('7.1.2'))![1];
    assert.deepEqual(cloud.body, ['#### 7.1.2 클라우드 제공자', '- **주 클라우드**: ${1|Azure,AWS,GCP|}', '- **멀티 클라우드 전략**: ${2}', '- **하이브리드 구성**: ${3}', '$0']);
    const patterns = Object.entries(snippets).find(([name]) => name.includes('6.2 '))![1];
    assert.ok(patterns.body.includes('|  | ${1|Clean,Layered,Hexagonal|} |  |'), patterns.body.join('\n'));
  });
});
