/** `placeholder`: text the template asks the author to replace is still there. */
import { inlineSlots, valueData } from './inlineSlots';
import { toString } from 'mdast-util-to-string';
import { excerpt } from './messages';
import { headingRange } from '../parse/sections';
import { templatePlaceholdersIn } from '../template/placeholders';
import { isPlaceholderFence } from '../template/template';
import { defineRule, NONE } from './rule';

/** Fences in these languages hold data, where `[a]` or `{x}` is a value, not a placeholder. */
const DATA_LANGUAGES = /^(?:json5?|jsonc|ya?ml|toml|ini|csv|js|javascript|ts|typescript|python|py|java|go|sql)$/iu;

export const placeholderRule = defineRule({
  id: 'placeholder',
  severity: 'warning',
  description: {
    en: 'A placeholder of the template has not been replaced.',
    ko: '템플릿의 자리표시자가 아직 채워지지 않았습니다.',
  },
  message: {
    en: (p) => `Placeholder ${p.text} has not been replaced.`,
    ko: (p) => `자리표시자 ${p.text}이(가) 아직 채워지지 않았습니다.`,
  },
  fixes: ['not-applicable'],
  docs:
    'A placeholder the template uses, still in the document, wherever it stands: a fence whose whole content is one\n' +
    '`{…}` or `[…]` line (`[네트워크 토폴로지 다이어그램]`), an item that is one (`- {문서명}: {파일 위치}`, `- ...`), a heading kept\n' +
    'as the template wrote it (`### {option 1}`), a token in a\n' +
    'sentence (`Chosen option: "{option A}"`), a table cell (`*\\<Role A\\>*`) or a front-matter value. A placeholder\n' +
    'is known by its words: `{option B}`, `[option B]` and `\\<option B\\>` are the same. Brackets the template does not use\n' +
    '(`values-{env}.yaml`, `{memberId}`, `List<String>`, links, task boxes) are content.',
  checkHeading({ section, template, lines }) {
    if (!section.heading) return NONE;
    // `### {option 1}` kept as it is: the heading still asks for the option's name. Code in a title is content.
    const tokens = templatePlaceholdersIn(toString(section.heading.children.filter((node) => node.type !== 'inlineCode')), template.placeholderWords);
    return tokens.map((token) => ({ range: headingRange(section, lines), params: { text: excerpt(token.text) } }));
  },
  checkItem(item, { template, lines }) {
    if (item.kind === 'fence') {
      return isPlaceholderFence(item.content, template.placeholderTokens) && !DATA_LANGUAGES.test(item.lang)
        ? [{ range: item.range, params: { text: excerpt(item.content.trim()) } }]
        : NONE;
    }
    return inlineSlots(item, template, lines)
      .filter((slot) => slot.kind === 'placeholder')
      .map((slot) => ({ range: slot.range, params: slot.params, data: valueData(item) }));
  },
});
