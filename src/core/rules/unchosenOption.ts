/** `unchosen-option`: a value still equal to the option list the template gives for that field or column. */
import { cellRange } from '../lines';
import type { RowItem } from '../scan';
import type { TemplateSection } from '../template';
import { optionListKey, placeholderKey } from '../text';
import { defineRule, NONE, type RuleHit } from './rule';

export const unchosenOptionRule = defineRule({
  id: 'unchosen-option',
  severity: 'warning',
  description: {
    en: "A value still lists the template's options instead of the chosen one.",
    ko: '값에 고른 것 대신 템플릿의 선택지가 그대로 있습니다.',
  },
  message: {
    en: (p) => `"${p.label}" still lists the template's options (${p.raw}): choose one.`,
    ko: (p) => `"${p.label}"에 템플릿의 선택지(${p.raw})가 그대로 있습니다. 하나를 고르세요.`,
  },
  fixes: ['choose-option', 'not-applicable'],
  docs:
    "A value still equal to the template's option list for the same field or column: `- **주 클라우드**: Azure/AWS/GCP`.\n" +
    'Pick one (`Azure`). A slash in a label (`**RTO/RPO**:`) is not an option list.',
  checkItem(item, { schema, template, lines }) {
    if (item.kind === 'field') {
      const options = item.valueHasEmphasis ? undefined : schema?.fieldOptions.get(item.labelKey);
      // A placeholder value is the placeholder rule's finding.
      if (!options || item.value.length === 0 || template.placeholderTokens.has(placeholderKey(item.value))) return NONE;
      if (optionListKey(item.value) !== optionListKey(options.raw)) return NONE;
      return [{ range: item.range, params: { label: item.label, raw: options.raw }, data: { kind: 'options', options: options.options, value: item.valueRange } }];
    }
    if (item.kind !== 'row') return NONE;
    const hits: RuleHit[] = [];
    item.columnKeys.forEach((key, i) => {
      const options = schema?.columnOptions.get(key);
      if (options && isUnchosenCell(item, i, schema)) {
        hits.push({ range: item.range, params: { label: item.columns[i], raw: options.raw }, data: { kind: 'options', options: options.options, value: cellRange(lines, item.range, i) } });
      }
    });
    return hits;
  },
});

/** The i-th cell still holds the option list the template gives for its column. */
export function isUnchosenCell(row: RowItem, index: number, schema: TemplateSection | undefined): boolean {
  const options = schema?.columnOptions.get(row.columnKeys[index] ?? '');
  const cell = row.cells[index];
  return options !== undefined && cell.length > 0 && optionListKey(cell) === optionListKey(options.raw);
}
