/** `--changed-since REF`: the files changed since a git ref, asked of the `git` command. */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

type Changed = { ok: true; files: Set<string> } | { ok: false; reason: string };

/**
 * Absolute real paths of the files changed since `ref`: everything that differs between the working tree and the
 * merge base of `ref` and HEAD (committed on this branch, staged, unstaged) plus new untracked files, as a pull request
 * against `ref` would show them.
 */
function changedFiles(ref: string, cwd: string): Changed {
  const git = (...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const top = git('rev-parse', '--show-toplevel');
  if (top.error) {
    const missing = (top.error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, reason: missing ? '--changed-since needs the git command, which is not installed (not on PATH)' : `git: ${top.error.message}` };
  }
  if (top.status !== 0) return { ok: false, reason: `--changed-since: ${cwd} is not in a git repository` };
  const root = top.stdout.trim();
  if (git('rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`).status !== 0) {
    return { ok: false, reason: `--changed-since: "${ref}" is not a commit in this repository (in a shallow CI clone, fetch it first, e.g. actions/checkout with fetch-depth: 0)` };
  }
  const base = git('merge-base', '--end-of-options', ref, 'HEAD');
  if (base.status !== 0) return { ok: false, reason: `--changed-since: "${ref}" and HEAD have no common ancestor here (${firstLine(base.stderr) || 'a shallow clone?'})` };
  const diff = git('diff', '--name-only', '-z', '--no-renames', base.stdout.trim(), '--');
  const untracked = spawnSync('git', ['ls-files', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  for (const result of [diff, untracked]) if (result.status !== 0) return { ok: false, reason: `--changed-since: git failed: ${firstLine(result.stderr)}` };
  const names = [...diff.stdout.split('\0'), ...untracked.stdout.split('\0')].filter(Boolean);
  return { ok: true, files: new Set(names.map((name) => realPath(resolve(root, name)))) };
}

/** The files of the list that changed since `ref`. */
export function onlyChanged(files: readonly string[], ref: string, cwd: string): { ok: true; files: string[] } | { ok: false; reason: string } {
  const changed = changedFiles(ref, cwd);
  return changed.ok ? { ok: true, files: files.filter((file) => changed.files.has(realPath(resolve(cwd, file)))) } : changed;
}

/** The path with symbolic links resolved (git reports real paths); a path that no longer exists as given. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
