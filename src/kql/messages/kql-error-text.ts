/**
 * KQL error texts in each language, from a reason code and its parameters: the compiler writes English
 * messages with it, the CLI prints in its language, the web app renders the code an API answer carries.
 * Imports nothing but the tables, so the web app can bundle it.
 */
import { kqlMessagesEn, type KqlMessages } from './kql-messages-en.js';
import { kqlMessagesJa } from './kql-messages-ja.js';

export type { KqlMessages, KqlThing } from './kql-messages-en.js';

/** Every language's table, for the test that checks they have the same reasons. */
export const KQL_MESSAGES = { en: kqlMessagesEn, ja: kqlMessagesJa } satisfies Record<string, KqlMessages>;

export type KqlLanguage = keyof typeof KQL_MESSAGES;

/** The stable reason codes: one per kind of mistake (`unknown-column`, `use-double-equals`, ...). */
export type KqlReason = keyof KqlMessages['reasons'];

/** The parameters the text of `R` takes. */
export type KqlParams<R extends KqlReason> = Parameters<KqlMessages['reasons'][R]> extends [infer P] ? P : Record<string, never>;

/** Parameters as they travel (JSON): names to strings or numbers. */
export type KqlParamValues = Readonly<Record<string, string | number>>;

// Names quoted from the query can be arbitrarily long; a message stays one readable line.
const MAX_DETAIL = 300;

/** Whether `reason` is a code this build knows (an answer may come from another version). */
export function isKqlReason(reason: unknown): reason is KqlReason {
  return typeof reason === 'string' && Object.hasOwn(kqlMessagesEn.reasons, reason);
}

/** The text of `reason` with `params` in `language`, without the position; undefined for an unknown reason. */
export function kqlDetail(reason: string, params: KqlParamValues, language: KqlLanguage = 'en'): string | undefined {
  if (!isKqlReason(reason)) return undefined;
  const text = (KQL_MESSAGES[language].reasons[reason] as (p: KqlParamValues) => string)(params);
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** `line L, column C: text` in `language`; undefined for an unknown reason. */
export function kqlErrorText(
  e: { reason: string; params: KqlParamValues; line: number; column: number },
  language: KqlLanguage = 'en',
): string | undefined {
  const detail = kqlDetail(e.reason, e.params, language);
  return detail === undefined ? undefined : KQL_MESSAGES[language].at({ line: e.line, column: e.column }) + detail;
}
