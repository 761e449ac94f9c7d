// The result protocol shared by every test suite: a suite prints `N passed, N failed[, N skipped]` as its last line
// (and exits non-zero on any failure); scripts/test.mjs reads that line from each suite and sums the counts.

const RESULT_LINE = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/u;

/** The closing line for these counts (`skipped` only when some were). */
export function resultLine({ passed, failed, skipped = 0 }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/** `text` without the terminal's colour codes (mocha and playwright colour their output). */
export function stripAnsi(text) {
  // eslint-disable-next-line no-control-regex -- ESC is exactly what is being removed
  return text.replace(/\x1b\[[0-9;]*m/gu, '');
}

/** The counts of a result line, or undefined when `line` is not one (ANSI colours and surrounding blanks ignored). */
export function parseResultLine(line) {
  const match = RESULT_LINE.exec(stripAnsi(line).trim());
  return match ? { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0) } : undefined;
}
