import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers';

/** Every user-visible string exists in English and Korean. */
describe('localisation', () => {
  it('package.nls.ko.json translates every key of package.nls.json, and package.json uses only known keys', () => {
    const en = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
    const ko = JSON.parse(readFileSync(join(repoRoot, 'package.nls.ko.json'), 'utf8'));
    assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
    const used = [...readFileSync(join(repoRoot, 'package.json'), 'utf8').matchAll(/"%([\w.]+)%"/gu)].map((m) => m[1]);
    for (const key of used) assert.ok(key in en, `package.json uses %${key}% which package.nls.json lacks`);
  });

  it('l10n/bundle.l10n.ko.json translates every vscode.l10n.t string of src/', () => {
    const bundle = JSON.parse(readFileSync(join(repoRoot, 'l10n/bundle.l10n.ko.json'), 'utf8'));
    const strings = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/l10n\.t\('((?:[^'\\]|\\.)+)'/gu)) strings.add(m[1].replace(/\\'/gu, "'"));
      }
    };
    walk(join(repoRoot, 'src'));
    assert.ok(strings.size > 10);
    for (const text of strings) assert.ok(typeof bundle[text] === 'string' && bundle[text].length > 0, `missing Korean for: ${text}`);
  });
});
