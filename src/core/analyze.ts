/** One parse → one analysis: recognition, section matching, slots, progress and the rules. */
import { LineIndex } from './lines';
import { type SectionMatch, matchSections } from './match';
import { excerpt, type Locale, message } from './messages';
import { type ParseResult, parseMarkdown } from './parse';
import { matchesAny, recognize, templatesInTitle } from './recognize';
import { type ScanItem, scanBlocks } from './scan';
import { buildSections, contentRoot, type DocSection, isEmptySection } from './sections';
import { collectSuppressions, isSuppressed } from './suppress';
import { isPlaceholderFence, rowKey, type Template, type TemplateSection } from './template';
import { normalizeKey, optionListKey, placeholderKey } from './text';
import {
  type Analysis,
  type AnalyzeOptions,
  type Progress,
  DEFAULT_MAX_FILE_SIZE,
  type Finding,
  type FindingData,
  type OpenSlot,
  type Range,
  type RuleId,
  type SectionNode,
  type SectionState,
} from './types';

export interface AnalysisContext {
  templates: readonly Template[];
  options?: AnalyzeOptions;
  locale?: Locale;
}

/** Never throws: an internal failure becomes a skipped analysis with its reason. */
export function analyze(text: string, context: AnalysisContext, parse: (text: string) => ParseResult = parseMarkdown): Analysis {
  try {
    const body = stripBom(text);
    const options = context.options ?? {};
    const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (exceedsBytes(body, maxSize)) {
      // Too large to parse: say so only when it looks like an architecture document, so other Markdown stays quiet.
      const templateId = quickTemplateId(body, context);
      const reason = `Skipped: the file is larger than archdoc.maxFileSize (${maxSize} bytes).`;
      return templateId ? { ...emptyAnalysis(reason), templateId } : emptyAnalysis();
    }
    // Most Markdown is not an architecture document: skip the parse when no template title even occurs in the text.
    if (!options.templateId && !includes(options) && !mentionsTemplate(body, context.templates)) return emptyAnalysis();
    return analyzeParsed(body, parse(body), context);
  } catch (error) {
    return emptyAnalysis(`archdoc could not analyse this document: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** UTF-8 size above `max`, decided without encoding when the length alone settles it. */
function exceedsBytes(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? (i++, 4) : 3;
    if (bytes > max) return true;
  }
  return false;
}

function includes(options: AnalyzeOptions): boolean {
  return Boolean(options.path && options.include && options.include.length > 0 && matchesAny(options.path, options.include));
}

/** A necessary condition for recognition: front matter naming archdoc, or some template's title in an H1 line. */
function mentionsTemplate(text: string, templates: readonly Template[]): boolean {
  if (frontMatterOf(text)?.includes('archdoc')) return true;
  return templatesInTitle(normalizeKey(h1Candidates(text).join(' ').replace(/<[^>]*>/gu, '')), templates).length > 0;
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

/** Recognition without a parse (a file too large, or one the parser failed on): front matter, else the first H1. */
function quickTemplateId(text: string, context: AnalysisContext): string | undefined {
  const declared = /^archdoc:\s*["']?([\w.-]+)/mu.exec(frontMatterOf(text) ?? '')?.[1];
  if (declared) return context.templates.find((template) => template.id === declared)?.id;
  const title = h1Candidates(text).find((candidate) => candidate.trim().length > 0);
  return title ? templatesInTitle(normalizeKey(title), context.templates)[0]?.id : undefined;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function emptyAnalysis(skippedReason?: string): Analysis {
  return { progress: { filled: 0, total: 0 }, findings: [], sections: [], preambleSlots: [], skippedReason };
}

interface SectionResult {
  findings: Finding[];
  filled: number;
  total: number;
  /** How many slots each finding stands for (the second finding on one table row stands for none). */
  slots: Map<Finding, number>;
}

/** Analyses an already parsed text (the incremental parser hands in its assembled tree). */
export function analyzeParsed(text: string, parsed: ParseResult, context: AnalysisContext): Analysis {
  const options = context.options ?? {};
  const locale = context.locale ?? 'en';
  const forced = options.templateId ? context.templates.find((template) => template.id === options.templateId) : undefined;
  const recognition = forced ? { template: forced } : recognize(parsed.root, context.templates, options.path, options.include);
  if (parsed.error) {
    // Nothing to read from a failed parse: recognise from the raw text so the reason is shown where it matters.
    const templateId = forced?.id ?? quickTemplateId(text, context);
    return templateId ? { ...emptyAnalysis(parsed.error), templateId } : emptyAnalysis();
  }
  const template = recognition.template;
  if (!template) return emptyAnalysis(recognition.problem);

  const lines = new LineIndex(text);
  // A leading H1 is the document's title unless it is one of the template's sections (`# 1. 개요` in a document
  // recognised by its front matter).
  const sectionKeys = new Set(template.sections.flatMap((section) => [section.keys.full, section.keys.core]));
  const tree = buildSections(parsed.root, lines.lineCount, text.length, (keys) => !sectionKeys.has(keys.full) && !sectionKeys.has(keys.core));
  const top = contentRoot(tree);
  const itemsBySection = new Map<DocSection, ScanItem[]>();
  const itemsOf = (section: DocSection): ScanItem[] => {
    let items = itemsBySection.get(section);
    if (!items) {
      items = scanBlocks(section.blocks, lines);
      itemsBySection.set(section, items);
    }
    return items;
  };
  const match = matchSections(template.sections, tree.all.filter((section) => section !== tree.title), top, itemsOf);
  const templateOf = new Map<DocSection, TemplateSection>();
  match.forEach((doc, templateSection) => templateOf.set(doc, templateSection));

  // A section the author added under a template section's title (a second copy, say) keeps that section's options.
  const sameTitled = new Map<string, TemplateSection>();
  for (const templateSection of template.sections) sameTitled.set(templateSection.keys.full, templateSection);
  const evaluate = (section: DocSection): SectionResult => {
    const matched = templateOf.get(section);
    const schema = matched ?? sameTitled.get(section.keys.full);
    return evaluateSection(section, matched, schema, itemsOf(section), template, lines, locale, section !== tree.title && section !== tree.root);
  };
  const missingBySection = missingSections(template, match, top, tree.title, lines, locale);

  const suppressions = collectSuppressions(parsed.root);
  const severities = options.severity ?? {};
  const keep = (finding: Finding): boolean => severities[finding.rule] !== 'off' && !isSuppressed(suppressions, finding.rule, finding.line);
  const allFindings: Finding[] = [];

  /** Kept findings; the slots of silenced ones leave the count (a silenced gap is not a gap). */
  const settle = (result: SectionResult): { findings: Finding[]; progress: Progress } => {
    const kept: Finding[] = [];
    let silencedSlots = 0;
    for (const finding of result.findings) {
      if (keep(finding)) kept.push(finding);
      else silencedSlots += result.slots.get(finding) ?? 0;
    }
    return { findings: kept, progress: { filled: result.filled, total: result.total - silencedSlots } };
  };

  const buildNode = (section: DocSection): SectionNode => {
    const own = settle(evaluate(section));
    const ownFindings = own.findings;
    allFindings.push(...ownFindings);
    const templateSection = templateOf.get(section);
    const children = section.children.map(buildNode);
    const missing = (missingBySection.get(section) ?? []).filter((entry) => keep(entry.finding));
    allFindings.push(...missing.map((entry) => entry.finding));
    const missingNodes = missing.map((entry) => ({ node: missingNode(entry.templateSection, entry.finding, match), order: entry.templateSection.order }));
    const ordered = orderChildren(children, missingNodes, templateOf, section);
    const progress = sumProgress(own.progress, ordered);
    return {
      id: templateSection ? templateSection.id : `doc:${section.startLine}`,
      title: section.title,
      level: section.level,
      range: headingRange(section, lines),
      endLine: section.endLine,
      missing: false,
      templateSectionId: templateSection?.id,
      progress,
      state: stateOf(progress, false),
      children: ordered,
      openSlots: ownFindings.map(toOpenSlot),
    };
  };

  const rootNode = buildNode(top);
  let preamble: Finding[] = [];
  let progress = rootNode.progress;
  if (top !== tree.root) {
    // Content before the title (rare) still counts.
    const before = settle(evaluate(tree.root));
    preamble = before.findings;
    allFindings.push(...preamble);
    progress = { filled: progress.filled + before.progress.filled, total: progress.total + before.progress.total };
  }
  const severityOf = (rule: RuleId) => {
    const setting = severities[rule];
    return setting && setting !== 'off' ? setting : 'warning';
  };
  const findings = allFindings
    .map((finding) => ({ ...finding, ...lines.clamp(finding), severity: severityOf(finding.rule) }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  return {
    templateId: template.id,
    progress,
    findings,
    sections: rootNode.children,
    preambleSlots: [...preamble.map(toOpenSlot), ...rootNode.openSlots],
  };
}

/** Fences in these languages hold data, where `[a]` or `{x}` is a value, not a placeholder. */
const DATA_LANGUAGES = /^(?:json5?|jsonc|ya?ml|toml|ini|csv|js|javascript|ts|typescript|python|py|java|go|sql)$/iu;

/** `templateSection`: the matched template section (its slots); `schema`: where option lists and pre-fills come from. */
function evaluateSection(
  section: DocSection,
  templateSection: TemplateSection | undefined,
  schema: TemplateSection | undefined,
  items: readonly ScanItem[],
  template: Template,
  lines: LineIndex,
  locale: Locale,
  isHeadingSection: boolean,
): SectionResult {
  const result: SectionResult = { findings: [], filled: 0, total: 0, slots: new Map() };
  /** Reports an open slot (or, with `slots` 0, one more finding on a slot already open). */
  const open = (rule: RuleId, range: Range, params: Record<string, string>, data?: FindingData, slots = 1) => {
    const finding: Finding = { rule, severity: 'warning', ...range, message: message(locale, rule, params), data };
    result.findings.push(finding);
    result.slots.set(finding, slots);
    result.total += slots;
  };
  const filled = () => {
    result.filled++;
    result.total++;
  };
  const tokens = template.placeholderTokens;
  let placeholdersFound = 0;
  let hasReplacement = false;

  for (const item of items) {
    switch (item.kind) {
      case 'field': {
        const options = item.valueHasEmphasis ? undefined : schema?.fieldOptions.get(item.labelKey);
        const value: FindingData = { kind: 'field', label: item.label, value: item.valueRange };
        if (item.value.length > 0 && tokens.has(placeholderKey(item.value))) open('placeholder', item.range, { text: excerpt(item.value) }, value);
        else if (item.value.length === 0 && !item.valueHasMedia && !item.filledByFollowing) open('empty-field', item.range, { label: item.label }, value);
        else if (options && optionListKey(item.value) === optionListKey(options.raw)) {
          open('unchosen-option', item.range, { label: item.label, raw: options.raw }, { kind: 'options', options: options.options, value: item.valueRange });
        } else if (!isPrefilledValue(schema?.prefilledFields.get(item.labelKey), item.value)) filled();
        // else: the template's own pre-filled text, neither a gap nor the author's work
        break;
      }
      case 'row': {
        let slots = 1; // one slot per row, whatever number of findings it has
        const blankColumns = item.columns.filter((_, i) => item.blank[i]);
        if (blankColumns.length > 0) {
          open('empty-table-cell', item.range, { columns: blankColumns.join(', ') }, { kind: 'cells', columns: blankColumns, columnCount: item.columns.length });
          slots = 0;
        }
        item.cells.forEach((cell, i) => {
          const options = schema?.columnOptions.get(item.columnKeys[i] ?? '');
          if (options && cell.length > 0 && optionListKey(cell) === optionListKey(options.raw)) {
            open('unchosen-option', item.range, { label: item.columns[i], raw: options.raw }, { kind: 'options', options: options.options, value: cellRange(item.range, i, lines) }, slots);
            slots = 0;
          } else if (cell.length > 0 && tokens.has(placeholderKey(cell))) {
            open('placeholder', item.range, { text: excerpt(cell) }, undefined, slots);
            slots = 0;
          }
        });
        hasReplacement = true;
        if (slots === 1 && !(schema && schema.prefilledRows.size > 0 && schema.prefilledRows.has(rowKey(item.cells)))) filled();
        break;
      }
      case 'empty-table':
        open('empty-table', item.range, { columns: item.columns.join(', ') });
        break;
      case 'fence':
        if (isPlaceholderFence(item.content, tokens) && !DATA_LANGUAGES.test(item.lang)) {
          open('placeholder', item.range, { text: excerpt(item.content.trim()) });
          placeholdersFound++;
        } else if (item.content.trim().length > 0) hasReplacement = true;
        break;
      case 'text':
        if (tokens.has(placeholderKey(item.text))) {
          open('placeholder', item.range, { text: excerpt(item.text) });
          placeholdersFound++;
        } else hasReplacement = true;
        break;
    }
  }

  if (isHeadingSection && isEmptySection(section)) {
    // The section's own slots; a section whose template holds only sub-sections adds none (they count as missing).
    const own = templateSection ? templateSection.ownSlots || (templateSection.children.length > 0 ? 0 : 1) : 1;
    open('empty-section', headingRange(section, lines), { title: section.title }, undefined, own);
    return result;
  }
  // Template placeholders the author replaced with content (a diagram, a path, a list) count as filled slots.
  if (hasReplacement) {
    const replaced = Math.max(0, (templateSection?.placeholderCount ?? 0) - placeholdersFound);
    result.filled += replaced;
    result.total += replaced;
  }
  return result;
}

/** The template pre-fills this field with this very value (compared as option-list keys, computed only when needed). */
function isPrefilledValue(prefilled: string | undefined, value: string): boolean {
  return prefilled !== undefined && prefilled === optionListKey(value);
}

interface MissingEntry {
  templateSection: TemplateSection;
  finding: Finding;
}

/** Missing template sections, keyed by the document section that encloses where they belong. */
function missingSections(
  template: Template,
  match: SectionMatch,
  top: DocSection,
  title: DocSection | undefined,
  lines: LineIndex,
  locale: Locale,
): Map<DocSection, MissingEntry[]> {
  const result = new Map<DocSection, MissingEntry[]>();
  for (const templateSection of template.sections) {
    if (match.has(templateSection)) continue;
    const parent = templateSection.parent;
    if (parent && !match.has(parent)) continue; // reported once, at the highest missing level
    const anchor = parent ? match.get(parent)! : top;
    const range = anchor.heading ? headingRange(anchor, lines) : title ? headingRange(title, lines) : lines.lineRange(1);
    const finding: Finding = {
      rule: 'missing-section',
      severity: 'warning',
      ...range,
      message: message(locale, 'missing-section', { title: templateSection.title }),
      data: { kind: 'missing-section', templateSectionId: templateSection.id, insertAfterLine: insertionLine(anchor, templateSection, template, match, lines) },
    };
    const entries = result.get(anchor) ?? [];
    entries.push({ templateSection, finding });
    result.set(anchor, entries);
  }
  return result;
}

/** The line after which a missing section's skeleton goes: after the last present earlier sibling, else after the parent's own content. */
function insertionLine(anchor: DocSection, missing: TemplateSection, template: Template, match: SectionMatch, lines: LineIndex): number {
  let previous: DocSection | undefined;
  for (const sibling of missing.parent ? missing.parent.children : template.topLevel) {
    if (sibling.order >= missing.order) break;
    const doc = match.get(sibling);
    if (doc && doc.parent === anchor) previous = doc;
  }
  const end = previous ? previous.endLine : anchor.children.length > 0 ? anchor.children[0].startLine - 1 : anchor.endLine;
  return lastContentLine(lines, previous?.startLine ?? anchor.startLine, end);
}

function lastContentLine(lines: LineIndex, from: number, to: number): number {
  for (let line = Math.min(to, lines.lineCount); line > from; line--) {
    const text = lines.lineText(line).trim();
    if (text.length > 0 && !/^(?:-{3,}|\*{3,}|_{3,})$/u.test(text.replace(/\s+/gu, ''))) return line;
  }
  return Math.max(from, 1);
}

function missingNode(templateSection: TemplateSection, finding: Finding, match: SectionMatch): SectionNode {
  const progress = { filled: 0, total: Math.max(1, missingSlots(templateSection, match)) };
  return {
    id: templateSection.id,
    title: templateSection.title,
    level: templateSection.level,
    range: { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
    endLine: finding.line,
    missing: true,
    templateSectionId: templateSection.id,
    insertAfterLine: finding.data?.kind === 'missing-section' ? finding.data.insertAfterLine : finding.line,
    progress,
    state: 'missing',
    children: [],
    openSlots: [toOpenSlot(finding)],
  };
}

/** The slots a missing section stands for: its own and those of its sub-sections that are not found elsewhere. */
function missingSlots(templateSection: TemplateSection, match: SectionMatch): number {
  return templateSection.children.reduce((sum, child) => sum + (match.has(child) ? 0 : missingSlots(child, match)), templateSection.ownSlots);
}

/** Present children in document order, each missing one placed before the first present sibling that follows it in the template. */
function orderChildren(present: SectionNode[], missing: Array<{ node: SectionNode; order: number }>, templateOf: Map<DocSection, TemplateSection>, section: DocSection): SectionNode[] {
  const orderOf = new Map<SectionNode, number>();
  present.forEach((node, i) => {
    const templateSection = templateOf.get(section.children[i]);
    if (templateSection) orderOf.set(node, templateSection.order);
  });
  const ordered = [...present];
  for (const { node, order } of missing) {
    const index = ordered.findIndex((candidate) => (orderOf.get(candidate) ?? -1) > order);
    ordered.splice(index < 0 ? ordered.length : index, 0, node);
    orderOf.set(node, order);
  }
  return ordered;
}

function sumProgress(own: Progress, children: readonly SectionNode[]): Progress {
  return children.reduce((sum, child) => ({ filled: sum.filled + child.progress.filled, total: sum.total + child.progress.total }), own);
}

function stateOf(progress: Progress, missing: boolean): SectionState {
  if (missing) return 'missing';
  if (progress.total === 0) return 'none';
  if (progress.filled === progress.total) return 'complete';
  return progress.filled === 0 ? 'empty' : 'partial';
}

function headingRange(section: DocSection, lines: LineIndex): Range {
  return lines.lineRange(section.startLine, section.heading?.position?.start.column ?? 1);
}

function toOpenSlot(finding: Finding): OpenSlot {
  return { rule: finding.rule, label: finding.message, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn };
}

/** Range of the i-th cell of a one-line table row, found by its pipes; the whole row when that fails. */
function cellRange(row: Range, index: number, lines: LineIndex): Range {
  const text = lines.lineText(row.line);
  const pipes: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '|' && text[i - 1] !== '\\') pipes.push(i);
  const leading = text.trimStart().startsWith('|') ? 1 : 0;
  const start = index + leading - 1 >= 0 ? pipes[index + leading - 1] : -1;
  const end = pipes[index + leading] ?? text.length;
  if (start === undefined) return row;
  let from = start + 1;
  let to = end;
  while (from < to && text[from] === ' ') from++;
  while (to > from && text[to - 1] === ' ') to--;
  return { line: row.line, column: from + 1, endLine: row.line, endColumn: to + 1 };
}
