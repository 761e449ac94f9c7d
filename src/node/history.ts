/** Running git for a document's history (`archdoc report --history`, and the editor's overview on Node). */
import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import type { Progress } from '../core';
import { type HistoryPoint, readHistory } from '../report';

/** git in `folder`; undefined on any failure (no git, not a repository, an unknown revision). */
function gitIn(folder: string) {
  return (args: readonly string[]) =>
    new Promise<string | undefined>((resolve) => {
      execFile('git', ['-c', 'core.quotepath=off', ...args], { cwd: folder, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
    });
}

/** The completion of the file at each of its last `limit` commits, newest first; empty outside a git repository. */
export function gitHistory(file: string, limit: number, analyse: (text: string) => Progress | undefined): Promise<HistoryPoint[]> {
  return readHistory(gitIn(dirname(file)), basename(file), limit, analyse);
}
