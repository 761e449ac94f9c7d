/** Template → schema with its slot counts. */
import { scanBlocks } from '../template/scan';
import { compileTemplateSchema, type Template } from '../template/template';
import { evaluateSection } from './slots';

export function compileTemplate(id: string, source: string): Template {
  const { template, bodies, lines } = compileTemplateSchema(id, source);
  // A section's slots are what the rules find open in the template's own body: one definition, the analysis's.
  for (const [section, doc] of bodies) {
    section.ownSlots = evaluateSection(doc, section, section, scanBlocks(doc.blocks, lines), false, { template, lines, locale: 'en' }).total;
  }
  return template;
}
