/** The built-in templates, shipped as Markdown data files and embedded by the bundler. */
import adrKorean from '../../../templates/adr-ko.md';
import adrEnglish from '../../../templates/adr.md';
import english from '../../../templates/high-level-architecture.en.md';
import korean from '../../../templates/high-level-architecture.md';
import type { Template } from '../template/template';
import { compileTemplate } from './compileTemplate';

const BUILTIN_TEMPLATE_SOURCES: ReadonlyArray<{ id: string; source: string }> = [
  { id: 'high-level-architecture', source: korean },
  { id: 'high-level-architecture-en', source: english },
  { id: 'adr', source: adrEnglish },
  { id: 'adr-ko', source: adrKorean },
];

let compiled: Template[] | undefined;

/** Compiled once per process; the Korean template first (it is the default). */
export function builtinTemplates(): Template[] {
  compiled ??= BUILTIN_TEMPLATE_SOURCES.map(({ id, source }) => compileTemplate(id, source));
  return compiled;
}
