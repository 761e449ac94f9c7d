/** Finding messages in English and Korean. The VS Code adapter passes the UI language; the CLI passes LANG. */
import type { RuleId } from './types';

export type Locale = 'en' | 'ko';

type Params = Record<string, string>;

const catalog: Record<Locale, Record<RuleId, (p: Params) => string>> = {
  en: {
    'empty-field': (p) => `Field "${p.label}" is empty.`,
    'empty-table-cell': (p) => `Table row has blank cells: ${p.columns}.`,
    'empty-table': (p) => `Table (${p.columns}) has no rows.`,
    placeholder: (p) => `Placeholder ${p.text} has not been replaced.`,
    'unchosen-option': (p) => `"${p.label}" still lists the template's options (${p.raw}): choose one.`,
    'missing-section': (p) => `Section "${p.title}" of the template is missing.`,
    'empty-section': (p) => `Section "${p.title}" is empty.`,
  },
  ko: {
    'empty-field': (p) => `"${p.label}" 필드가 비어 있습니다.`,
    'empty-table-cell': (p) => `표 행에 빈 칸이 있습니다: ${p.columns}.`,
    'empty-table': (p) => `표(${p.columns})에 내용 행이 없습니다.`,
    placeholder: (p) => `자리표시자 ${p.text}이(가) 아직 채워지지 않았습니다.`,
    'unchosen-option': (p) => `"${p.label}"에 템플릿의 선택지(${p.raw})가 그대로 있습니다. 하나를 고르세요.`,
    'missing-section': (p) => `템플릿의 "${p.title}" 섹션이 없습니다.`,
    'empty-section': (p) => `"${p.title}" 섹션이 비어 있습니다.`,
  },
};

export function toLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function message(locale: Locale, rule: RuleId, params: Params): string {
  return catalog[locale][rule](params);
}

/** Short text for a quoted excerpt in a message. */
export function excerpt(text: string, max = 40): string {
  const single = text.replace(/\s+/gu, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}
