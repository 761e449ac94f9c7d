/**
 * The server's words in the client's language: the extension's own bundle (l10n/bundle.l10n.ko.json), so that the
 * quick fixes and the tree read the same in every editor. `l10n.t` takes the English text, as vscode.l10n.t does.
 */
import korean from '../../l10n/bundle.l10n.ko.json';
import type { Locale, OutlineWords } from '../core';

const bundles: Record<Locale, Record<string, string>> = { en: {}, ko: korean };

export class Words {
  constructor(readonly locale: Locale) {}

  t(message: string, ...args: Array<string | number>): string {
    const text = bundles[this.locale][message] ?? message;
    return text.replace(/\{(\d+)\}/gu, (whole, index: string) => (args[Number(index)] === undefined ? whole : String(args[Number(index)])));
  }

  outline(): OutlineWords {
    return {
      missing: this.t('missing'),
      line: (line) => this.t('line {0}', line),
      renamed: (title) => this.t('renamed from "{0}"', title),
    };
  }
}
