/** The template's front-matter keys read as fields of a document (its own keys, like `archdoc:`, are not asked for). */
import { readFrontMatter } from '../template/frontmatter';
import type { LineIndex } from '../parse/lines';
import type { MetaItem } from '../template/scanItems';
import type { Template } from '../template/template';
import { normalizeKey } from '../parse/text';

/**
 * One item per template key the document has, and one per required key it lacks (reported on line 1, where the
 * front matter is or belongs). A missing optional key is no item: it is neither a gap nor a filled slot.
 */
export function frontMatterItems(text: string, template: Template, lines: LineIndex): MetaItem[] {
  if (template.frontMatter.length === 0) return [];
  const entries = readFrontMatter(text)?.entries ?? [];
  const byKey = new Map(entries.map((entry) => [normalizeKey(entry.key), entry]));
  const items: MetaItem[] = [];
  for (const field of template.frontMatter) {
    const entry = byKey.get(normalizeKey(field.key));
    if (!entry && field.optional) continue;
    const line = entry?.line ?? 1;
    const range = lines.lineRange(line);
    const source = lines.lineText(line);
    const colon = entry ? source.indexOf(':') : -1;
    const valueStart = colon < 0 ? range.endColumn : colon + 2 + (source.slice(colon + 1).length - source.slice(colon + 1).trimStart().length);
    items.push({
      kind: 'meta',
      key: field.key,
      value: entry?.value ?? '',
      present: entry !== undefined,
      options: field.options,
      range,
      valueRange: { line, column: Math.min(valueStart, range.endColumn), endLine: line, endColumn: range.endColumn },
    });
  }
  return items;
}
