/** The archdoc engine: pure TypeScript, no `vscode`, no Node built-ins. */
export { analyze, analyzeParsed, emptyAnalysis, stripBom, type AnalysisContext } from './analyze';
export { builtinTemplates } from './builtin';
export { toLocale, type Locale } from './messages';
export { isRuleId, ruleById, RULE_IDS, RULES, type FixKind, type Rule } from './rules';
export { getParseCount, parseMarkdown, type ParseResult } from './parse';
export { matchesAny } from './recognize';
export { compileTemplate, type Template, type TemplateSection } from './template';
export * from './types';
export { applyEdits, chooseOptionEdit, insertMissingSectionsEdits, insertSectionEdit, notApplicableEdits, notApplicableText, sectionNotApplicableEdits, type TextEdit } from './edits';
export { sectionSnippetBody, templateSnippets, type SnippetDefinition } from './snippets';
export { IncrementalParser, ONE_PARSE_CHUNK_LENGTH } from './incremental';
export { AnalysisCache } from './analysisCache';
export { checkedFileReport, progressPercent, ruleDocsUrl } from './report';
export * from './policy';
export * from './editor';
export * from './agents';
