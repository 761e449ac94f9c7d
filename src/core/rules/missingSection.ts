/** `missing-section`: a template section the document lacks, reported once at its highest missing level. */
import { repeatableGroup } from '../document/match';
import { insertionLine } from '../document/missingPlaces';
import type { RootContent } from 'mdast';
import { isMarkedNotApplicable, ownContent } from '../document/sectionContent';
import { type DocSection, headingRange } from '../parse/sections';
import { defineRule, type DocumentHit } from './rule';

export const missingSectionRule = defineRule({
  id: 'missing-section',
  severity: 'warning',
  description: {
    en: 'A section of the template is missing from the document.',
    ko: '템플릿의 섹션이 문서에 없습니다.',
  },
  message: {
    en: (p) => `Section "${p.title}" of the template is missing.`,
    ko: (p) => `템플릿의 "${p.title}" 섹션이 없습니다.`,
  },
  fixes: ['insert-section'],
  docs:
    'A template section the document lacks, reported once at its highest missing level, on the nearest enclosing\n' +
    'heading that exists (the H1 for a top-level section). A section the template marks optional — an HTML comment\n' +
    'containing "optional" or 선택 on or just before its heading, or a condition in its title (`(레거시 시스템이 있는 경우)`,\n' +
    '`(if …)`) — may be left out; when present it is checked like any other. The sub-sections of a section answered\n' +
    '"not applicable" (`해당 없음`, `N/A` as its only content, or `(해당 없음)` after its title) are not asked for. Placeholder\n' +
    'headings (`### {option 1}`) stand for any number of headings, none included when their section holds\n' +
    'something else (the options as a list).',
  checkDocument({ template, match, top, title, lines }) {
    const hits: DocumentHit[] = [];
    // Read once per section that has missing sub-sections, however many they are.
    const contents = new Map<DocSection, RootContent[]>();
    const contentOf = (section: DocSection) => {
      let content = contents.get(section);
      if (!content) contents.set(section, (content = ownContent(section, template)));
      return content;
    };
    for (const templateSection of template.sections) {
      // An optional section (an "optional" comment, or a condition in its title) may be left out.
      if (match.has(templateSection) || templateSection.optional) continue;
      const parent = templateSection.parent;
      if (parent && !match.has(parent)) continue; // reported once, at the highest missing level
      const anchor = parent ? match.get(parent)! : top;
      // `## 9. AI/ML (해당 없음)`, or a section answered "N/A": its left-out sub-sections are answered too.
      if (parent && isMarkedNotApplicable(anchor, contentOf(anchor))) continue;
      // A group of placeholder headings (`{option 1}`, `<scenario 1>`) stands for any number of
      // headings: it is missing once, when none is there and the section holding it has nothing else either (the
      // options as a list, the scenario as a diagram fill it as well).
      const group = repeatableGroup(templateSection, template.topLevel);
      if (group && (group[0] !== templateSection || group.some((member) => match.has(member)) || contentOf(anchor).length > 0)) continue;
      const range = anchor.heading ? headingRange(anchor, lines) : title ? headingRange(title, lines) : lines.lineRange(1);
      hits.push({
        anchor,
        templateSection,
        range,
        params: { title: templateSection.title },
        data: { kind: 'missing-section', templateSectionId: templateSection.id, insertAfterLine: insertionLine(anchor, templateSection, template, match, lines) },
      });
    }
    return hits;
  },
});
