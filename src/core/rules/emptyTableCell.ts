/** `empty-table-cell`: a table body row with blank cells. */
import { defineRule, NONE } from './rule';

export const emptyTableCellRule = defineRule({
  id: 'empty-table-cell',
  severity: 'warning',
  description: {
    en: 'A table row has blank cells.',
    ko: '표의 행에 빈 칸이 있습니다.',
  },
  message: {
    en: (p) => `Table row has blank cells: ${p.columns}.`,
    ko: (p) => `표 행에 빈 칸이 있습니다: ${p.columns}.`,
  },
  fixes: ['not-applicable'],
  docs: 'A table body row with blank cells; the message names the columns. `| 1 |  | High |  |`',
  checkItem(item) {
    if (item.kind !== 'row') return NONE;
    const columns = item.columns.filter((_, i) => item.blank[i]);
    if (columns.length === 0) return NONE;
    return [{ range: item.range, params: { columns: columns.join(', ') }, data: { kind: 'cells', columns, columnCount: item.columns.length } }];
  },
});
