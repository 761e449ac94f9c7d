import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers';

/** The injection grammar's regexes, tried on real lines (TextMate uses Oniguruma; these patterns are also valid JS). */
describe('grammar injection', () => {
  const grammar = JSON.parse(readFileSync(join(repoRoot, 'syntaxes/archdoc.injection.tmLanguage.json'), 'utf8'));
  const regex = (name: string) => new RegExp(grammar.repository[name].match, 'u');

  it('marks empty fields, and only them, as empty', () => {
    assert.ok(regex('empty-field').test('- **비즈니스 목적**: '));
    assert.ok(regex('empty-field').test('**작성자**:'));
    assert.ok(!regex('empty-field').test('- **비즈니스 목적**: 예약'));
  });

  it('marks labels with values, and placeholder items', () => {
    assert.equal(regex('field-label').exec('- **주 클라우드**: Azure')?.[3], '주 클라우드');
    assert.ok(!regex('field-label').test('- **주 클라우드**: '));
    assert.ok(regex('placeholder-line').test('- {문서명}: {파일 위치}'));
    assert.ok(regex('placeholder-line').test('- ...'));
    assert.ok(!regex('placeholder-line').test('- values-{env}.yaml'));
  });

  it('is contributed as an injection into Markdown', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.grammars[0].injectTo, ['text.html.markdown']);
    assert.equal(pkg.contributes.grammars[0].scopeName, grammar.scopeName);
  });
});
