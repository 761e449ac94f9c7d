/** A tool's result: text for the model, the same answer as data for programs. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export function answer(text: string, data: object): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: data as Record<string, unknown> };
}
