/** `archdoc outline`: the completeness tree as indented text. */
import { type Analysis, progressPercent, type SectionNode } from '../core';

export function formatOutline(title: string, analysis: Analysis): string {
  const out = [`${title} — ${describe(analysis.progress.filled, analysis.progress.total)}`, `  template ${analysis.templateId}, ${recognition(analysis)}`];
  for (const slot of analysis.preambleSlots) out.push(`  · ${slot.label} (line ${slot.line})`);
  const visit = (node: SectionNode, depth: number) => {
    const indent = '  '.repeat(depth);
    const status = node.missing ? 'MISSING' : describe(node.progress.filled, node.progress.total);
    out.push(`${indent}${node.title}${node.renamedFrom ? ` (renamed from "${node.renamedFrom}")` : ''}  ${status}`);
    for (const child of node.children) visit(child, depth + 1);
    if (!node.missing) for (const slot of node.openSlots) out.push(`${indent}  · ${slot.label} (line ${slot.line})`);
  };
  for (const node of analysis.sections) visit(node, 0);
  return `${out.join('\n')}\n`;
}

/** How the document was recognised as written from its template. */
function recognition(analysis: Analysis): string {
  const sections = analysis.recognizedSections;
  switch (analysis.recognition) {
    case 'front-matter':
      return 'named in the front matter';
    case 'title':
      return 'recognised by the title';
    case 'structure':
      return `recognised by its section titles (${sections?.matched} of ${sections?.total} top-level sections)`;
    case 'include':
      return 'by the archdoc.include setting';
    default:
      return 'chosen with --template';
  }
}

function describe(filled: number, total: number): string {
  if (total === 0) return '–';
  if (filled === total) return `${filled}/${total} ✓`;
  return `${filled}/${total} (${progressPercent({ filled, total })}%)`;
}
