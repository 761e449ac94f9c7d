/**
 * Snippets from a template section: its Markdown with a tab stop on every empty field and a choice on every
 * option list (`${1|Azure,AWS,GCP|}`). Used by the generated `snippets/` files and by `#` completion.
 */
import type { Template, TemplateSection } from '../template/template';
import { parseOptionList } from '../parse/text';

const EMPTY_FIELD = /^(\s*(?:[-*+]|\d+[.)])\s+\*\*[^*]+?(?::\*\*|\*\*\s*:))\s*$/u;
const OPTION_FIELD = /^(\s*(?:[-*+]|\d+[.)])\s+\*\*[^*]+?(?::\*\*|\*\*\s*:)\s*)(.+?)\s*$/u;

function escapeText(text: string): string {
  return text.replace(/[\\$]/gu, (c) => `\\${c}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/gu, (c) => `\\${c}`);
}

/** Snippet body lines for one section (with its sub-sections). */
export function sectionSnippetBody(section: TemplateSection): string[] {
  let stop = 1;
  const choice = (options: string[]) => `\${${stop++}|${options.map(escapeChoice).join(',')}|}`;
  const body = section.markdown.split(/\r?\n/u).map((line) => {
    const empty = EMPTY_FIELD.exec(line);
    if (empty) return `${escapeText(empty[1])} \${${stop++}}`;
    const field = OPTION_FIELD.exec(line);
    const options = field ? parseOptionList(field[2]) : undefined;
    if (field && options) return `${escapeText(field[1])}${choice(options)}`;
    if (/^\s*\|/u.test(line)) {
      return line
        .split('|')
        .map((cell) => {
          const cellOptions = parseOptionList(cell);
          return cellOptions ? ` ${choice(cellOptions)} ` : escapeText(cell);
        })
        .join('|');
    }
    return escapeText(line);
  });
  body.push('$0');
  return body;
}

export interface SnippetDefinition {
  prefix: string[];
  body: string[];
  description: string;
}

/** The `.code-snippets` content for a template: one snippet per section, in template order. */
export function templateSnippets(template: Template): Record<string, SnippetDefinition> {
  const snippets: Record<string, SnippetDefinition> = {};
  for (const section of template.sections) {
    snippets[`${template.id}: ${section.title}`] = {
      prefix: [`arch-${section.id}`, `arch ${section.title}`],
      body: sectionSnippetBody(section),
      description: `${template.title} — ${section.title}`,
    };
  }
  return snippets;
}
