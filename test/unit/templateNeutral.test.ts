import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, needsCorpus, repoRoot } from './helpers';

/**
 * Nothing about a template may be written into the engine: every title and heading of every built-in, fixture and
 * world template must be absent from `src/`. Short headings (under 8 characters, `Links`, `결정`) are common words
 * and are not searched for.
 */
function markdownFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !name.includes('madr-decisions') && !/README\.md$/u.test(name))
    .map((name) => join(folder, name));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).map((name) => join(folder, name));
}

/**
 * The code without comments (comments may cite a template as an example; code may not use one), and its string
 * literals, lower-cased, where a title would be written to be matched.
 */
function codeOf(source: string): { code: string; literals: string } {
  const code = source.replace(/\/\*[\s\S]*?\*\//gu, ' ').replace(/(^|[^:\\])\/\/.*$/gmu, '$1');
  const literals = [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`|\/(?:[^/\\\n]|\\.)+\/[a-z]*/gu)].map((m) => m[0]);
  return { code, literals: literals.join('\n').toLowerCase() };
}

/** The heading texts, without numbers, emphasis, escapes and comments. */
function headings(markdown: string): string[] {
  return markdown
    .split(/\r?\n/u)
    .filter((line) => /^#{1,6}\s/u.test(line))
    .map((line) => line.replace(/^#+\s*/u, '').replace(/<!--.*?-->/gu, '').replace(/[\\*_]/gu, '').replace(/^\d+(?:\.\d+)*\.?\s*/u, '').trim())
    .filter((title) => title.length >= 8);
}

describe('no template in the engine', () => {
  const sources = sourceFiles(join(repoRoot, 'src')).map((file) => ({ file, ...codeOf(readFileSync(file, 'utf8')) }));
  const templates = [
    ...markdownFiles(join(repoRoot, 'templates')),
    ...markdownFiles(join(repoRoot, 'test/fixtures/templates')).filter((file) => file.endsWith('template.md')),
  ];

  it('src/ holds no title or heading of a built-in or fixture template', () => {
    assertAbsent(templates);
  });

  it('src/ holds no title or heading of a world template', function () {
    needsCorpus(this);
    const world = join(corpusDir, 'templates/world');
    assertAbsent(markdownFiles(world));
  });

  function assertAbsent(files: readonly string[]): void {
    assert.ok(files.length > 0, 'templates found');
    const found: string[] = [];
    for (const file of files) {
      for (const title of headings(readFileSync(file, 'utf8'))) {
        // In code, as a word of its own (an identifier such as `h1Candidates` is not the title "Candidates").
        const word = new RegExp(`(?<![\\p{L}\\p{N}_])${title.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}_])`, 'u');
        const hit = sources.find((source) => word.test(source.code) || source.literals.includes(title.toLowerCase()));
        if (hit) found.push(`${title} (${file}) in ${hit.file}`);
      }
    }
    assert.deepEqual(found, []);
  }
});
