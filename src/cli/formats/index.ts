/** Every report format of `archdoc check`, by its --format name. */
import type { Locale } from '../../core';
import type { Format } from '../args';
import { type CheckedFile, formatGithub, formatJson, formatSarif, formatText } from '../../report/formats/check';
import { formatGitlab } from './gitlab';
import { formatJunit } from '../../report/formats/junit';
import { formatMarkdown } from '../../report/formats/markdown';

export function formatReport(
  format: Format,
  files: readonly CheckedFile[],
  skipped: readonly string[],
  { version, minCompletion, locale }: { version: string; minCompletion?: number; locale?: Locale },
): string {
  switch (format) {
    case 'text':
      return formatText(files, skipped);
    case 'json':
      return formatJson(files);
    case 'sarif':
      return formatSarif(files, version);
    case 'github':
      return formatGithub(files);
    case 'gitlab':
      return formatGitlab(files);
    case 'junit':
      return formatJunit(files);
    case 'markdown':
      return formatMarkdown(files, minCompletion, locale);
  }
}
