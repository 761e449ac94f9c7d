/** Text into HTML (element content and quoted attribute values): what a document's author wrote stays text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

/** Text into a Markdown table cell: HTML and the cell separator stay text, a line break does not end the row. */
export function escapeMarkdownCell(text: string): string {
  return text.replace(/\\/gu, '\\\\').replace(/[|<>*_`[\]]/gu, (char) => `\\${char}`).replace(/\r?\n/gu, ' ');
}
