/**
 * The tools that change files (only with `--allow-writes`): the editor's quick fixes "insert section" and "not
 * applicable", applied to the file and nothing else in it.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { type Analysis, applyEdits, EditRequestError, insertSectionByName, notApplicableAtLine, type Template, type TextEdit } from '../core';
import { analyzeForCheck } from '../node/analyzeFile';
import { answer } from './answer';
import { type FolderContext, type ResolvedPath, ToolError, type WorkingFolder } from './folder';

export function registerWriteTools(server: McpServer, folder: WorkingFolder): void {
  const path = z.string().describe('An architecture document below the working folder (relative to it, or absolute).');

  server.registerTool(
    'insert_section',
    {
      title: 'Insert a missing section',
      description:
        "Inserts a template section that the document lacks, as the template's skeleton, where it belongs (the editor's quick fix); nothing else in the file changes. Name the section by number (`2.2.1`) or title.",
      inputSchema: { path, section: z.string().describe('The missing section: its number (`2.2.1`) or its title.') },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    async (input) =>
      edit(folder, input.path, ({ analysis, template, text }) => {
        const { section, edit: insertion } = insertSectionByName(analysis, template, text, input.section);
        return { target: `section "${section.title}"`, edits: [insertion] };
      }),
  );

  server.registerTool(
    'mark_not_applicable',
    {
      title: 'Mark an open slot not applicable',
      description:
        "Writes \"N/A\" (\"해당 없음\" in a Korean template) into the open slots on a line, as the editor's quick fix does; on a section's heading line, into every open slot of that section and its missing sub-sections. Nothing else in the file changes.",
      inputSchema: { path, line: z.number().int().min(1).describe('A 1-based line with an open slot (as `check` reports it), or a section heading line.') },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    async (input) => edit(folder, input.path, ({ analysis, template, text }) => notApplicableAtLine(analysis, template, text, input.line)),
  );
}

interface Document {
  analysis: Analysis;
  template: Template;
  text: string;
}

/** Reads the document, computes the quick fix's edits, writes the result, and reports what changed. */
function edit(folder: WorkingFolder, path: string, compute: (document: Document) => { target: string; edits: TextEdit[] }) {
  const resolved = folder.resolve(path);
  const file = folder.readForEdit(resolved);
  const context = folder.context();
  const analysis = analyzeDocument(resolved, file.text, context);
  const template = context.available.find((candidate) => candidate.id === analysis.templateId)!;
  let change: { target: string; edits: TextEdit[] };
  try {
    change = compute({ analysis, template, text: file.text });
  } catch (error) {
    throw error instanceof EditRequestError ? new ToolError(`${resolved.display}: ${error.message}`) : error;
  }
  const text = applyEdits(file.text, change.edits, file.eol);
  file.write(text);
  const after = analyzeForCheck(text, resolved.display, context, false);
  const lines = change.edits.map((e) => e.range.line);
  const completion = { filled: after.progress.filled, total: after.progress.total };
  const summary = `${resolved.display}: ${change.target} changed at line(s) ${lines.join(', ')}; now ${completion.filled}/${completion.total} slots filled, ${after.findings.length} finding(s).`;
  return answer(`${summary}\n`, { path: resolved.display, changed: change.target, lines, completion, findings: after.findings.length });
}

function analyzeDocument(path: ResolvedPath, text: string, context: FolderContext): Analysis {
  const analysis = analyzeForCheck(text, path.display, context, false);
  if (!analysis.templateId) throw new ToolError(`${path.display}: not an architecture document${analysis.skippedReason ? ` (${analysis.skippedReason})` : ''}`);
  if (analysis.skippedReason) throw new ToolError(`${path.display}: ${analysis.skippedReason}`);
  return analysis;
}
