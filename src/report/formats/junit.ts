/** `--format junit`: JUnit XML, one test suite per document and one failed test case per finding. */
import { progressPercent } from '../../core';
import type { CheckedFile } from './check';

export function formatJunit(files: readonly CheckedFile[]): string {
  const failures = files.reduce((sum, { analysis }) => sum + analysis.findings.length, 0);
  const tests = files.reduce((sum, { analysis }) => sum + Math.max(1, analysis.findings.length), 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="archdoc" tests="${tests}" failures="${failures}" errors="0">`];
  for (const { path, analysis } of files) {
    const { findings } = analysis;
    out.push(`  <testsuite name="${xml(path)}" tests="${Math.max(1, findings.length)}" failures="${findings.length}" errors="0" skipped="0">`);
    if (findings.length === 0) {
      out.push(`    <testcase classname="${xml(path)}" name="${xml(`complete (${progressPercent(analysis.progress)}%)`)}" file="${xml(path)}"/>`);
    }
    for (const f of findings) {
      out.push(`    <testcase classname="${xml(path)}" name="${xml(`${f.rule} at line ${f.line}`)}" file="${xml(path)}" line="${f.line}">`);
      out.push(`      <failure type="${f.rule}" message="${xml(f.message)}">${xml(`${path}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message}`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** Characters XML 1.0 cannot hold; in a `u` regular expression the surrogate range matches only unpaired ones. */
// eslint-disable-next-line no-control-regex -- exactly the control characters XML forbids
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Text for an XML attribute or element: markup escaped, and characters XML 1.0 cannot hold dropped. */
function xml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&apos;')
    .replace(/\r/gu, '&#13;')
    .replace(/\n/gu, '&#10;');
}
