/** The template's front-matter keys read as fields of a document: which are missing, left as placeholders or unchosen. */
import { readFrontMatter } from './frontmatter';
import { type PlaceholderToken, templatePlaceholdersIn } from './placeholders';
import type { OptionList, Template, TemplateFrontMatterField } from './template';
import { isLeftoverMarker, normalizeKey } from './text';

export type FrontMatterGap =
  | { kind: 'missing'; field: TemplateFrontMatterField; line: number }
  | { kind: 'empty'; field: TemplateFrontMatterField; line: number }
  | { kind: 'placeholder'; field: TemplateFrontMatterField; line: number; token: PlaceholderToken }
  | { kind: 'options'; field: TemplateFrontMatterField; line: number; options: OptionList }
  | { kind: 'todo'; field: TemplateFrontMatterField; line: number; value: string };

export interface FrontMatterCheck {
  gaps: FrontMatterGap[];
  /** Keys of the template the document fills. */
  filled: number;
}

/**
 * One entry per template key: filled, or a gap. A missing optional key is neither (it does not count); a missing
 * required key is reported on the front matter's first line, or line 1 when the document has none.
 */
export function checkFrontMatter(text: string, template: Template): FrontMatterCheck {
  const result: FrontMatterCheck = { gaps: [], filled: 0 };
  if (template.frontMatter.length === 0) return result;
  const entries = readFrontMatter(text)?.entries ?? [];
  const byKey = new Map(entries.map((entry) => [normalizeKey(entry.key), entry]));
  for (const field of template.frontMatter) {
    const entry = byKey.get(normalizeKey(field.key));
    if (!entry) {
      if (!field.optional) result.gaps.push({ kind: 'missing', field, line: 1 });
      continue;
    }
    const line = entry.line;
    const [token] = templatePlaceholdersIn(entry.value, template.placeholderWords);
    if (entry.value.length === 0) result.gaps.push({ kind: 'empty', field, line });
    else if (field.options && normalizeKey(entry.value) === normalizeKey(field.options.raw)) result.gaps.push({ kind: 'options', field, line, options: field.options });
    else if (token) result.gaps.push({ kind: 'placeholder', field, line, token });
    else if (isLeftoverMarker(entry.value)) result.gaps.push({ kind: 'todo', field, line, value: entry.value });
    else result.filled++;
  }
  return result;
}
