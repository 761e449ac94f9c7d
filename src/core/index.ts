/** The archdoc engine: pure TypeScript, no `vscode`, no Node built-ins. */
export { analyze, analyzeParsed, emptyAnalysis, stripBom, type AnalysisContext } from './analysis/analyze';
export { builtinTemplates } from './analysis/builtin';
export { toLocale, type Locale } from './rules/messages';
export { isRuleId, ruleById, RULE_IDS, RULES, type FixKind, type Rule } from './rules';
export { getParseCount, parseMarkdown, type ParseResult } from './parse/parse';
export { matchesAny } from './document/recognize';
export { compileTemplate } from './analysis/compileTemplate';
export type { Template, TemplateSection } from './template/template';
export * from './analysis/types';
export { applyEdits, chooseOptionEdit, insertMissingSectionsEdits, insertSectionEdit, notApplicableEdits, notApplicableText, sectionNotApplicableEdits, type TextEdit } from './edits/textEdits';
export { sectionSnippetBody, templateSnippets, type SnippetDefinition } from './views/snippets';
export { IncrementalParser, ONE_PARSE_CHUNK_LENGTH } from './parse/incremental';
export { AnalysisCache } from './analysis/analysisCache';
export { checkedFileReport, progressPercent, ruleDocsUrl } from './views/fileReport';
export * from './workspace/policy';
export * from './views';
export * from './views/agents';
