/** Git history for the overview on the Node host: the command line's reader, for files on disk. */
import { gitHistory } from '../node/history';
import type { HistorySource } from './overview';

export const historySource: HistorySource | undefined = async (uri, limit, analyse) => (uri.scheme === 'file' ? gitHistory(uri.fsPath, limit, analyse) : []);
