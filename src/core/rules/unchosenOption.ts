/** `unchosen-option`: a value still equal to the option list the template gives for that field, column or key. */
import { inlineSlots } from './inlineSlots';
import { cellRange, type Range } from '../parse/lines';
import type { RowItem } from '../template/scan';
import type { OptionList, TemplateSection } from '../template/template';
import { optionListKey, placeholderKey } from '../parse/text';
import { defineRule, type FindingData, NONE, type RuleHit } from './rule';

export const unchosenOptionRule = defineRule({
  id: 'unchosen-option',
  severity: 'warning',
  description: {
    en: "A value still lists the template's options instead of the chosen one (or the values it asks for).",
    ko: '값에 고른 것(또는 채울 값) 대신 템플릿의 선택지가 그대로 있습니다.',
  },
  message: {
    en: (p) =>
      p.each ? `"${p.label}" still reads ${p.raw} as in the template: fill in each of ${p.each}.` : `"${p.label}" still lists the template's options (${p.raw}): choose one.`,
    ko: (p) =>
      p.each ? `"${p.label}"이(가) 템플릿 그대로(${p.raw})입니다. ${p.each} 각각의 값을 채우세요.` : `"${p.label}"에 템플릿의 선택지(${p.raw})가 그대로 있습니다. 하나를 고르세요.`,
  },
  fixes: ['choose-option', 'not-applicable'],
  docs:
    "A value still equal to the template's option list for the same field, column or front-matter key\n" +
    '(`- **주 클라우드**: Azure/AWS/GCP`, `status: {proposed | accepted}`): pick one (`Azure`). Where the template uses the list\n' +
    'itself as the name of something to fill (T0 has a field `**RTO/RPO**:`), `재해복구 목표: RTO/RPO` asks for each value, not\n' +
    'a choice, and the message says so. A slash in a label (`**RTO/RPO**:`) is not an option list.',
  checkItem(item, { schema, template, lines }) {
    const hits: RuleHit[] = inlineSlots(item, template, lines)
      .filter((slot) => slot.kind === 'options')
      .map((slot) => ({ range: slot.range, params: slot.params, data: slot.data }));
    if (item.kind === 'field' || item.kind === 'meta') {
      const options = item.kind === 'field' ? (item.valueHasEmphasis ? undefined : schema?.fieldOptions.get(item.labelKey)) : item.options;
      // A placeholder value is the placeholder rule's finding; a `{a | b}` value was reported above.
      if (hits.length > 0 || !options || item.value.length === 0 || template.placeholderTokens.has(placeholderKey(item.value))) return hits;
      if (optionListKey(item.value) !== optionListKey(options.raw)) return NONE;
      const label = item.kind === 'field' ? item.label : item.key;
      return [optionHit(item.range, label, options, item.valueRange)];
    }
    if (item.kind !== 'row') return hits;
    item.columnKeys.forEach((key, i) => {
      const options = schema?.columnOptions.get(key);
      if (options && isUnchosenCell(item, i, schema)) hits.push(optionHit(item.range, item.columns[i], options, cellRange(lines, item.range, i)));
    });
    return hits;
  },
});

/** A choice offers "choose X" fixes; a list of values to give each (`RTO/RPO`) offers none. */
function optionHit(range: Range, label: string, options: OptionList, value: Range): RuleHit {
  const data: FindingData = options.mode === 'each' ? { kind: 'values', names: options.options, value } : { kind: 'options', options: options.options, value };
  return { range, params: { label, raw: options.raw, ...(options.mode === 'each' ? { each: options.options.join(', ') } : {}) }, data };
}

/** The i-th cell still holds the option list the template gives for its column. */
export function isUnchosenCell(row: RowItem, index: number, schema: TemplateSection | undefined): boolean {
  const options = schema?.columnOptions.get(row.columnKeys[index] ?? '');
  const cell = row.cells[index];
  return options !== undefined && cell.length > 0 && optionListKey(cell) === optionListKey(options.raw);
}
