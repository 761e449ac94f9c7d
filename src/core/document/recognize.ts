/**
 * Which template, if any, a document is written from: front matter, then its H1 title, then its structure (most of
 * a template's top-level section titles), then include globs. Also the cheap checks that run without a parse.
 */
import type { Root } from 'mdast';
import picomatch from 'picomatch/posix';
import { readFrontMatter } from '../template/frontmatter';
import type { Template } from '../template/template';
import { headingTitle } from '../parse/sections';
import { normalizeKey, type TitleKeys, titleKeys } from '../parse/text';

export type RecognizedBy = 'front-matter' | 'title' | 'structure' | 'include' | 'forced';

export interface Recognition {
  template?: Template;
  /** Set when the front matter names a template that is not known. */
  problem?: string;
  by?: RecognizedBy;
  /** For recognition by structure: how many of the template's top-level sections the document has. */
  sections?: StructureMatch;
}

export interface StructureMatch {
  matched: number;
  total: number;
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
    const byTitle = templatesInTitle(titleKey, templates);
    if (byTitle.length > 0) return { template: byTitle.length === 1 ? byTitle[0] : closestTemplate(root, byTitle), by: 'title' };
  }
  const headings = root.children.flatMap((node) => (node.type === 'heading' ? [headingTitle(node).keys] : []));
  const byStructure = templateByStructure(headings, templates);
  if (byStructure) return { template: byStructure.template, by: 'structure', sections: byStructure.sections };
  if (path && include.length > 0 && templates.length > 0 && matchesAny(path, include)) return { template: templates[0], by: 'include' };
  return {};
}

/** The templates whose normalised title occurs in a normalised heading text. */
export function templatesInTitle(titleKey: string, templates: readonly Template[]): Template[] {
  return templates.filter((template) => template.titleKey.length > 0 && titleKey.includes(template.titleKey));
}

/**
 * Fewest top-level section titles that recognise a document by structure, whatever the template's size: a README's
 * `Introduction` or `License` alone must not make it an architecture document.
 */
const MIN_STRUCTURE_MATCHES = 3;

/** The top-level sections that name a template's structure: each one's title keys (repeatable ones name nothing). */
const structureCache = new WeakMap<Template, Array<readonly string[]>>();

function structureOf(template: Template): Array<readonly string[]> {
  let keys = structureCache.get(template);
  if (!keys) {
    keys = template.topLevel.filter((section) => section.keys.full && !section.repeatableParts).map((section) => [section.keys.full, section.keys.core]);
    structureCache.set(template, keys);
  }
  return keys;
}

/**
 * The template most of whose top-level section titles (at least half, and at least three) the headings hold, at any
 * level and with any numbering; the highest share wins, then the most sections, then the earlier template.
 */
export function templateByStructure(headings: readonly TitleKeys[], templates: readonly Template[]): { template: Template; sections: StructureMatch } | undefined {
  if (headings.length < MIN_STRUCTURE_MATCHES) return undefined;
  const present = new Set<string>();
  for (const heading of headings) {
    present.add(heading.full);
    present.add(heading.core);
  }
  let best: { template: Template; sections: StructureMatch } | undefined;
  for (const template of templates) {
    const structure = structureOf(template);
    const matched = structure.filter((keys) => keys.some((key) => present.has(key))).length;
    if (matched < MIN_STRUCTURE_MATCHES || matched * 2 < structure.length) continue;
    const share = matched / structure.length;
    const bestShare = best ? best.sections.matched / best.sections.total : 0;
    if (!best || share > bestShare || (share === bestShare && matched > best.sections.matched)) best = { template, sections: { matched, total: structure.length } };
  }
  return best;
}

function frontMatterTemplateId(root: Root): string | undefined {
  const first = root.children[0];
  if (first?.type !== 'yaml') return undefined;
  // Read as leniently as the template's own front matter: a value elsewhere in the block that is not valid YAML
  // (an unquoted `{…}`) does not hide the `archdoc:` key.
  const declared = readFrontMatter(`---\n${first.value}\n---\n`)?.entries.find((entry) => entry.key === 'archdoc');
  return declared?.value || undefined;
}

function firstH1Key(root: Root): string | undefined {
  for (const node of root.children) {
    if (node.type === 'heading' && node.depth === 1 && headingTitle(node).title.length > 0) return normalizeKey(headingTitle(node).title);
  }
  return undefined;
}

