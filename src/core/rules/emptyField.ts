/** `empty-field`: a bold label ending in a colon with nothing after it. */
import { defineRule, NONE } from './rule';

export const emptyFieldRule = defineRule({
  id: 'empty-field',
  severity: 'warning',
  description: {
    en: 'A field (a bold label ending in a colon) has no value.',
    ko: '필드(콜론으로 끝나는 굵은 레이블)에 값이 없습니다.',
  },
  message: {
    en: (p) => (p.missing ? `Front-matter key "${p.label}" of the template is missing.` : `Field "${p.label}" is empty.`),
    ko: (p) => (p.missing ? `템플릿의 front matter 키 "${p.label}"이(가) 없습니다.` : `"${p.label}" 필드가 비어 있습니다.`),
  },
  fixes: ['not-applicable'],
  docs:
    'A list item or paragraph that starts with a bold label ending in `:` and has nothing after it.\n' +
    '`- **응답시간**: ` is reported; `- **핵심 기능**: ` followed by nested bullets is filled; so are `-`, `해당 없음`, `N/A`.\n' +
    'A paragraph label (`**설명**:` on its own line) is filled by the list, table, code or text it introduces.\n' +
    "The template's front-matter keys are fields too: a required key that is missing or has no value is reported\n" +
    '(keys marked optional by a YAML comment, and keys the template fills itself, are not asked for).',
  checkItem(item) {
    if (item.kind === 'meta') {
      if (item.present && item.value.length > 0) return NONE;
      return [{ range: item.range, params: { label: item.key, ...(item.present ? {} : { missing: 'yes' }) }, data: item.present ? { kind: 'field', label: item.key, value: item.valueRange } : undefined }];
    }
    if (item.kind !== 'field' || item.value.length > 0 || item.valueHasMedia || item.filledByFollowing) return NONE;
    return [{ range: item.range, params: { label: item.label }, data: { kind: 'field', label: item.label, value: item.valueRange } }];
  },
});
