/**
 * One parse → one analysis: recognition, section matching, the slot model of each section, the rule table, and the
 * outline with progress. Never throws: an internal failure becomes a skipped analysis with its reason.
 *
 * The analysis runs as steps (one per chunk parsed and per section analysed) with a memo of per-section results, so
 * that the same code serves a one-off analysis (run at once, empty memo), a document being edited (the memo of its
 * previous versions) and a large document's first analysis in slices that hand the thread back.
 */
import type { RootContent } from 'mdast';
import { AnalysisMemo } from './analysisMemo';
import { LineIndex } from '../parse/lines';
import type { Locale } from '../rules/messages';
import { matchSections } from '../document/match';
import { buildOutline, toOpenSlot } from './outline';
import { type IncrementalParseResult, IncrementalParser, ONE_PARSE_CHUNK_LENGTH } from '../parse/incremental';
import type { ParseResult } from '../parse/parse';
import { matchesAny, mentionsTemplate, quickTemplateId, type Recognition, recognize } from '../document/recognize';
import { RULES, ruleById } from '../rules';
import { frontMatterItems } from '../document/frontMatterItems';
import { type ScanItem, scanBlocks } from '../template/scan';
import { buildSections, contentRoot, type DocSection, headingTitle } from '../parse/sections';
import { evaluateSection, type SectionSlots, settleSlots, toFinding } from './slots';
import { atOnce, finish, type Steps } from '../parse/steps';
import { collectSuppressions, isSuppressed, SUPPRESSION_MARK } from './suppress';
import type { Template, TemplateSection } from '../template/template';
import { type Analysis, type AnalyzeOptions, DEFAULT_MAX_FILE_SIZE, type Finding, type Severity } from './types';

export interface AnalysisContext {
  templates: readonly Template[];
  options?: AnalyzeOptions;
  locale?: Locale;
}

/**
 * Analyses a text at once: the incremental analysis with nothing cached. By default the text is parsed chunk by
 * chunk, a few sections each (the same tree as one parse, and time linear in the number of sections, where one parse
 * of thousands of sections is not); `parse` replaces that.
 */
export function analyze(text: string, context: AnalysisContext, parse?: (text: string) => ParseResult): Analysis {
  const parser = new IncrementalParser({ minChunkLength: ONE_PARSE_CHUNK_LENGTH });
  const parseSteps = parse ? (body: string) => atOnce(() => parse(body)) : (body: string) => parser.parseSteps(body);
  return finish(analysisSteps(text, context, parseSteps, new AnalysisMemo()));
}

