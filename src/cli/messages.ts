/**
 * The CLI's user-facing messages, per language, in one place: messages-en.ts and messages-ja.ts hold every
 * string (`--lang`, else LC_ALL / LC_MESSAGES / LANG, else organization.language).
 */

import { en, type Messages } from './messages-en.js';
import { ja } from './messages-ja.js';

export type { Messages };

export const CLI_LANGUAGES = ['en', 'ja'] as const;
export type CliLanguage = (typeof CLI_LANGUAGES)[number];

/** Every language's table, for the test that checks they have the same keys. */
export const MESSAGES: Record<CliLanguage, Messages> = { en, ja };

/** The language a POSIX locale names (ja_JP.UTF-8 -> ja); undefined for C, POSIX or one mailsift does not speak. */
export function languageOfLocale(locale: string | undefined): CliLanguage | undefined {
  const base = (locale ?? '').toLowerCase().split(/[_.@-]/)[0] ?? '';
  return (CLI_LANGUAGES as readonly string[]).includes(base) ? (base as CliLanguage) : undefined;
}

/**
 * --lang, else the first of LC_ALL, LC_MESSAGES, LANG that is set (as gettext reads them) when it names a
 * language, else organization.language (`configured`), else English.
 */
export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, configured?: CliLanguage): CliLanguage {
  return namedLanguage(flag, env) ?? configured ?? 'en';
}

/** The language --lang or the environment names, undefined when neither does (organization.language may then). */
export function namedLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): CliLanguage | undefined {
  if (flag !== undefined) return languageOfLocale(flag) ?? 'en';
  return languageOfLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

let current: CliLanguage = 'en';

/** The messages of the language in use. */
export function msg(): Messages {
  return MESSAGES[current];
}

/** The language in use (finding titles follow it). */
export function currentLanguage(): CliLanguage {
  return current;
}

/** Use `language` from now on (set once per run, from --lang and the environment). */
export function useLanguage(language: CliLanguage): void {
  current = language;
}
