/**
 * `--cache`: the analyses of the last run, reused for documents whose text has not changed. One file per cache
 * folder (by default `node_modules/.cache/archdoc`, like ESLint's and Babel's), valid only for the same archdoc
 * version, templates, settings and language: any change there starts an empty cache. A cache file that cannot be
 * read or decoded is ignored (the run checks everything and writes a new one); one that cannot be written is reported
 * and the run's result stands.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Analysis } from '../core';

export const DEFAULT_CACHE_FOLDER = join('node_modules', '.cache', 'archdoc');
const CACHE_FILE = 'check-results.v8';

interface Entry {
  /** Hash of the document's text and of how it was checked (the include globs that apply to it). */
  key: string;
  analysis: Analysis;
}

interface Stored {
  configuration: string;
  entries: Record<string, Entry>;
}

export class ResultCache {
  private readonly entries: Map<string, Entry>;
  private readonly file: string;
  /** Whether the file on disk differs from the entries (new results, or no usable file). */
  private changed: boolean;

  private constructor(file: string, private readonly configuration: string, entries: Map<string, Entry> | undefined) {
    this.file = file;
    this.entries = entries ?? new Map();
    this.changed = entries === undefined;
  }

  /** Opens the cache of `folder` for runs with this configuration: plain data holding everything besides the documents that decides the result. */
  static open(folder: string, configuration: unknown): ResultCache {
    const file = join(resolve(folder), CACHE_FILE);
    const key = hash(JSON.stringify(configuration));
    return new ResultCache(file, key, readEntries(file, key));
  }

  get(path: string, key: string): Analysis | undefined {
    const entry = this.entries.get(path);
    return entry && entry.key === key ? entry.analysis : undefined;
  }

  set(path: string, key: string, analysis: Analysis): void {
    this.entries.set(path, { key, analysis });
    this.changed = true;
  }

  /**
   * Writes the cache with the entries `keep` accepts (to a temporary file renamed into place, so that a reader never
   * sees half a file); the error message on failure.
   */
  save(keep: (path: string) => boolean): string | undefined {
    const kept = [...this.entries].filter(([path]) => keep(path));
    if (!this.changed && kept.length === this.entries.size) return undefined; // a warm run that changed nothing
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const entries = Object.fromEntries(kept);
      const stored: Stored = { configuration: this.configuration, entries };
      writeFileSync(temporary, serialize(stored));
      renameSync(temporary, this.file);
      return undefined;
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // the folder itself is unusable: nothing was written
      }
      return `cache ${this.file} not written: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

/** The key of one document: its text and what else decides its analysis (given as a string). */
export function documentKey(text: string, context: string): string {
  return createHash('sha256').update(context).update('\0').update(text).digest('hex');
}

/** The stored entries, or undefined when there is no usable cache file for this configuration. */
function readEntries(file: string, configuration: string): Map<string, Entry> | undefined {
  try {
    const stored = deserialize(readFileSync(file)) as Partial<Stored> | null;
    if (!stored || stored.configuration !== configuration || typeof stored.entries !== 'object' || stored.entries === null) return undefined;
    const entries = Object.entries(stored.entries);
    const valid = entries.filter(([, entry]) => isEntry(entry));
    return valid.length === entries.length ? new Map(valid) : undefined;
  } catch {
    return undefined; // no cache yet, or not a cache file (truncated, another format, garbage): start empty
  }
}

function isEntry(entry: unknown): entry is Entry {
  const candidate = entry as Partial<Entry> | null;
  return typeof candidate?.key === 'string' && typeof candidate.analysis === 'object' && candidate.analysis !== null && Array.isArray(candidate.analysis.findings);
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
