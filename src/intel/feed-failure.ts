/**
 * Why a feed's sync or connection test failed, as a stable code with its parameters: the feed status keeps the code,
 * the parameters and the English text, and each reader (CLI, web app) writes the text in its own language from
 * feed-failures-en.ts and feed-failures-ja.ts. Pure (no I/O): the web app imports it too.
 */
import { FAILURES_EN, type FeedFailureCode } from './feed-failures-en.js';
import { FAILURES_JA } from './feed-failures-ja.js';

export type { FeedFailureCode };

export type FeedFailureParams = Readonly<Record<string, string | number>>;

/** A failure as JSON carries it (feed status, the API). */
export interface FeedFailureJson {
  code: string;
  params?: FeedFailureParams;
}

/** The languages failures are written in. */
export type FeedFailureLanguage = 'en' | 'ja';

export type FeedFailureTexts = Record<FeedFailureCode, (p: FeedFailureParams) => string>;

const TABLES: Record<FeedFailureLanguage, FeedFailureTexts> = { en: FAILURES_EN, ja: FAILURES_JA };

/** A failure with this code and these parameters. */
export function feedFailure(code: FeedFailureCode, params: FeedFailureParams = {}): FeedFailureJson {
  return { code, params };
}

/** Whether `code` is one of the failures' codes. */
export function isFeedFailureCode(code: string): code is FeedFailureCode {
  return Object.hasOwn(FAILURES_EN, code);
}

/** The text of `f` in `language` (a code this version does not know: its English `fallback`, else the code). */
export function feedFailureText(f: FeedFailureJson, language: FeedFailureLanguage, fallback?: string): string {
  if (!isFeedFailureCode(f.code)) return fallback ?? f.code;
  return TABLES[language][f.code](f.params ?? {});
}
