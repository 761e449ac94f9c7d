/** `empty-section`: a heading with nothing under it. */
import { headingRange } from '../parse/sections';
import { isMarkedNotApplicable, ownContent } from '../document/sectionContent';
import { defineRule } from './rule';

export const emptySectionRule = defineRule({
  id: 'empty-section',
  severity: 'warning',
  description: {
    en: 'A section has a heading and nothing else.',
    ko: '섹션에 제목만 있고 내용이 없습니다.',
  },
  message: {
    en: (p) => `Section "${p.title}" is empty.`,
    ko: (p) => `"${p.title}" 섹션이 비어 있습니다.`,
  },
  fixes: ['not-applicable'],
  docs:
    'A heading with no content and no sub-sections before the next heading. Guidance is not content: `---`, HTML\n' +
    "comments, help blocks (`<div class=\"formalpara-title\">` …) and the template's own help text copied unchanged.",
  checkSection({ section, template, templateSection, lines }) {
    if (!section.heading || section.children.length > 0) return undefined;
    const content = ownContent(section, template);
    // `## 9. AI/ML 아키텍처 (해당 없음)`: the heading is the answer.
    if (content.length > 0 || isMarkedNotApplicable(section, content)) return undefined;
    // The section's own slots; a section whose template holds only sub-sections adds none (they count as missing).
    const slots = templateSection ? templateSection.ownSlots || (templateSection.children.length > 0 ? 0 : 1) : 1;
    return { range: headingRange(section, lines), params: { title: section.title }, slots };
  },
});
