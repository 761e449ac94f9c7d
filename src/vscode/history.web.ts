/** The web build cannot run git: the overview shows no history there (scripts/build.mjs picks this file for it). */
import type { HistorySource } from './overview';

export const historySource: HistorySource | undefined = undefined;
