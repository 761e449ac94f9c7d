/** Output formats of `archdoc check`: text, the documented JSON object, SARIF 2.1.0 and GitHub annotations. */
import { type Analysis, checkedFileReport, progressPercent, RULE_IDS, RULES, ruleDocsUrl, type Severity } from '../core';

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

export function formatGithub(files: readonly CheckedFile[]): string {
  const escapeData = (text: string) => text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
  const lines = files.flatMap(({ path, analysis }) =>
    analysis.findings.map(
      (f) =>
        `::${GITHUB_COMMAND[f.severity]} file=${escapeProperty(path)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`archdoc ${f.rule}`)}::${escapeData(f.message)}`,
    ),
  );
  return lines.length ? `${lines.join('\n')}\n` : '';
}
