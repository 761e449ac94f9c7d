/** Which template, if any, a document is written from: front matter, then its H1 title, then include globs. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import picomatch from 'picomatch/posix';
import { parse as parseYaml } from 'yaml';
import type { Template } from './template';
import { normalizeKey } from './text';

export interface Recognition {
  template?: Template;
  by?: 'front-matter' | 'title' | 'include';
  /** Set when the front matter names a template that is not known. */
  problem?: string;
}

export function recognize(root: Root, templates: readonly Template[], path?: string, include: readonly string[] = []): Recognition {
  const declared = frontMatterTemplateId(root);
  if (declared !== undefined) {
    const template = templates.find((candidate) => candidate.id === declared);
    if (template) return { template, by: 'front-matter' };
    return { problem: `Unknown template "${declared}" in front matter (known: ${templates.map((t) => t.id).join(', ')}).` };
  }
  const titleKey = firstH1Key(root);
  if (titleKey) {
    const byTitle = templates
      .filter((template) => template.titleKey.length > 0 && titleKey.includes(template.titleKey))
      .sort((a, b) => b.titleKey.length - a.titleKey.length)[0];
    if (byTitle) return { template: byTitle, by: 'title' };
  }
  if (path && include.length > 0 && templates.length > 0 && matchesAny(path, include)) return { template: templates[0], by: 'include' };
  return {};
}

function frontMatterTemplateId(root: Root): string | undefined {
  const first = root.children[0];
  if (first?.type !== 'yaml') return undefined;
  try {
    const data: unknown = parseYaml(first.value, { logLevel: 'silent' });
    if (data && typeof data === 'object' && 'archdoc' in data) {
      const value = (data as Record<string, unknown>).archdoc;
      if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
    }
  } catch {
    // Invalid YAML front matter does not declare a template; recognition goes on by title.
  }
  return undefined;
}

function firstH1Key(root: Root): string | undefined {
  const h1 = root.children.find((node) => node.type === 'heading' && node.depth === 1);
  return h1 ? normalizeKey(toString(h1)) : undefined;
}

const matcherCache = new Map<string, (path: string) => boolean>();

/** Globs match the path as given and every trailing part of it, so `docs/**\/*.md` works on absolute paths too. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const normalized = path.replace(/\\/gu, '/');
  const parts = normalized.split('/');
  const suffixes = parts.map((_, i) => parts.slice(i).join('/'));
  return globs.some((glob) => {
    let matcher = matcherCache.get(glob);
    if (!matcher) {
      matcher = picomatch(glob, { dot: true });
      matcherCache.set(glob, matcher);
    }
    return suffixes.some((suffix) => matcher!(suffix));
  });
}
