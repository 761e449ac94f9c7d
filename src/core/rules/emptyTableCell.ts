/** `empty-table-cell`: a table body row with blank cells. */
import { defineRule, NONE } from './rule';

/** Columns for remarks: a blank cell there says "nothing to remark", not a gap. */
const REMARKS_COLUMN = /^(?:비고|참고|메모|notes?|remarks?|comments?)$/iu;

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
  docs:
    'A table body row with blank cells; the message names the columns. `| 1 |  | High |  |`. A blank cell in a\n' +
    'remarks column (`비고`, `참고`, `메모`, `Notes`, `Remarks`, `Comments`) is not reported: it says there is nothing to remark.',
  checkItem(item) {
    if (item.kind !== 'row') return NONE;
    const columns = item.columns.filter((column, i) => item.blank[i] && !REMARKS_COLUMN.test(column));
    if (columns.length === 0) return NONE;
    return [{ range: item.range, params: { columns: columns.join(', ') }, data: { kind: 'cells', columns, columnCount: item.columns.length } }];
  },
});
