/**
 * Baselines: the findings a team has accepted for now, so that check fails only on new ones. A finding is recorded
 * by path, rule, section and slot — never by line — so edits elsewhere in the document do not make it new again;
 * the same finding twice in one section is recorded with a count.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { type Locale } from '../core';
import type { ParsedArgs } from './args';
import type { CheckedFile } from '../report/formats/check';
import { identity, placeFindings } from '../report/formats/placed';

interface BaselineEntry {
  path: string;
  rule: string;
  section: string;
  slot: string;
  count: number;
}

export interface Baseline {
  /** Slots are labelled in this language, so the baseline is matched in it. */
  lang: Locale;
  findings: BaselineEntry[];
}

type Read = { ok: true; baseline: Baseline } | { ok: false; reason: string };

/** Reads a baseline; `lang` (from --lang) must be the language it was written in. */
export function readBaseline(file: string, lang?: Locale): Read {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file (write one with --write-baseline)' : `not a baseline: ${(error as Error).message}` };
  }
  const baseline = parsed as Partial<Baseline> | null;
  const valid =
    typeof baseline === 'object' && baseline !== null && (baseline.lang === 'en' || baseline.lang === 'ko') && Array.isArray(baseline.findings) &&
    baseline.findings.every((e) => typeof e?.path === 'string' && typeof e.rule === 'string' && typeof e.section === 'string' && typeof e.slot === 'string' && Number.isInteger(e.count) && e.count > 0);
  if (!valid) return { ok: false, reason: 'not an archdoc baseline (expected {"lang", "findings": [{path, rule, section, slot, count}]})' };
  if (lang && lang !== baseline.lang) return { ok: false, reason: `written with --lang ${baseline.lang}; its slots match only in that language` };
  return { ok: true, baseline: baseline as Baseline };
}

/**
 * The checked files without the findings of the baseline (--baseline), or of a baseline recording them all, written
 * first (--write-baseline); and how many were left out.
 */
export function applyBaseline(
  files: CheckedFile[],
  args: Pick<ParsedArgs, 'baseline' | 'writeBaseline'>,
  read: Baseline | undefined,
  lang: Locale,
  cwd: string,
): { ok: true; files: CheckedFile[]; known: number } | { ok: false; reason: string } {
  if (args.writeBaseline) {
    const written = writeBaseline(args.writeBaseline, files, lang, cwd);
    return written.ok ? { ok: true, ...subtractBaseline(files, written.baseline, args.writeBaseline, cwd) } : written;
  }
  if (read && args.baseline) return { ok: true, ...subtractBaseline(files, read, args.baseline, cwd) };
  return { ok: true, files, known: 0 };
}

function writeBaseline(file: string, files: readonly CheckedFile[], lang: Locale, cwd: string): { ok: true; baseline: Baseline } | { ok: false; reason: string } {
  const counts = new Map<string, BaselineEntry>();
  for (const { path, analysis } of files) {
    const recorded = baselinePath(path, file, cwd);
    for (const placed of placeFindings(analysis)) {
      const key = identity(recorded, placed.finding.rule, placed.section, placed.slot);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { path: recorded, rule: placed.finding.rule, section: placed.section, slot: placed.slot, count: 1 });
    }
  }
  const baseline: Baseline = { lang, findings: [...counts.values()] };
  try {
    writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
    return { ok: true, baseline };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** The checked files with only the findings the baseline does not hold, and how many it held. */
function subtractBaseline(files: readonly CheckedFile[], baseline: Baseline, file: string, cwd: string): { files: CheckedFile[]; known: number } {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) {
    const key = identity(entry.path, entry.rule, entry.section, entry.slot);
    remaining.set(key, (remaining.get(key) ?? 0) + entry.count);
  }
  let known = 0;
  const result = files.map((checked) => {
    const recorded = baselinePath(checked.path, file, cwd);
    const fresh = placeFindings(checked.analysis).filter((placed) => {
      const key = identity(recorded, placed.finding.rule, placed.section, placed.slot);
      const left = remaining.get(key) ?? 0;
      if (left === 0) return true;
      remaining.set(key, left - 1);
      known++;
      return false;
    });
    return { ...checked, analysis: { ...checked.analysis, findings: fresh.map((placed) => placed.finding) } };
  });
  return { files: result, known };
}

/** A document's path relative to the baseline's folder, with forward slashes, so the baseline works from any cwd. */
function baselinePath(path: string, baselineFile: string, cwd: string): string {
  return relative(dirname(resolve(cwd, baselineFile)), resolve(cwd, path)).split(sep).join('/');
}
