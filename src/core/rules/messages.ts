/** The UI language of findings (each rule carries its own texts) and short excerpts for messages. */

export type Locale = 'en' | 'ko';

export function toLocale(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** Short text for a quoted excerpt in a message. */
export function excerpt(text: string, max = 40): string {
  const single = text.replace(/\s+/gu, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}
