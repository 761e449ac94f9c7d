/** `placeholder`: text the template asks the author to replace is still there. */
import { excerpt } from '../messages';
import { isPlaceholderFence } from '../template';
import { placeholderKey } from '../text';
import { defineRule, NONE, type RuleHit } from './rule';
import { isUnchosenCell } from './unchosenOption';

/** Fences in these languages hold data, where `[a]` or `{x}` is a value, not a placeholder. */
const DATA_LANGUAGES = /^(?:json5?|jsonc|ya?ml|toml|ini|csv|js|javascript|ts|typescript|python|py|java|go|sql)$/iu;

export const placeholderRule = defineRule({
  id: 'placeholder',
  severity: 'warning',
  description: {
    en: "A placeholder of the template has not been replaced.",
    ko: '템플릿의 자리표시자가 아직 채워지지 않았습니다.',
  },
  message: {
    en: (p) => `Placeholder ${p.text} has not been replaced.`,
    ko: (p) => `자리표시자 ${p.text}이(가) 아직 채워지지 않았습니다.`,
  },
  fixes: ['not-applicable'],
  docs:
    'A code fence whose whole content is one `{…}` or `[…]` line (`[네트워크 토폴로지 다이어그램]`), or an item that is exactly\n' +
    'one of the template\'s placeholders (`- {문서명}: {파일 위치}`, `- ...`). `values-{env}.yaml` is content.',
  checkItem(item, { schema, template }) {
    const tokens = template.placeholderTokens;
    const isToken = (text: string) => text.length > 0 && tokens.has(placeholderKey(text));
    switch (item.kind) {
      case 'field':
        return isToken(item.value) ? [{ range: item.range, params: { text: excerpt(item.value) }, data: { kind: 'field', label: item.label, value: item.valueRange } }] : NONE;
      case 'row': {
        const hits: RuleHit[] = [];
        item.cells.forEach((cell, i) => {
          if (isToken(cell) && !isUnchosenCell(item, i, schema)) hits.push({ range: item.range, params: { text: excerpt(cell) } });
        });
        return hits;
      }
      case 'fence':
        return isPlaceholderFence(item.content, tokens) && !DATA_LANGUAGES.test(item.lang) ? [{ range: item.range, params: { text: excerpt(item.content.trim()) } }] : NONE;
      case 'text':
        return isToken(item.text) ? [{ range: item.range, params: { text: excerpt(item.text) } }] : NONE;
      default:
        return NONE;
    }
  },
});
