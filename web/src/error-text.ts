// The text shown for a failed request: the server's own message in English, a translation by error code otherwise.
import { ApiError } from './api';
import { currentLanguage } from './i18n';
import { strings } from './strings';

// Codes whose server message carries the detail the user needs (which parameter, which line).
const WITH_DETAIL = new Set(['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'NOT_CONFIGURED', 'KQL']);

/** What to tell the user about `error`. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return strings.errors.generic;
  if (currentLanguage() === 'en') return error.message;
  const known = strings.errors.codes[error.code];
  if (!known) return error.message;
  return WITH_DETAIL.has(error.code) ? `${known}（${error.message}）` : known;
}
