import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers';

/**
 * The injection grammar adds only what holds in any Markdown file (TextMate uses Oniguruma; these patterns are
 * also valid JS): a plain README must look as without archdoc, so the grammar may only use Markdown's own bold
 * scopes plus neutral `meta.*` names — never `invalid.*` or another scope a theme colours.
 */
describe('grammar injection', () => {
  const grammar = JSON.parse(readFileSync(join(repoRoot, 'syntaxes/archdoc.injection.tmLanguage.json'), 'utf8'));

  it('uses no scope that a theme paints differently from plain Markdown', () => {
    const scopes = new Set<string>();
    JSON.stringify(grammar.repository, (key, value) => {
      if (key === 'name' && typeof value === 'string') value.split(/\s+/u).forEach((scope: string) => scopes.add(scope));
      return value;
    });
    const allowed = (scope: string) => scope === 'markup.bold.markdown' || scope === 'punctuation.definition.bold.markdown' || scope.startsWith('meta.');
    assert.deepEqual([...scopes].filter((scope) => !allowed(scope)), []);
    assert.ok(scopes.has('meta.field-label.archdoc'));
  });

  it('marks bold field labels, filled or empty, the same way, and nothing else', () => {
    const label = new RegExp(grammar.repository['field-label'].match, 'u');
    const labelOf = (line: string) => {
      const match = label.exec(line);
      return match ? (match[2] ?? match[5]) : undefined;
    };
    assert.equal(labelOf('- **비즈니스 목적**: '), '비즈니스 목적');
    assert.equal(labelOf('- **비즈니스 목적**: 예약'), '비즈니스 목적');
    assert.equal(labelOf('**Status:** accepted'), 'Status:');
    assert.equal(labelOf('This is **bold** text.'), undefined);
    assert.equal(labelOf('**bold**'), undefined);
    // Placeholders and empty values are the analysis's business, not the grammar's.
    assert.deepEqual(Object.keys(grammar.repository), ['field-label']);
  });

  it('stays out of code and of bold text Markdown already scoped', () => {
    for (const excluded of ['-markup.fenced_code', '-markup.raw', '-markup.inline.raw', '-markup.bold']) assert.ok(grammar.injectionSelector.includes(excluded), excluded);
  });

  it('is contributed as an injection into Markdown', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.grammars[0].injectTo, ['text.html.markdown']);
    assert.equal(pkg.contributes.grammars[0].scopeName, grammar.scopeName);
  });
});
