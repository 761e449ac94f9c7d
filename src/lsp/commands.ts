/**
 * `workspace/executeCommand`: insert a template into an empty document, insert every missing section. Each is
 * computed on the document as the client sent it and applied through `workspace/applyEdit`: the client edits its
 * buffer (undoable); the server never writes a file.
 */
import { type Connection, MessageType, ResponseError, ErrorCodes } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { insertMissingSectionsEdits, type Template, type TextEdit } from '../core';
import type { DocumentAnalyses } from './analyses';
import { type ClientAbilities, workspaceEdit } from './features';
import type { Words } from './l10n';

export const INSERT_TEMPLATE = 'archdoc.insertTemplate';
export const INSERT_MISSING_SECTIONS = 'archdoc.insertMissingSections';
export const COMMANDS = [INSERT_TEMPLATE, INSERT_MISSING_SECTIONS];

export interface CommandServices {
  connection: Connection;
  documentOf(uri: string): TextDocument | undefined;
  analyses: DocumentAnalyses;
  templatesOf(uri: string): Template[];
  l10n: Words;
  abilities: ClientAbilities;
}

/** Arguments: the document's URI, then (insert template) a template id. Resolves whether the client applied the edit. */
export async function executeCommand(command: string, args: readonly unknown[], services: CommandServices): Promise<boolean> {
  const uri = args[0];
  const document = typeof uri === 'string' ? services.documentOf(uri) : undefined;
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${command}: the first argument must be the URI of a document open in the editor`);
  if (command === INSERT_TEMPLATE) return insertTemplate(document, typeof args[1] === 'string' ? args[1] : undefined, services);
  if (command === INSERT_MISSING_SECTIONS) {
    const analysis = services.analyses.of(document);
    const template = services.analyses.templateOf(document, analysis);
    return apply(document, template ? insertMissingSectionsEdits(analysis.findings, template, document.getText()) : [], services);
  }
  throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${command}; archdoc has ${COMMANDS.join(', ')}`);
}

/** Only into a document that holds nothing but whitespace: nothing the author wrote is replaced. */
async function insertTemplate(document: TextDocument, templateId: string | undefined, services: CommandServices): Promise<boolean> {
  const { connection, l10n } = services;
  if (document.getText().trim().length > 0) {
    void connection.window.showWarningMessage(l10n.t('archdoc: the template goes into an empty document; this one has text.'));
    return false;
  }
  const templates = services.templatesOf(document.uri);
  let template = templateId === undefined ? (templates.length === 1 ? templates[0] : undefined) : templates.find((candidate) => candidate.id === templateId);
  if (templateId !== undefined && !template) throw new ResponseError(ErrorCodes.InvalidParams, l10n.t('Unknown architecture template "{0}".', templateId));
  if (!template) {
    const picked = await connection.window.showInformationMessage(l10n.t('Choose an architecture template'), ...templates.map((candidate) => ({ title: candidate.id })));
    template = templates.find((candidate) => candidate.id === picked?.title);
  }
  if (!template) return false;
  const end = document.positionAt(document.getText().length);
  return apply(document, [{ range: { line: 1, column: 1, endLine: end.line + 1, endColumn: end.character + 1 }, newText: template.source }], services);
}

async function apply(document: TextDocument, edits: TextEdit[], services: CommandServices): Promise<boolean> {
  if (edits.length === 0) return false;
  const result = await services.connection.workspace.applyEdit({ label: 'archdoc', edit: workspaceEdit(document, edits, services.abilities) });
  if (!result.applied) services.connection.sendNotification('window/logMessage', { type: MessageType.Info, message: `archdoc: the editor did not apply the edit${result.failureReason ? `: ${result.failureReason}` : ''}` });
  return result.applied;
}
