/**
 * `--shard i/n`: a stable split of the documents by path, so that n CI jobs of a matrix check every document exactly
 * once between them. Paths are ordered by a hash (neighbouring folders spread over the shards) and cut into n
 * contiguous runs of equal size; the same tree gives the same split on every machine.
 */
import { UsageError } from './usageError';

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/u.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard needs i/n with 1 ≤ i ≤ n (for example 1/3, 2/3, 3/3), not "${value}".`);
  }
  return { index, count };
}

/** The entries of `items` whose path falls in this shard, in their given order. */
export function selectShard<T>(items: readonly T[], pathOf: (item: T) => string, shard: Shard): T[] {
  const paths = [...new Set(items.map(pathOf))];
  const ordered = paths.map((path) => ({ path, hash: fnv1a(path) })).sort((a, b) => a.hash - b.hash || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const start = Math.floor(((shard.index - 1) * ordered.length) / shard.count);
  const end = Math.floor((shard.index * ordered.length) / shard.count);
  const mine = new Set(ordered.slice(start, end).map((entry) => entry.path));
  return items.filter((item) => mine.has(pathOf(item)));
}

/** 32-bit FNV-1a of the UTF-16 code units: the same number on every platform and Node version. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