/**
 * Several titles match (`결제 시스템 High Level 아키텍처 정의서 (High Level Architecture Definition)`): the template
 * whose section titles the document uses most wins; then the longer title.
 */
function closestTemplate(root: Root, candidates: readonly Template[]): Template {
  const headings = root.children.flatMap((node) => (node.type === 'heading' && node.depth > 1 ? [headingTitle(node).keys] : []));
  const score = (template: Template) => {
    const keys = new Set(template.sections.flatMap((section) => [section.keys.full, section.keys.core]));
    return headings.filter((heading) => keys.has(heading.full) || keys.has(heading.core)).length;
  };
  return [...candidates].sort((a, b) => score(b) - score(a) || b.titleKey.length - a.titleKey.length)[0];
}

/**
 * A necessary condition for recognition, checked on the raw text before any parse (it runs per keystroke): front
 * matter naming archdoc, some template's title in an H1 line, or most of a template's top-level titles in heading lines.
 */
export function mentionsTemplate(text: string, templates: readonly Template[]): boolean {
  if (frontMatterOf(text)?.includes('archdoc')) return true;
  const lines = headingLines(text);
  if (templatesInTitle(normalizeKey(lines.h1.join(' ')), templates).length > 0) return true;
  return templateByStructure(lines.all.map(titleKeys), templates) !== undefined;
}

/** Recognition without a parse (a file too large, or one the parser failed on): front matter, first H1, heading lines. */
export function quickTemplateId(text: string, templates: readonly Template[]): string | undefined {
  const declared = /^archdoc:\s*["']?([\w.-]+)/mu.exec(frontMatterOf(text) ?? '')?.[1];
  if (declared) return templates.find((template) => template.id === declared)?.id;
  const lines = headingLines(text);
  const title = lines.h1.find((candidate) => candidate.trim().length > 0);
  const byTitle = title ? templatesInTitle(normalizeKey(title), templates)[0] : undefined;
  return (byTitle ?? templateByStructure(lines.all.map(titleKeys), templates)?.template)?.id;
}

/**
 * The text of ATX heading lines and of the lines above setext underlines, inline markup that a parse would drop
 * (HTML tags, link targets, emoji shortcodes) removed: where titles can be, found by a plain line scan.
 */
function headingLines(text: string): { h1: string[]; all: string[] } {
  const h1: string[] = [];
  const all: string[] = [];
  const read = (start: number) => {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(start, end);
    const trimmed = line.trimStart();
    if (line.length - trimmed.length > 3) return;
    const atx = /^(#{1,6})(?:[ \t]+|$)/u.exec(trimmed);
    if (atx) {
      const heading = renderedText(trimmed.slice(atx[0].length));
      all.push(heading);
      if (atx[1].length === 1) h1.push(heading);
    } else if (/^(?:=+|-+)[ \t]*$/u.test(trimmed) && start > 0) {
      const previousEnd = start - (text.startsWith('\r\n', start - 2) ? 2 : 1);
      let previousStart = previousEnd;
      while (previousStart > 0 && text.charCodeAt(previousStart - 1) !== 10 && text.charCodeAt(previousStart - 1) !== 13) previousStart--;
      const previous = text.slice(previousStart, previousEnd);
      if (previous.trim().length > 0) {
        const heading = renderedText(previous);
        all.push(heading);
        if (trimmed.startsWith('=')) h1.push(heading);
      }
    }
  };
  // Jump from one line that may be (or underline) a heading to the next instead of splitting the whole text: this
  // runs on every keystroke.
  if (FIRST_CANDIDATE.test(text)) read(0);
  for (CANDIDATE_AFTER_LINE_END.lastIndex = 0; CANDIDATE_AFTER_LINE_END.exec(text); ) read(CANDIDATE_AFTER_LINE_END.lastIndex);
  return { h1, all };
}

/** A first line, or a line ending followed by a line, that may be an ATX heading or a setext underline. */
const FIRST_CANDIDATE = /^[^\S\r\n]*(?:#|(?:=+|-+)[ \t]*(?:[\r\n]|$))/u;
const CANDIDATE_AFTER_LINE_END = /[\r\n](?=[^\S\r\n]*(?:#|(?:=+|-+)[ \t]*(?:[\r\n]|$)))/gu;

function renderedText(markdown: string): string {
  return markdown.replace(/<[^>]*>|\]\([^)]*\)|\]\[[^\]]*\]|:[a-z0-9_+-]+:/gu, ' ');
}

function frontMatterOf(text: string): string | undefined {
  return /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u.exec(text)?.[1];
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
