/**
 * A document's completion over its git history: the commits that touched it (newest first, at most `limit`), each
 * version analysed like the current one. Running git is the host's job (the command line, the editor on Node).
 */
import type { Progress } from '../core';
import type { HistoryPoint } from './model';

/** Runs `git` with these arguments in the document's folder; undefined when git fails (not a repository, no git). */
export type GitRunner = (args: readonly string[]) => Promise<string | undefined>;

export const DEFAULT_HISTORY_LIMIT = 30;

/**
 * `fileName` is the document's name inside the folder git runs in. `analyse` gives the version's progress, or
 * undefined when that version was not an architecture document (then the commit is left out).
 */
export async function readHistory(git: GitRunner, fileName: string, limit: number, analyse: (text: string) => Progress | undefined): Promise<HistoryPoint[]> {
  const log = await git(['log', `-n${Math.max(1, Math.floor(limit))}`, '--format=%H%x09%aI', '--', fileName]);
  if (!log) return [];
  const points: HistoryPoint[] = [];
  for (const line of log.split('\n')) {
    const [commit, date] = line.trim().split('\t');
    if (!commit || !date) continue;
    // `./` makes the path relative to the folder git runs in, not to the repository's root.
    const text = await git(['show', `${commit}:./${fileName}`]);
    const progress = text === undefined ? undefined : analyse(text);
    if (progress) points.push({ commit, date, filled: progress.filled, total: progress.total });
  }
  return points;
}
