/**
 * Configuration mistakes in the user's language: the words loadConfig adds (file, key, YAML, environment) per
 * language, zod's own wording through its locale, and the texts the schemas give themselves (keyed by their English).
 */
import { z } from 'zod';
import type { Language } from './schema.js';
import { schemaTextIn, schemaTextOf } from './schema-text.js';

const en = {
  cannotRead: (path: string) => `cannot read the configuration file ${path}`,
  notYaml: (where: string, detail: string) => `${where}: not valid YAML (${detail})`,
  topLevel: '(top level)',
  envNotSet: (where: string, name: string) => `${where}: environment variable ${name} is not set`,
  configuration: 'configuration',
  yamlWarning: (where: string, detail: string) => `${where}: warning: ${detail}`,
};

const ja: typeof en = {
  cannotRead: (path: string) => `設定ファイル ${path} を読めません`,
  notYaml: (where: string, detail: string) => `${where}: YAML として正しくありません（${detail}）`,
  topLevel: '（最上位）',
  envNotSet: (where: string, name: string) => `${where}: 環境変数 ${name} が設定されていません`,
  configuration: '設定',
  yamlWarning: (where: string, detail: string) => `${where}: 警告: ${detail}`,
};

/** The words of each language, for the test that checks they have the same keys. */
export const CONFIG_MESSAGES: Record<Language, typeof en> = { en, ja };

const LOCALES = { en: z.locales.en, ja: z.locales.ja } as const;

/** Options for schema.safeParse: zod's own messages in `language`. */
export function parseInLanguage(language: Language): { error: z.core.$ZodErrorMap } {
  return { error: LOCALES[language]().localeError };
}

/** `key: message` of a failed parse's first issue, in `language` (the key joined under `prefix`). */
export function firstIssue(error: z.ZodError, prefix: readonly string[], language: Language): string {
  const issue = error.issues[0]!;
  const key = [...prefix, ...issue.path.map(String)].join('.') || CONFIG_MESSAGES[language].topLevel;
  // zod's own messages are in `language` already (parseInLanguage); the schemas' own texts by their code.
  const own = schemaTextOf(issue);
  const message = (own && schemaTextIn(own, language)) ?? issue.message;
  return `${key}: ${message}`;
}

/** A language named by `value` (organization.language as written), if mailsift speaks it. */
export function languageOf(value: unknown): Language | undefined {
  return value === 'en' || value === 'ja' ? value : undefined;
}
