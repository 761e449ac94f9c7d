/** `archdoc rules`: the rule table, so CI users can find the ids to configure or suppress. */
import { type FixKind, type Locale, ruleDocsUrl, RULES } from '../core';

export function formatRules(format: 'text' | 'json', locale: Locale): string {
  const rules = RULES.map((rule) => ({ id: rule.id, severity: rule.severity, description: rule.description[locale], url: ruleDocsUrl(rule.id) }));
  if (format === 'json') return `${JSON.stringify({ rules })}\n`;
  const width = Math.max(...rules.map((rule) => rule.id.length));
  return `${rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.description}\n${' '.repeat(width + 11)}${rule.url}`).join('\n')}\n`;
}

const FIX_TITLES: Record<FixKind, string> = {
  'choose-option': 'choose one of the options',
  'not-applicable': 'mark as not applicable',
  'insert-section': 'insert the section from the template',
};

/** The README's rule sections (between `<!-- rules:start -->` and `<!-- rules:end -->`), generated from the table. */
export function rulesMarkdown(): string {
  return RULES.map((rule) => {
    const fixes = rule.fixes.map((fix) => FIX_TITLES[fix]).join(', ');
    return `### rule-${rule.id}\n${rule.docs}\n\n*Default severity:* ${rule.severity}. *Quick fixes:* ${fixes}.\n`;
  }).join('\n');
}
