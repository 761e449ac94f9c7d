/** The read-only tools: check, outline, template_section, list_documents. Thin calls into the CLI's and the engine's functions. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { analyze, findTemplateSection, isTemplateFile, outlineReport, templateFileReason, progressPercent, sectionNames, templateSectionReport } from '../core';
import { analyzeForCheck } from '../node/analyzeFile';
import { displayPath, expandPaths, readTextFile } from '../node/files';
import { formatJson, formatText } from '../report/formats/check';
import { formatOutline } from '../report/outlineText';
import { isFolder, ToolError, type WorkingFolder } from './folder';
import { answer } from './answer';

/** What `check` and `outline` name a document given as text without a path (as for standard input). */
const TEXT_NAME = '-';

export function registerReadTools(server: McpServer, folder: WorkingFolder): void {
  const source = {
    path: z.string().optional().describe('A Markdown file below the working folder (relative to it, or absolute).'),
    text: z.string().optional().describe('The document text to check instead of reading the file (a draft); `path` then only names it.'),
    template: z.string().optional().describe('A template id (see the archdoc://templates resources): check against this template, as `archdoc check --template ID`.'),
  };

  /** The document's text and name: given text, else the file read from the folder. */
  const documentOf = (input: { path?: string; text?: string }) => {
    if (input.text === undefined && input.path === undefined) throw new ToolError('give `path` (a file below the working folder) or `text` (the document)');
    const resolved = input.path === undefined ? undefined : folder.resolve(input.path);
    const text = input.text ?? folder.readDocument(resolved!);
    return { text, name: resolved?.display ?? TEXT_NAME };
  };

  server.registerTool(
    'check',
    {
      title: 'Check an architecture document',
      description:
        "The open slots of an architecture document (empty fields and table cells, placeholders, unchosen options, missing and empty sections) with rule, line and message, and its completion: exactly `archdoc check --format json` for one file. A Markdown file that is not an architecture document gives `files: []`.",
      inputSchema: source,
      annotations: { readOnlyHint: true },
    },
    async (input) => {
      const { text, name } = documentOf(input);
      const context = folder.context(input.template);
      const templateReason = input.text === undefined ? templateFileReason(folder.resolve(input.path!).real, context.templateFiles ?? []) : undefined;
      if (templateReason) return answer(`${name}: ${templateReason}, not a document; not checked.\n`, JSON.parse(formatJson([])));
      const analysis = analyzeForCheck(text, name, context, input.template !== undefined);
      const checked = analysis.templateId ? [{ path: name, analysis }] : [];
      const note = analysis.skippedReason ? `${name}: ${analysis.skippedReason}\n` : '';
      return answer(formatText(checked, checked.length ? [] : [name]) + note, JSON.parse(formatJson(checked)));
    },
  );

  server.registerTool(
    'outline',
    {
      title: 'Completeness tree of an architecture document',
      description:
        'The sections of an architecture document as a tree, each with filled/total slots, its state (complete, partial, empty, missing, none) and its open slots with their lines; missing template sections are placed where they belong.',
      inputSchema: source,
      annotations: { readOnlyHint: true },
    },
    async (input) => {
      const { text, name } = documentOf(input);
      const context = folder.context(input.template);
      const analysis = analyze(text, { templates: context.templates, locale: context.locale, options: { ...context.settings, path: name, templateId: input.template } });
      if (!analysis.templateId) throw new ToolError(`${name}: not an architecture document${analysis.skippedReason ? ` (${analysis.skippedReason})` : ''}`);
      const recognised = { ...analysis, templateId: analysis.templateId };
      return answer(formatOutline(name, recognised), outlineReport(name, recognised));
    },
  );

  server.registerTool(
    'template_section',
    {
      title: 'A template section to write from',
      description:
        "One section of a template: its Markdown skeleton (heading, fields, tables, sub-sections) and the template's guidance for it, so that the section can be written in the template's form. Name the section by number (`2.2.1`) or title.",
      inputSchema: {
        template: z.string().optional().describe('A template id (default: the first template, high-level-architecture).'),
        section: z.string().describe('The section: its number (`2.2.1`) or its title.'),
      },
      annotations: { readOnlyHint: true },
    },
    async (input) => {
      const context = folder.context(input.template);
      const template = context.templates[0];
      const section = findTemplateSection(template, input.section);
      if (!section) throw new ToolError(`template ${template.id} has no section "${input.section}"; its sections: ${sectionNames(template).join('; ')}`);
      const report = templateSectionReport(template, section);
      const guidance = report.guidance.length ? `Guidance:\n${report.guidance.map((line) => `- ${line}`).join('\n')}\n\n` : '';
      const text = `Section "${report.title}" of template ${template.id}${report.optional ? ' (optional)' : ''}.\n\n${guidance}Skeleton:\n\n${report.skeleton}\n`;
      return answer(text, report);
    },
  );

  server.registerTool(
    'list_documents',
    {
      title: 'Architecture documents in the folder',
      description:
        'The architecture documents below the working folder (or one of its folders), each with its template id, completion (filled/total slots, percent) and number of findings. Dependency, build and template folders and the template files themselves are skipped, as by `archdoc check .`.',
      inputSchema: { folder: z.string().optional().describe('A folder below the working folder (default: the working folder).') },
      annotations: { readOnlyHint: true },
    },
    async (input) => {
      const start = folder.resolve(input.folder ?? '.');
      if (!isFolder(start.real)) throw new ToolError(`${start.display}: not a folder`);
      const { files, errors } = expandPaths([start.real]);
      const context = folder.context();
      const documents = [];
      const problems = errors.map(({ path, reason }) => ({ path: displayPath(path, folder.root), reason }));
      let otherMarkdownFiles = 0;
      for (const file of files) {
        let path;
        try {
          path = folder.resolve(file);
        } catch (error) {
          problems.push({ path: displayPath(file, folder.root), reason: (error as Error).message });
          continue;
        }
        if (isTemplateFile(path.real, context.templateFiles ?? [])) continue;
        const read = readTextFile(path.real);
        if (!read.ok) {
          problems.push({ path: path.display, reason: read.reason });
          continue;
        }
        const analysis = analyzeForCheck(read.text, path.display, context, false);
        if (!analysis.templateId) {
          otherMarkdownFiles++;
          continue;
        }
        const { filled, total } = analysis.progress;
        documents.push({ path: path.display, template: analysis.templateId, completion: { filled, total, percent: progressPercent(analysis.progress) }, findings: analysis.findings.length, ...(analysis.skippedReason ? { skippedReason: analysis.skippedReason } : {}) });
      }
      const lines = documents.map((d) => `${d.path} [${d.template}] ${d.completion.filled}/${d.completion.total} (${d.completion.percent}%), ${d.findings} finding(s)${d.skippedReason ? ` — ${d.skippedReason}` : ''}`);
      lines.push(`${documents.length} architecture document(s) below ${start.display}, ${otherMarkdownFiles} other Markdown file(s).`);
      lines.push(...problems.map(({ path, reason }) => `${path}: ${reason}`));
      return answer(`${lines.join('\n')}\n`, { folder: start.display, documents, otherMarkdownFiles, problems });
    },
  );
}
