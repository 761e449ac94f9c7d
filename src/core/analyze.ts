/** One parse → one analysis: recognition, section matching, slots, completion and the seven rules. */
import { LineIndex } from './lines';
import { type SectionMatch, matchSections } from './match';
import { excerpt, type Locale, message } from './messages';
import { type ParseResult, parseMarkdown } from './parse';
import { recognize } from './recognize';
import { type ScanItem, scanBlocks } from './scan';
import { buildSections, contentRoot, type DocSection, isEmptySection } from './sections';
import { collectSuppressions, isSuppressed } from './suppress';
import { isPlaceholderFence, rowKey, type Template, type TemplateSection } from './template';
import { normalizeKey, optionListKey, placeholderKey } from './text';
import {
  type Analysis,
  type AnalyzeOptions,
  type Completion,
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
    const maxSize = context.options?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (body.length > maxSize) {
      // Too large to parse: say so only when it looks like an architecture document, so other Markdown stays quiet.
      const templateId = quickTemplateId(body, context);
      const reason = `Skipped: the file is larger than archdoc.maxFileSize (${body.length} > ${maxSize} characters).`;
      return templateId ? { ...emptyAnalysis(reason), templateId } : emptyAnalysis();
    }
    return analyzeParsed(body, parse(body), context);
  } catch (error) {
    return emptyAnalysis(`archdoc could not analyse this document: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Recognition without a parse: `archdoc: id` in leading front matter, or the first `# ` line's title. */
function quickTemplateId(text: string, context: AnalysisContext): string | undefined {
  const head = text.slice(0, 64 * 1024);
  const declared = /^---\r?\n[\s\S]*?^archdoc:\s*["']?([\w.-]+)/mu.exec(head)?.[1];
  if (declared) return context.templates.find((template) => template.id === declared)?.id;
  const title = /^#[ \t]+(.+)$/mu.exec(head)?.[1];
  const key = title ? normalizeKey(title) : '';
  return key ? context.templates.find((template) => template.titleKey && key.includes(template.titleKey))?.id : undefined;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function emptyAnalysis(skippedReason?: string): Analysis {
  return { completion: { filled: 0, total: 0 }, findings: [], sections: [], preambleSlots: [], skippedReason };
}

interface SectionResult {
  findings: Finding[];
  filled: number;
  total: number;
}

/** Analyses an already parsed text (the incremental parser hands in its assembled tree). */
export function analyzeParsed(text: string, parsed: ParseResult, context: AnalysisContext): Analysis {
  const options = context.options ?? {};
  const locale = context.locale ?? 'en';
  const forced = options.templateId ? context.templates.find((template) => template.id === options.templateId) : undefined;
  const recognition = forced ? { template: forced, by: 'front-matter' as const } : recognize(parsed.root, context.templates, options.path, options.include);
  if (parsed.error) {
    // Nothing to read from a failed parse: recognise from the raw text so the reason is shown where it matters.
    const templateId = forced?.id ?? quickTemplateId(text, context);
    return templateId ? { ...emptyAnalysis(parsed.error), templateId } : emptyAnalysis();
  }
  const template = recognition.template;
  if (!template) return emptyAnalysis(recognition.problem);

  const lines = new LineIndex(text);
  const tree = buildSections(parsed.root, lines.lineCount, text.length);
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

  const buildNode = (section: DocSection): SectionNode => {
    const own = evaluate(section);
    const ownFindings = own.findings.filter(keep);
    allFindings.push(...ownFindings);
    const templateSection = templateOf.get(section);
    const children = section.children.map(buildNode);
    const missing = (missingBySection.get(section) ?? []).map((entry) => {
      const kept = keep(entry.finding);
      if (kept) allFindings.push(entry.finding);
      return { node: missingNode(entry.templateSection, entry.finding, kept, match), order: entry.templateSection.order };
    });
    const ordered = orderChildren(children, missing, templateOf, section);
    const completion = sumCompletion({ filled: own.filled, total: own.total }, ordered);
    return {
      id: templateSection ? templateSection.id : `doc:${section.startLine}`,
      title: section.title,
      level: section.level,
      range: headingRange(section, lines),
      endLine: section.endLine,
      missing: false,
      templateSectionId: templateSection?.id,
      completion,
      state: stateOf(completion, false),
      children: ordered,
      openSlots: ownFindings.map(toOpenSlot),
    };
  };

  const rootNode = buildNode(top);
  let preamble: Finding[] = [];
  let completion = rootNode.completion;
  if (top !== tree.root) {
    // Content before the title (rare) still counts.
    const before = evaluate(tree.root);
    preamble = before.findings.filter(keep);
    allFindings.push(...preamble);
    completion = { filled: completion.filled + before.filled, total: completion.total + before.total };
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
    recognizedBy: recognition.by,
    completion,
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
  const result: SectionResult = { findings: [], filled: 0, total: 0 };
  const add = (rule: RuleId, range: Range, params: Record<string, string>, data?: FindingData) =>
    result.findings.push({ rule, severity: 'warning', ...range, message: message(locale, rule, params), data });
  const tokens = template.placeholderTokens;
  let placeholdersFound = 0;

  for (const item of items) {
    switch (item.kind) {
      case 'field': {
        const options = item.valueHasEmphasis ? undefined : schema?.fieldOptions.get(item.labelKey);
        if (item.value.length > 0 && tokens.has(placeholderKey(item.value))) {
          add('placeholder', item.range, { text: excerpt(item.value) });
        } else if (item.value.length === 0 && !item.valueHasMedia && !item.filledByFollowing) {
          add('empty-field', item.range, { label: item.label }, { kind: 'field', label: item.label, value: item.valueRange });
        } else if (options && optionListKey(item.value) === optionListKey(options.raw)) {
          add('unchosen-option', item.range, { label: item.label, raw: options.raw }, { kind: 'options', options: options.options, value: item.valueRange });
        } else if (isPrefilledValue(schema?.prefilledFields.get(item.labelKey), item.value)) {
          break; // the template's own pre-filled text: neither a gap nor the author's work
        } else {
          result.filled++;
          result.total++;
          break;
        }
        result.total++;
        break;
      }
      case 'row': {
        const blankColumns = item.columns.filter((_, i) => item.blank[i]);
        let open = false;
        if (blankColumns.length > 0) {
          add('empty-table-cell', item.range, { columns: blankColumns.join(', ') }, { kind: 'cells', columns: blankColumns });
          open = true;
        }
        item.cells.forEach((cell, i) => {
          const options = schema?.columnOptions.get(item.columnKeys[i] ?? '');
          if (options && cell.length > 0 && optionListKey(cell) === optionListKey(options.raw)) {
            add('unchosen-option', item.range, { label: item.columns[i], raw: options.raw }, { kind: 'options', options: options.options, value: cellRange(item.range, i, lines) });
            open = true;
          } else if (cell.length > 0 && tokens.has(placeholderKey(cell))) {
            add('placeholder', item.range, { text: excerpt(cell) });
            open = true;
          }
        });
        if (!open && schema && schema.prefilledRows.size > 0 && schema.prefilledRows.has(rowKey(item.cells))) break;
        result.total++;
        if (!open) result.filled++;
        break;
      }
      case 'empty-table':
        add('empty-table', item.range, { columns: item.columns.join(', ') });
        result.total++;
        break;
      case 'fence':
        if (isPlaceholderFence(item.content, tokens) && !DATA_LANGUAGES.test(item.lang)) {
          add('placeholder', item.range, { text: excerpt(item.content.trim()) });
          placeholdersFound++;
          result.total++;
        }
        break;
      case 'text':
        if (tokens.has(placeholderKey(item.text))) {
          add('placeholder', item.range, { text: excerpt(item.text) });
          placeholdersFound++;
          result.total++;
        }
        break;
    }
  }

  if (isHeadingSection && isEmptySection(section)) {
    add('empty-section', headingRange(section, lines), { title: section.title });
    result.total += Math.max(1, templateSection?.ownSlots ?? 1);
    return result;
  }
  // Template placeholders the author replaced with content count as filled slots (deleting one is not progress:
  // a section left with nothing visible is empty, above).
  const replaced = Math.max(0, (templateSection?.placeholderCount ?? 0) - placeholdersFound);
  result.filled += replaced;
  result.total += replaced;
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

function missingNode(templateSection: TemplateSection, finding: Finding, reported: boolean, match: SectionMatch): SectionNode {
  const completion = { filled: 0, total: Math.max(1, missingSlots(templateSection, match)) };
  return {
    id: templateSection.id,
    title: templateSection.title,
    level: templateSection.level,
    range: { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
    endLine: finding.line,
    missing: true,
    templateSectionId: templateSection.id,
    completion,
    state: 'missing',
    children: [],
    openSlots: reported ? [toOpenSlot(finding)] : [],
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

function sumCompletion(own: Completion, children: readonly SectionNode[]): Completion {
  return children.reduce((sum, child) => ({ filled: sum.filled + child.completion.filled, total: sum.total + child.completion.total }), own);
}

function stateOf(completion: Completion, missing: boolean): SectionState {
  if (missing) return 'missing';
  if (completion.total === 0) return 'none';
  if (completion.filled === completion.total) return 'complete';
  return completion.filled === 0 ? 'empty' : 'partial';
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
