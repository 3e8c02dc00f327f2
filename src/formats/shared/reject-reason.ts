/**
 * Why a record or a file was rejected, as a stable code with its parameters: the reject file keeps the code and
 * the English text, and each report (CLI, web app) writes the text in its reader's language from the tables in
 * reject-reasons-en.ts and reject-reasons-ja.ts. Pure (no I/O): the web app imports it too.
 */
import { REASONS_EN, type ReasonCode } from './reject-reasons-en.js';
import { REASONS_JA } from './reject-reasons-ja.js';

export type { ReasonCode };

/** A parameter of a reason: a value shown as is, or the reason behind this one. */
export type ReasonParam = string | number | ReasonJson;

/** A reason as JSON carries it (reports, the import log, the API). */
export interface ReasonJson {
  code: string;
  params?: Readonly<Record<string, ReasonParam>>;
}

/** The languages reasons are written in. */
export type ReasonLanguage = 'en' | 'ja';

/** One text per code: `p` holds the parameters, `t` writes a nested reason in the same language. */
export type ReasonTexts = Record<ReasonCode, (p: Readonly<Record<string, ReasonParam>>, t: (r: ReasonJson) => string) => string>;

const TABLES: Record<ReasonLanguage, ReasonTexts> = { en: REASONS_EN, ja: REASONS_JA };

/** A reason for a reject; its English text is the `reason` of the reject file. */
export class RejectReason implements ReasonJson {
  constructor(
    readonly code: ReasonCode,
    readonly params: Readonly<Record<string, ReasonParam>> = {},
  ) {}

  /** The English text. */
  get text(): string {
    return reasonText(this, 'en');
  }

  toString(): string {
    return this.text;
  }

  toJSON(): ReasonJson {
    return Object.keys(this.params).length ? { code: this.code, params: this.params } : { code: this.code };
  }
}

/** A reason with this code and these parameters. */
export function reason(code: ReasonCode, params?: Readonly<Record<string, ReasonParam>>): RejectReason {
  return new RejectReason(code, params);
}

/** Whether `code` is one of the reasons' codes. */
export function isReasonCode(code: string): code is ReasonCode {
  return Object.hasOwn(REASONS_EN, code);
}

/** The text of `r` in `language` (a code this version does not know: the code itself). */
export function reasonText(r: ReasonJson, language: ReasonLanguage): string {
  const table = TABLES[language];
  if (!isReasonCode(r.code)) return r.code;
  return table[r.code](r.params ?? {}, (inner) => reasonText(inner, language));
}
