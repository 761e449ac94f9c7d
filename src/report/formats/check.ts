/** Output formats of `archdoc check`: text, the documented JSON object, SARIF 2.1.0 and GitHub annotations (the others in formats/). */
import { type Analysis, checkedFileReport, progressPercent, RULE_IDS, RULES, ruleDocsUrl, type Severity } from '../../core';

export interface CheckedFile {
  path: string;
  analysis: Analysis;
}


export function formatText(files: readonly CheckedFile[], skipped: readonly string[]): string {
  const out: string[] = [];
  let count = 0;
  for (const { path, analysis } of files) {
    for (const finding of analysis.findings) {
      out.push(`${path}:${finding.line}:${finding.column}: ${finding.severity} ${finding.rule} ${finding.message}`);
      count++;
    }
    const { filled, total } = analysis.progress;
    const note = analysis.skippedReason ? ` — ${analysis.skippedReason}` : '';
    out.push(`${path}: ${analysis.findings.length} finding(s), ${filled}/${total} slots filled (${progressPercent(analysis.progress)}%) [${analysis.templateId}]${note}`);
  }
  for (const path of skipped) out.push(`${path}: skipped (not an architecture document)`);
  out.push(`${count} finding(s) in ${files.length} architecture document(s)${skipped.length ? `, ${skipped.length} other Markdown file(s) skipped` : ''}.`);
  return `${out.join('\n')}\n`;
}

/** Exactly the public JSON shape: no extra keys. */
export function formatJson(files: readonly CheckedFile[]): string {
  return `${JSON.stringify({ files: files.map(({ path, analysis }) => checkedFileReport(path, analysis)) })}\n`;
}

/** A relative path as a URI reference (each segment escaped: `#`, `?`, `%`, spaces); an absolute one as a file URI. */
function artifactUri(path: string): string {
  const absolute = /^(?:\/|[A-Za-z]:\/)/u.test(path);
  const encoded = path.split('/').map(encodeURIComponent).join('/').replace(/^([A-Za-z])%3A\//u, '$1:/');
  return absolute ? `file://${encoded.startsWith('/') ? '' : '/'}${encoded}` : encoded;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(files: readonly CheckedFile[], version: string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'archdoc',
            version,
            informationUri: 'https://github.com/archdoc/archdoc',
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description.en },
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              helpUri: ruleDocsUrl(rule.id),
            })),
          },
        },
        results: files.flatMap(({ path, analysis }) =>
          analysis.findings.map((finding) => ({
            ruleId: finding.rule,
            ruleIndex: RULE_IDS.indexOf(finding.rule),
            level: SARIF_LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(path) },
                  region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
/** GitHub shows about this many annotations of each kind per step and drops the rest. */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

/** Workflow commands for the first findings of each kind, then one line counting the findings left unannotated. */
export function formatGithub(files: readonly CheckedFile[]): string {
  const escapeData = (text: string) => text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
  const shown = new Map<string, number>();
  const unshown = new Map<string, number>();
  const lines: string[] = [];
  for (const { path, analysis } of files) {
    for (const f of analysis.findings) {
      const command = GITHUB_COMMAND[f.severity];
      const count = shown.get(command) ?? 0;
      if (count >= GITHUB_ANNOTATIONS_PER_KIND) {
        unshown.set(command, (unshown.get(command) ?? 0) + 1);
        continue;
      }
      shown.set(command, count + 1);
      lines.push(
        `::${command} file=${escapeProperty(path)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`archdoc ${f.rule}`)}::${escapeData(f.message)}`,
      );
    }
  }
  const rest = [...unshown.values()].reduce((sum, n) => sum + n, 0);
  if (rest > 0) {
    const kinds = ['error', 'warning', 'notice'].filter((command) => unshown.has(command)).map((command) => `${unshown.get(command)} ${command}`).join(', ');
    lines.push(`archdoc: ${rest} more finding(s) not annotated (${kinds}; GitHub shows ${GITHUB_ANNOTATIONS_PER_KIND} of each kind per step). Run archdoc check for all of them.`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
