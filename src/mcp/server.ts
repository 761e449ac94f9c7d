/**
 * `archdoc mcp`: the engine as a Model Context Protocol server over stdin/stdout, for coding agents. Protocol
 * messages only on stdout; everything else goes to the log (stderr). Read-only unless writes are allowed.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Locale } from '../core';
import { WorkingFolder } from './folder';
import { registerReadTools } from './readTools';
import { registerWriteTools } from './writeTools';

declare const ARCHDOC_VERSION: string;

export interface McpOptions {
  /** The working folder: documents are read (and written) only below it. */
  folder: string;
  allowWrites: boolean;
  locale: Locale;
  log: (text: string) => void;
}

const INSTRUCTIONS = `archdoc knows which fields, table cells, placeholders, option lists and sections of an architecture document's template are still open.
Use list_documents to find the documents, check or outline to see what is open (by line), template_section to write a section in the template's form, and check again after editing.`;

/** The server with its tools and template resources, not yet connected. */
export function createArchdocServer(options: McpOptions): McpServer {
  const folder = new WorkingFolder(options.folder, options.locale, options.log);
  const server = new McpServer({ name: 'archdoc', version: ARCHDOC_VERSION }, { instructions: INSTRUCTIONS });
  registerReadTools(server, folder);
  if (options.allowWrites) registerWriteTools(server, folder);
  server.registerResource(
    'template',
    new ResourceTemplate('archdoc://templates/{id}', {
      list: () => ({
        resources: folder.context().available.map((template) => ({ uri: `archdoc://templates/${encodeURIComponent(template.id)}`, name: template.id, title: template.title, mimeType: 'text/markdown' })),
      }),
    }),
    { title: 'Architecture document templates', description: 'The Markdown of each template available in the working folder (built-in, .archdoc/templates/, the archdoc.templates setting).', mimeType: 'text/markdown' },
    (uri, variables) => {
      const id = decodeURIComponent(String(variables.id));
      const template = folder.template(folder.context().available, id);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: template.source }] };
    },
  );
  return server;
}

/** Serves on stdin/stdout until the client closes stdin; a server that cannot start exits with 2. */
export function serveMcp(options: McpOptions): void {
  let server: McpServer;
  try {
    server = createArchdocServer(options);
  } catch (error) {
    options.log(`archdoc mcp: cannot serve ${options.folder}: ${describe(error)}\n`);
    process.exitCode = 2;
    return;
  }
  server
    .connect(new StdioServerTransport())
    .then(() => options.log(`archdoc mcp ${ARCHDOC_VERSION}: serving ${options.folder}${options.allowWrites ? ' (writes allowed)' : ' (read-only)'}\n`))
    .catch((error: unknown) => {
      options.log(`archdoc mcp: ${describe(error)}\n`);
      process.exitCode = 2;
    });
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such folder';
  return error instanceof Error ? error.message : String(error);
}
