// The viewer's language and time zone: from the browser first, then the user's own choice (kept in localStorage and,
// once signed in, on the server). Changing either switches `strings` and the formatters and renders the app again.
import { useSyncExternalStore } from 'react';
import { BROWSER_TIME_ZONE, configureFormat, isTimeZone } from './format';
import { en, setStrings, strings, type Strings } from './strings';
import { ja } from './strings-ja';

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

const TABLES: Record<Language, Strings> = { en, ja };
const TAGS: Record<Language, string> = { en: 'en-US', ja: 'ja-JP' };
const LANGUAGE_KEY = 'mailsift.language';
const ZONE_KEY = 'mailsift.timeZone';

/** The first of the browser's languages that the app speaks (navigator.languages order), English otherwise. */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base ?? '')) return base as Language;
  }
  return 'en';
}

/** What the user chose; absent: follow the browser. */
export interface Choice {
  language?: Language;
  timeZone?: string;
}

function read(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: string | undefined): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private windows may refuse storage: the choice then lasts for the page.
  }
}

const stored = (): Choice => {
  const language = read(LANGUAGE_KEY);
  const timeZone = read(ZONE_KEY);
  return {
    language: (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : undefined,
    timeZone: timeZone && isTimeZone(timeZone) ? timeZone : undefined,
  };
};

let choice: Choice = {};
let version = 0;
const listeners = new Set<() => void>();

/** The language shown now. */
export function currentLanguage(): Language {
  return choice.language ?? browserLanguage();
}

/** The user's own choice (undefined parts follow the browser). */
export function currentChoice(): Choice {
  return choice;
}

function apply(): void {
  const language = currentLanguage();
  setStrings(TABLES[language]);
  configureFormat({ locale: TAGS[language], timeZone: choice.timeZone ?? BROWSER_TIME_ZONE });
  document.documentElement.lang = language;
  version++;
  listeners.forEach((l) => l());
}

/** Take the choice kept in this browser (before the first render). */
export function initI18n(): void {
  choice = stored();
  apply();
}

/** Change the choice (null: back to the browser's); remembered in this browser. Returns whether anything changed. */
export function choose(change: { language?: Language | null; timeZone?: string | null }): boolean {
  const next: Choice = { ...choice };
  if (change.language !== undefined) next.language = change.language ?? undefined;
  if (change.timeZone !== undefined) next.timeZone = change.timeZone && isTimeZone(change.timeZone) ? change.timeZone : undefined;
  if (next.language === choice.language && next.timeZone === choice.timeZone) return false;
  choice = next;
  write(LANGUAGE_KEY, choice.language);
  write(ZONE_KEY, choice.timeZone);
  apply();
  return true;
}

/** A number that changes whenever the language or zone does (a key to render the app again). */
export function useI18nVersion(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
}

/** Text of a dashboard definition: a plain string, or one per language ({en, ja}). */
export type LocalText = string | Partial<Record<Language, string>>;

/** The text in the shown language (English, then any, when that one is missing). */
export function localText(text: LocalText | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[currentLanguage()] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** Display name of a value stored in English (Delivered -> 配信済み); the stored value itself is kept for filters. */
export function valueLabel(value: string): string {
  return strings.values[value] ?? value;
}

/** Heading of a result column (SenderAddress -> 送信者); a column with no entry keeps its KQL name. */
export function columnLabel(name: string): string {
  return strings.columns[name] ?? name;
}
