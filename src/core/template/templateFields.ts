/** Two parts of a template's schema read across the whole template: its front-matter fields and its option lists' kind. */
import type { FrontMatterEntry } from './frontmatter';
import type { PlaceholderToken } from './placeholders';
import type { OptionList, TemplateFrontMatterField, TemplateSection } from './schema';
import { normalizeKey, parseOptionList } from '../parse/text';

/** Keys with a value to give: empty, a placeholder, or an option list. Keys the template fills itself are content. */
export function frontMatterFields(entries: readonly FrontMatterEntry[], addWords: (tokens: readonly PlaceholderToken[]) => void): TemplateFrontMatterField[] {
  const fields: TemplateFrontMatterField[] = [];
  for (const entry of entries) {
    addWords(entry.tokens);
    const pipe = entry.tokens.length === 1 ? entry.tokens[0].options : undefined;
    const slash = entry.tokens.length === 0 ? parseOptionList(entry.value) : undefined;
    const options = pipe ?? slash;
    if (entry.value.length > 0 && entry.tokens.length === 0 && !slash) continue;
    fields.push({ key: entry.key, value: entry.value, optional: entry.optional, options: options && { raw: entry.value, options, mode: 'choose' } });
  }
  return fields;
}

/**
 * Choice or fill-each, decided from the template's own Markdown: a list is a set of alternatives unless the template
 * itself uses the list, or each of its items, as the name of something to fill — a field label or a table column
 * elsewhere (T0 asks `재해복구 목표: RTO/RPO` and has a field `**RTO/RPO**:` for the figures). Then the items name
 * values to give, and "choose one" would be wrong.
 */
export function settleOptionModes(sections: readonly TemplateSection[], frontMatter: readonly TemplateFrontMatterField[]): void {
  const names = new Set<string>();
  for (const section of sections) section.signature.forEach((key) => names.add(key));
  for (const field of frontMatter) names.add(normalizeKey(field.key));
  const settle = (list: OptionList | undefined) => {
    if (!list) return;
    const each = names.has(normalizeKey(list.raw)) || list.options.every((option) => names.has(normalizeKey(option)));
    list.mode = each ? 'each' : 'choose';
  };
  for (const section of sections) {
    section.fieldOptions.forEach(settle);
    section.columnOptions.forEach(settle);
  }
  frontMatter.forEach((field) => settle(field.options));
}
