/** `todo`: a value or a section whose only content is a left-over marker (`TODO`, `TBD`, `작성 예정`). */
import { inlineSlots, valueData } from './inlineSlots';
import { defineRule } from './rule';

export const todoRule = defineRule({
  id: 'todo',
  severity: 'warning',
  description: {
    en: 'A value or section holds only a left-over marker (TODO, TBD, FIXME).',
    ko: '값이나 섹션에 남겨 둔 표시(TODO, 작성 예정 등)만 있습니다.',
  },
  message: {
    en: (p) => (p.label ? `"${p.label}" is still ${p.text}.` : `${p.text} left where content belongs.`),
    ko: (p) => (p.label ? `"${p.label}"이(가) 아직 ${p.text} 상태입니다.` : `내용 대신 ${p.text} 표시가 남아 있습니다.`),
  },
  fixes: ['not-applicable'],
  docs:
    'A value, cell, paragraph or section whose only content is `TODO`, `TBD`, `FIXME`, `작성 예정`, `추후 작성` or\n' +
    '`(TODO: …)`: a promise to write, not content. `-`, `N/A`, `해당 없음`, `없음` are answers and stay filled.',
  checkItem(item, { template, lines }) {
    return inlineSlots(item, template, lines)
      .filter((slot) => slot.kind === 'todo')
      .map((slot) => ({ range: slot.range, params: slot.params, data: valueData(item) }));
  },
});
