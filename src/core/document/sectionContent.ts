/** What a document section holds of its own (guidance left out), and whether it says that the whole section does not apply. */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isGuidanceBlock } from '../template/guidance';
import type { DocSection } from '../parse/sections';
import type { Template } from '../template/template';
import { isVisibleBlock } from '../parse/visible';

/** The section's visible blocks before its first sub-heading that are not the template's guidance. */
export function ownContent(section: DocSection, template: Template): RootContent[] {
  return section.blocks.filter((block) => isVisibleBlock(block) && !isGuidanceBlock(block, template.guidance));
}

/** The words that say a section does not apply, in a heading aside and as a section's whole content. */
const NOT_APPLICABLE_WORDS = String.raw`해당\s*(?:사항\s*)?없음|미적용|n\/a|not applicable`;
/** The answer as a section's content, with or without a reason after it (`해당 없음 (AI 기능 없음)`, `N/A — no UI`, `없음`). */
const NOT_APPLICABLE = new RegExp(String.raw`^(?:${NOT_APPLICABLE_WORDS}|없음|does not apply)(?=$|[\s.,;:!()—–-])`, 'iu');
/** The answer as a heading aside: `## 9. AI/ML 아키텍처 (해당 없음)`. */
const NOT_APPLICABLE_ASIDE = new RegExp(String.raw`[([](?:${NOT_APPLICABLE_WORDS})[)\]]\s*$`, 'iu');

/**
 * A section whose heading or whole own content says it does not apply: the author answered for its sub-sections
 * too, so those that are left out are not missing. `content` is the section's `ownContent`.
 */
export function isMarkedNotApplicable(section: DocSection, content: readonly RootContent[]): boolean {
  if (section.heading && NOT_APPLICABLE_ASIDE.test(section.title)) return true;
  if (content.length !== 1) return false;
  const [block] = content;
  const answer = block.type === 'paragraph' ? block : block.type === 'list' && block.children.length === 1 ? block.children[0] : undefined;
  return answer !== undefined && NOT_APPLICABLE.test(toString(answer, { includeHtml: false }).trim());
}
