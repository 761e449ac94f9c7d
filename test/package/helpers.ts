/** Helpers of the package tests: a clean copy of the repository, and commands run as in a fresh shell. */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../unit/helpers';

/** The environment of a fresh shell: none of the npm_* variables `npm test` sets for its own scripts. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/iu.test(name))), LANG: 'C', ...extra };
}

/** Runs a command; fails the test with its output unless it exits with `status`. */
export function sh(command: string, args: readonly string[], options: SpawnSyncOptions & { status?: number } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: cleanEnv(), maxBuffer: 64 * 1024 * 1024, ...options });
  const { status = 0 } = options;
  assert.equal(result.status, status, `${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return { stdout: String(result.stdout), stderr: String(result.stderr) };
}

/**
 * The repository's files (tracked, and new ones not ignored) copied to a temporary folder, with the installed
 * node_modules linked in: packing there builds without touching the working copy's out/.
 */
export function copyOfRepository(): string {
  const copy = mkdtempSync(join(tmpdir(), 'archdoc-repo-'));
  const files = sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot }).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    const source = join(repoRoot, file);
    // Deleted but not yet committed, or a link such as node_modules itself: nothing to copy.
    try {
      if (!realpathSync(source).startsWith(realpathSync(repoRoot))) continue;
    } catch {
      continue;
    }
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(source, join(copy, file));
  }
  symlinkSync(realpathSync(join(repoRoot, 'node_modules')), join(copy, 'node_modules'));
  return copy;
}
