/**
 * Which template, if any, a document is written from: front matter, then its H1 title, then include globs; and
 * the cheap checks on the raw text that decide whether parsing is worth it at all.
 */
import type { Root } from 'mdast';
import picomatch from 'picomatch/posix';
import { parse as parseYaml } from 'yaml';
import type { Template } from './template';
import { headingText } from './sections';
import { normalizeKey, titleKeys } from './text';

export interface Recognition {
  template?: Template;
  /** Set when the front matter names a template that is not known. */
  problem?: string;
}

export function recognize(root: Root, templates: readonly Template[], path?: string, include: readonly string[] = []): Recognition {
  const declared = frontMatterTemplateId(root);
  if (declared !== undefined) {
    const template = templates.find((candidate) => candidate.id === declared);
    if (template) return { template };
    return { problem: `Unknown template "${declared}" in front matter (known: ${templates.map((t) => t.id).join(', ')}).` };
  }
  const titleKey = firstH1Key(root);
  if (titleKey) {
    const byTitle = templatesInTitle(titleKey, templates);
    if (byTitle.length > 0) return { template: byTitle.length === 1 ? byTitle[0] : closestTemplate(root, byTitle) };
  }
  if (path && include.length > 0 && templates.length > 0 && matchesAny(path, include)) return { template: templates[0] };
  return {};
}

/** The templates whose normalised title occurs in a normalised heading text. */
export function templatesInTitle(titleKey: string, templates: readonly Template[]): Template[] {
  return templates.filter((template) => template.titleKey.length > 0 && titleKey.includes(template.titleKey));
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
  for (const node of root.children) {
    if (node.type === 'heading' && node.depth === 1 && headingText(node).length > 0) return normalizeKey(headingText(node));
  }
  return undefined;
}

/**
 * Several titles match (`결제 시스템 High Level 아키텍처 정의서 (High Level Architecture Definition)`): the template
 * whose section titles the document uses most wins; then the longer title.
 */
function closestTemplate(root: Root, candidates: readonly Template[]): Template {
  const headings = root.children.flatMap((node) => (node.type === 'heading' && node.depth > 1 ? [titleKeys(headingText(node))] : []));
  const score = (template: Template) => {
    const keys = new Set(template.sections.flatMap((section) => [section.keys.full, section.keys.core]));
    return headings.filter((heading) => keys.has(heading.full) || keys.has(heading.core)).length;
  };
  return [...candidates].sort((a, b) => score(b) - score(a) || b.titleKey.length - a.titleKey.length)[0];
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

/** A necessary condition for recognition: front matter naming archdoc, or some template's title in an H1 line. */
export function mentionsTemplate(text: string, templates: readonly Template[]): boolean {
  if (frontMatterOf(text)?.includes('archdoc')) return true;
  return templatesInTitle(normalizeKey(h1Candidates(text).join(' ').replace(/<[^>]*>/gu, '')), templates).length > 0;
}

/** Recognition without a parse (a file too large, or one the parser failed on): front matter, else the first H1. */
export function quickTemplateId(text: string, templates: readonly Template[]): string | undefined {
  const declared = /^archdoc:\s*["']?([\w.-]+)/mu.exec(frontMatterOf(text) ?? '')?.[1];
  if (declared) return templates.find((template) => template.id === declared)?.id;
  const title = h1Candidates(text).find((candidate) => candidate.trim().length > 0);
  return title ? templatesInTitle(normalizeKey(title), templates)[0]?.id : undefined;
}

/** ATX H1 lines and the text lines of setext H1s: where a title can be. A plain scan, run per keystroke. */
function h1Candidates(text: string): string[] {
  const found: string[] = [];
  let previous = '';
  for (const line of text.split(/\r\n|\r|\n/u)) {
    const trimmed = line.trimStart();
    if (line.length - trimmed.length <= 3) {
      if (trimmed.startsWith('#') && (trimmed.length === 1 || trimmed[1] === ' ' || trimmed[1] === '\t')) found.push(trimmed.replace(/^#[ \t]*/u, ''));
      else if (trimmed.startsWith('=') && /^=+[ \t]*$/u.test(trimmed)) found.push(previous);
    }
    previous = line;
  }
  return found;
}

function frontMatterOf(text: string): string | undefined {
  return /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u.exec(text)?.[1];
}
