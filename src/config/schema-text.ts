/**
 * The messages the zod schemas give themselves (a refine, a custom issue, a pattern's or an enum's message), by
 * stable code with their values: the English text is the issue's message, and each reader (configuration errors, the
 * web app from an API error's reason) writes it in its own language from schema-texts-en.ts and schema-texts-ja.ts.
 * Pure (no I/O): the web app imports it too.
 */
import { SCHEMA_TEXTS_EN, type SchemaTextCode } from './schema-texts-en.js';
import { SCHEMA_TEXTS_JA } from './schema-texts-ja.js';

export type { SchemaTextCode };

export type SchemaTextParams = Readonly<Record<string, string | number>>;

/** A schema text as an issue or an API error carries it. */
export interface SchemaTextJson {
  code: string;
  params?: SchemaTextParams;
}

export type SchemaTexts = Record<SchemaTextCode, (p: SchemaTextParams) => string>;

/** The languages schema texts are written in. */
export type SchemaTextLanguage = 'en' | 'ja';

const TABLES: Record<SchemaTextLanguage, SchemaTexts> = { en: SCHEMA_TEXTS_EN, ja: SCHEMA_TEXTS_JA };

/** Whether `code` is one of the schema texts' codes. */
export function isSchemaTextCode(code: string): code is SchemaTextCode {
  return Object.hasOwn(SCHEMA_TEXTS_EN, code);
}

/** The text of `t` in `language` (a code this version does not know: undefined). */
export function schemaTextIn(t: SchemaTextJson, language: SchemaTextLanguage): string | undefined {
  return isSchemaTextCode(t.code) ? TABLES[language][t.code](t.params ?? {}) : undefined;
}

// Texts given where zod takes only a message (a pattern's, an enum's): found again by their English.
const byMessage = new Map<string, SchemaTextJson>();

/** The English message of `code` for a check that takes only a message (regex, enum, min); its code is found again by it. */
export function schemaMessage(code: SchemaTextCode, params: SchemaTextParams = {}): string {
  const message = SCHEMA_TEXTS_EN[code](params);
  byMessage.set(message, { code, params });
  return message;
}

/** The options of a refine or the fields of a custom issue: the English message, with the code and values as its params. */
export function schemaIssue(code: SchemaTextCode, params: SchemaTextParams = {}): { message: string; params: Record<string, unknown> } {
  return { message: SCHEMA_TEXTS_EN[code](params), params: { schemaText: code, values: params } };
}

/** The schema text of a zod issue: from its params (refine, custom issue), else by its message; undefined for zod's own. */
export function schemaTextOf(issue: { message: string; params?: Record<string, unknown> }): SchemaTextJson | undefined {
  const code = issue.params?.schemaText;
  if (typeof code === 'string' && isSchemaTextCode(code)) return { code, params: (issue.params?.values as SchemaTextParams) ?? {} };
  return byMessage.get(issue.message);
}

/** An error whose message is a schema text (a schedule that cannot be parsed): a schema's transform passes it on as an issue. */
export class SchemaTextError extends Error {
  readonly code = 'SCHEMA_TEXT';
  constructor(
    readonly text: SchemaTextCode,
    readonly params: SchemaTextParams = {},
  ) {
    super(SCHEMA_TEXTS_EN[text](params));
    this.name = 'SchemaTextError';
  }
}