/** `analyze` as steps: `parse` parses in steps, `memo` holds what earlier versions of the document computed. */
export function* analysisSteps(text: string, context: AnalysisContext, parse: (text: string) => Steps<ParseResult | IncrementalParseResult>, memo: AnalysisMemo): Steps<Analysis> {
  try {
    const body = stripBom(text);
    const options = context.options ?? {};
    const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (exceedsBytes(body, maxSize)) {
      // Too large to parse: say so only when it looks like an architecture document, so other Markdown stays quiet.
      const templateId = quickTemplateId(body, context.templates);
      const reason = `Skipped: the file is larger than archdoc.maxFileSize (${maxSize} bytes).`;
      return templateId ? { ...emptyAnalysis(reason), templateId } : emptyAnalysis();
    }
    // Most Markdown is not an architecture document: skip the parse when no template title even occurs in the text.
    if (!options.templateId && !includes(options) && !mentionsTemplate(body, context.templates)) return emptyAnalysis();
    yield;
    return yield* analyzeParsedSteps(body, yield* parse(body), context, memo);
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

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** An analysis of nothing: not an architecture document, or not analysed for `skippedReason`. */
export function emptyAnalysis(skippedReason?: string): Analysis {
  return { progress: { filled: 0, total: 0 }, findings: [], sections: [], preambleSlots: [], skippedReason };
}

/** Analyses an already parsed text. */
export function analyzeParsed(text: string, parsed: ParseResult, context: AnalysisContext): Analysis {
  return finish(analyzeParsedSteps(text, parsed, context, new AnalysisMemo()));
}

function* analyzeParsedSteps(text: string, parsed: ParseResult | IncrementalParseResult, context: AnalysisContext, memo: AnalysisMemo): Steps<Analysis> {
  // Positions inside top-level nodes are read only where blocks are looked into, and settled there.
  const settle = 'settle' in parsed ? (blocks: readonly RootContent[]) => parsed.settle(blocks) : () => undefined;
  const options = context.options ?? {};
  const locale = context.locale ?? 'en';
  const forced = options.templateId ? context.templates.find((template) => template.id === options.templateId) : undefined;
  // Heading titles are read once per node (recognition and the section tree ask for them): in steps, the first time.
  for (const node of parsed.root.children) {
    if (node.type === 'heading') {
      headingTitle(node);
      yield;
    }
  }
  const recognition: Recognition = forced ? { template: forced, by: 'forced' } : recognize(parsed.root, context.templates, options.path, options.include);
  if (parsed.error) {
    // Nothing to read from a failed parse: recognise from the raw text so the reason is shown where it matters.
    const templateId = forced?.id ?? quickTemplateId(text, context.templates);
    return templateId ? { ...emptyAnalysis(parsed.error), templateId } : emptyAnalysis();
  }
  const template = recognition.template;
  if (!template) return emptyAnalysis(recognition.problem);

  const lines = new LineIndex(text);
  yield;
  // A leading H1 is the document's title unless it is one of the template's sections (`# 1. 개요` in a document
  // recognised by its front matter).
  const sectionKeys = new Set(template.sections.flatMap((section) => [section.keys.full, section.keys.core]));
  const tree = buildSections(parsed.root, lines.lineCount, text.length, (keys) => !sectionKeys.has(keys.full) && !sectionKeys.has(keys.core));
  const top = contentRoot(tree);
  const itemsBySection = new Map<DocSection, ScanItem[]>();
  for (const section of [tree.root, ...tree.all]) {
    itemsBySection.set(
      section,
      memo.items(section, () => {
        settle(section.blocks);
        return scanBlocks(section.blocks, lines);
      }),
    );
    yield;
  }
  const itemsOf = (section: DocSection): ScanItem[] => itemsBySection.get(section)!;
  const { match, templateOf, renamed } = matchSections(template.sections, tree.all.filter((section) => section !== tree.title), top, itemsOf);
  yield;
  // A section the author added under a template section's title (a second copy, say) keeps that section's options.
  const sameTitled = new Map<string, TemplateSection>();
  for (const templateSection of template.sections) sameTitled.set(templateSection.keys.full, templateSection);

  const withDirectives = memo.blocksWithDirectives(parsed.root, SUPPRESSION_MARK);
  settle(withDirectives);
  const suppressions = collectSuppressions({ type: 'root', children: withDirectives });
  yield;
  const severities = options.severity ?? {};
  const keep = (finding: Finding): boolean => severities[finding.rule] !== 'off' && !isSuppressed(suppressions, finding.rule, finding.line);
  const slotContext = { template, lines, locale };
  const own = new Map<DocSection, SectionSlots>();
  for (const section of [tree.root, ...tree.all]) {
    const matched = templateOf.get(section);
    const schema = matched ?? sameTitled.get(section.keys.full);
    const evaluate = (items: readonly ScanItem[], isHeadingSection: boolean) => evaluateSection(section, matched, schema, items, isHeadingSection, slotContext);
    // The template's front-matter keys are fields of the document's top section (its title's own content).
    // The title and the preamble are no heading sections of the template.
    if (section === top) own.set(section, evaluate([...frontMatterItems(text, template, lines), ...itemsOf(section)], false));
    else if (section === tree.root || section === tree.title) own.set(section, evaluate(itemsOf(section), false));
    else own.set(section, memo.slots(section, { template, locale, templateSection: matched, schema, hasChildren: section.children.length > 0 }, () => evaluate(itemsOf(section), true)));
    yield;
  }
  const ownOf = (section: DocSection) => settleSlots(own.get(section)!, keep);
  const missingBySection = new Map<DocSection, Array<{ templateSection: TemplateSection; finding: Finding }>>();
  for (const rule of RULES) {
    for (const hit of rule.checkDocument?.({ template, match, top, title: tree.title, lines }) ?? []) {
      const finding = toFinding(rule, hit, locale, lines);
      if (!keep(finding)) continue;
      const entries = missingBySection.get(hit.anchor) ?? [];
      entries.push({ templateSection: hit.templateSection, finding });
      missingBySection.set(hit.anchor, entries);
    }
  }

  const outline = buildOutline(top, { own: ownOf, missing: (section) => missingBySection.get(section) ?? [], templateOf, renamed, match, lines });
  const allFindings = outline.findings;
  let preamble: Finding[] = [];
  let progress = outline.root.progress;
  if (top !== tree.root) {
    // Content before the title (rare) still counts.
    const before = ownOf(tree.root);
    preamble = before.findings;
    allFindings.push(...preamble);
    progress = { filled: progress.filled + before.filled, total: progress.total + before.total };
  }
  const documentUnstarted = progress.filled === 0;
  const quiet = options.unstartedSections ?? 'information';
  const unstartedPreamble = documentUnstarted ? new Set(preamble) : new Set<Finding>();
  const severityOf = (finding: Finding): Severity => {
    const setting = severities[finding.rule];
    const base = setting && setting !== 'off' ? setting : (ruleById(finding.rule)?.severity ?? 'warning');
    // Warnings in a section the author has not started yet are shown less loudly (a fresh template is not 150 warnings).
    const unstarted = outline.unstarted.has(finding) || unstartedPreamble.has(finding);
    return unstarted && base === 'warning' ? quiet : base;
  };
  // The findings were made by this analysis and the open slots point at them: settle their severity in place.
  for (const finding of allFindings) finding.severity = severityOf(finding);
  const findings = [...allFindings].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  return {
    templateId: template.id,
    recognition: recognition.by,
    recognizedSections: recognition.sections,
    progress,
    findings,
    sections: outline.root.children,
    preambleSlots: [...preamble.map(toOpenSlot), ...outline.root.openSlots],
  };
}
