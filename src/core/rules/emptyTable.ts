/** `empty-table`: a table with a header and no body rows. */
import { defineRule, NONE } from './rule';

export const emptyTableRule = defineRule({
  id: 'empty-table',
  severity: 'warning',
  description: {
    en: 'A table has a header but no rows.',
    ko: '표에 머리글만 있고 내용 행이 없습니다.',
  },
  message: {
    en: (p) => `Table (${p.columns}) has no rows.`,
    ko: (p) => `표(${p.columns})에 내용 행이 없습니다.`,
  },
  fixes: ['not-applicable'],
  docs: 'A table with a header and no rows (a technology table the template leaves to the author).',
  checkItem(item) {
    if (item.kind !== 'empty-table') return NONE;
    return [{ range: item.range, params: { columns: item.columns.join(', ') } }];
  },
});
