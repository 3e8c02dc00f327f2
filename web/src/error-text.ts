// The text shown for a failed request, in the viewer's language: a KQL mistake from its reason code and parameters
// (with line and column), other errors from their reason or code; the server's own English message for the English
// viewer, and as the detail of a code whose reason this build does not know.
import { schemaTextIn } from '../../src/config/schema-text';
import { isReasonCode, reasonText as rejectReasonText } from '../../src/formats/shared/reject-reason';
import { kqlErrorText } from '../../src/kql/messages/kql-error-text';
import { ApiError } from './api';
import { currentLanguage } from './i18n';
import { strings } from './strings';

// Codes whose server message carries the detail the user needs (which parameter, which line).
const WITH_DETAIL = new Set(['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'NOT_CONFIGURED', 'KQL']);

/** What to tell the user about `error`. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return strings.errors.generic;
  const language = currentLanguage();
  if (error.code === 'KQL' && error.reason !== undefined && error.line !== undefined && error.column !== undefined) {
    const text = kqlErrorText({ reason: error.reason, params: error.params, line: error.line, column: error.column }, language);
    if (text !== undefined) return text;
  }
  const text = language === 'en' ? error.message : reasonText(error.message, error.reason, error.params);
  if (text !== undefined) return text;
  const known = strings.errors.codes[error.code];
  if (!known) return error.message;
  return WITH_DETAIL.has(error.code) ? `${known}（${error.message}）` : known;
}

/**
 * The text of a reason the server named (an API error's, or why an alert rule does not run) in the viewer's language:
 * the server's English for the English viewer; undefined when this build has no text for the reason.
 */
export function reasonText(
  english: string,
  reason: string | undefined,
  params: Readonly<Record<string, string | number>> = {},
): string | undefined {
  const language = currentLanguage();
  if (language === 'en') return english;
  // An alert rule's query at fault: the KQL error it met travels as `kqlReason` with its position and params.
  if (reason === 'alert-query-kql') {
    const { kqlReason, line, column } = params;
    const kql = kqlErrorText({ reason: String(kqlReason), params, line: Number(line), column: Number(column) }, language);
    if (kql !== undefined) return strings.errors.reasons['alert-query-kql']!(kql);
  }
  // A schema's own text (an alert rule's schedule, condition, severity...): its code and values, worded here.
  if (reason === 'value-schema') {
    const { key, schemaText, ...values } = params;
    const text = schemaTextIn({ code: String(schemaText), params: values }, language);
    if (text !== undefined) return strings.errors.reasons['value-schema']!(String(key), text);
  }
  // A reason of the formats' table (a store that stopped an upload): worded by that table.
  if (reason !== undefined && isReasonCode(reason)) return rejectReasonText({ code: reason, params }, language);
  // A weak password: zxcvbn's feedback travels as its keys (a warning, space-separated suggestions).
  if (reason === 'weak-password') return weakPasswordText(params);
  // A reason's text takes its parameters in the order the server names them.
  const text = reason !== undefined ? strings.errors.reasons[reason] : undefined;
  return text ? text(...Object.values(params).map(String)) : undefined;
}

/** The refusal of a weak password with zxcvbn's warning and suggestions in the viewer's language (unknown keys left out). */
function weakPasswordText(params: Readonly<Record<string, string | number>>): string {
  const { passwordWarnings, passwordSuggestions, reasons } = strings.errors;
  const feedback = [
    passwordWarnings[String(params.warning ?? '')],
    ...String(params.suggestions ?? '')
      .split(' ')
      .map((key) => passwordSuggestions[key]),
  ].filter((text): text is string => Boolean(text));
  return [...feedback, reasons['weak-password']!()].join(' ');
}
