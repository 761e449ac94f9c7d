/** Shared test helpers: repository and corpus paths, and a one-call analysis. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type Analysis, analyze, builtinTemplates, compileTemplate, type Finding, type Locale, type Template } from '../../src/core';
import type { AnalyzeOptions } from '../../src/core/analysis/types';

function findRepoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the tests');
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot();
/** The shared corpus of real documents, beside the clone; tests that read it skip by name when it is absent. */
export const corpusDir = resolve(repoRoot, '../shared/corpus');
export const corpusAvailable = existsSync(corpusDir);

/** Call first in a test (`function () { needsCorpus(this); … }`): skips it when ../shared/corpus is absent. */
export function needsCorpus(test: Mocha.Context): void {
  if (!corpusAvailable) test.skip();
}

/** The corpus documents of one folder, or none when the corpus is absent. */
export function corpusFiles(folder: 'highlevel' | 'templates'): string[] {
  if (!corpusAvailable) return [];
  return readdirSync(join(corpusDir, folder))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(corpusDir, folder, name));
}

export function readRepoFile(relativePath: string): string {
  return readFileSync(join(repoRoot, relativePath), 'utf8');
}

/** Documents the project wrote (test/fixtures) and its built-in templates: always present. */
export function projectDocuments(): Array<{ name: string; text: string }> {
  const fixtures = ['blind', 'documents'].flatMap((folder) =>
    readdirSync(join(repoRoot, 'test/fixtures', folder))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => `test/fixtures/${folder}/${name}`),
  );
  return [...fixtures, 'templates/high-level-architecture.md', 'templates/high-level-architecture.en.md'].map((file) => ({
    name: file,
    text: readRepoFile(file),
  }));
}

export const KOREAN_TEMPLATE_TITLE = '# High Level 아키텍처 정의서';

export function check(text: string, options: AnalyzeOptions = {}, locale: Locale = 'en'): Analysis {
  return analyze(text, { templates: builtinTemplates(), options, locale });
}

/** A document with the built-in title, so that it is recognised. */
export function doc(body: string): string {
  return `${KOREAN_TEMPLATE_TITLE}\n\n${body}`;
}

/** Findings as `rule@line` strings, for compact exact assertions. */
export function summary(findings: readonly Finding[], rules?: readonly string[]): string[] {
  return findings.filter((f) => !rules || rules.includes(f.rule)).map((f) => `${f.rule}@${f.line}`);
}

/** `rule@line` for rules other than missing-section: the content rules, on a fragment of a document. */
export function contentFindings(text: string): string[] {
  return summary(check(text).findings).filter((entry) => !entry.startsWith('missing-section'));
}

/** Seeded PRNG (mulberry32) for reproducible generated and mutated inputs. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** The public templates (MADR, arc42) in the shared corpus; tests that read them call `needsCorpus` first. */
export const worldDir = join(corpusDir, 'templates/world');
const compiledWorld = new Map<string, Template>();

/** A world template by file name without `.md`, compiled once per run under that id. */
export function worldTemplate(name: string): Template {
  let template = compiledWorld.get(name);
  if (!template) compiledWorld.set(name, (template = compileTemplate(name, readFileSync(join(worldDir, `${name}.md`), 'utf8'))));
  return template;
}

/** Runs the built `archdoc` command line in a real process (English messages unless `env` says otherwise). */
export function archdocCli(args: readonly string[], cwd = repoRoot, env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'archdoc.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A new empty folder in the system's temporary folder (a test's own workspace). */
export function makeTempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
