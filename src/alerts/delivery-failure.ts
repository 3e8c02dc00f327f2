/**
 * Why an alert could not be delivered, as a stable code with its parameters: the outcome and the delivery history keep
 * the code, the parameters (redacted) and the English text, and each reader (CLI, web app) writes the text in its own
 * language from delivery-failures-en.ts and delivery-failures-ja.ts. Pure (no I/O): the web app imports it too.
 */
import { DELIVERY_FAILURES_EN, GIVING_UP_EN, type DeliveryFailureCode } from './delivery-failures-en.js';
import { DELIVERY_FAILURES_JA, GIVING_UP_JA } from './delivery-failures-ja.js';

export type { DeliveryFailureCode };

export type DeliveryFailureParams = Readonly<Record<string, string | number>>;

/** A failure as JSON carries it; `retryAfterS` is set when the receiver asked to wait longer than the scheduler waits. */
export interface DeliveryFailureJson {
  code: string;
  params?: DeliveryFailureParams;
  retryAfterS?: number;
}

export type DeliveryFailureTexts = Record<DeliveryFailureCode, (p: DeliveryFailureParams) => string>;

/** The languages failures are written in. */
export type DeliveryFailureLanguage = 'en' | 'ja';

const TABLES: Record<DeliveryFailureLanguage, DeliveryFailureTexts> = { en: DELIVERY_FAILURES_EN, ja: DELIVERY_FAILURES_JA };
const GIVING_UP = { en: GIVING_UP_EN, ja: GIVING_UP_JA };

/** Every language's texts, for the test that checks they have the same codes. */
export const DELIVERY_FAILURE_TEXTS = TABLES;

/** A failure with this code and these parameters. */
export function deliveryFailure(code: DeliveryFailureCode, params: DeliveryFailureParams = {}): DeliveryFailureJson {
  return { code, params };
}

/** Whether `code` is one of the failures' codes. */
export function isDeliveryFailureCode(code: string): code is DeliveryFailureCode {
  return Object.hasOwn(DELIVERY_FAILURES_EN, code);
}

/** The text of `f` in `language` (a code this version does not know: its English `fallback`, else the code). */
export function deliveryFailureText(f: DeliveryFailureJson, language: DeliveryFailureLanguage, fallback?: string): string {
  if (!isDeliveryFailureCode(f.code)) return fallback ?? f.code;
  const text = TABLES[language][f.code](f.params ?? {});
  return f.retryAfterS === undefined ? text : text + GIVING_UP[language](f.retryAfterS);
}
