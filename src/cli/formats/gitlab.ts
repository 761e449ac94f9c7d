/** `--format gitlab`: a GitLab Code Quality report (the `codequality` artifact of a merge request). */
import { createHash } from 'node:crypto';
import type { Severity } from '../../core';
import type { CheckedFile } from '../../report/formats/check';
import { identity, placeFindings } from '../../report/formats/placed';

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/**
 * One issue per finding. The fingerprint hashes path, rule, section, slot and the occurrence among equal ones — not
 * the line — so GitLab keeps recognising a finding when lines are added above it.
 */
export function formatGitlab(files: readonly CheckedFile[]): string {
  const issues = files.flatMap(({ path, analysis }) => {
    const seen = new Map<string, number>();
    return placeFindings(analysis).map((placed) => {
      const { finding } = placed;
      const key = identity(path, finding.rule, placed.section, placed.slot);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        description: finding.message,
        check_name: `archdoc/${finding.rule}`,
        fingerprint: createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32),
        severity: GITLAB_SEVERITY[finding.severity],
        location: { path, lines: { begin: finding.line, end: finding.endLine } },
      };
    });
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
