import { describe, expect, it } from 'vitest';
import { cliLanguage, MESSAGES } from './messages.js';

type Leaf = [string, unknown];
const leaves = (t: unknown, at = ''): Leaf[] =>
  t && typeof t === 'object' && !Array.isArray(t) ? Object.entries(t).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k)) : [[at, t]];

describe('CLI messages', () => {
  it('has every message in every language, in the same form', () => {
    const en = new Map(leaves(MESSAGES.en));
    const ja = new Map(leaves(MESSAGES.ja));
    expect([...ja.keys()]).toEqual([...en.keys()]);
    for (const [key, value] of en) {
      const other = ja.get(key);
      expect(typeof other, key).toBe(typeof value);
      if (typeof value === 'function') expect((other as () => string).length, key).toBe(value.length);
      if (Array.isArray(value)) expect((other as unknown[]).length, key).toBe(value.length);
      const text = typeof other === 'function' ? String((other as (...a: string[]) => string)('X', 'Y', 'Z', 'V', 'W')) : String(other);
      expect(text, `${key} (ja) is not translated`).toMatch(/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]|^ID$/);
    }
  });

  it('follows --lang, then LC_ALL, LC_MESSAGES and LANG', () => {
    expect(cliLanguage(undefined, { LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(cliLanguage(undefined, { LANG: 'ja_JP.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(cliLanguage(undefined, { LC_MESSAGES: 'ja_JP.eucJP', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(cliLanguage('en', { LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(cliLanguage('ja', {})).toBe('ja');
    expect(cliLanguage(undefined, {})).toBe('en');
    // organization.language when the environment names no language (C, POSIX, unset), never over one it names.
    expect(cliLanguage(undefined, { LANG: 'C.UTF-8' }, 'ja')).toBe('ja');
    expect(cliLanguage(undefined, {}, 'ja')).toBe('ja');
    expect(cliLanguage(undefined, { LANG: 'en_US.UTF-8' }, 'ja')).toBe('en');
    expect(cliLanguage('en', {}, 'ja')).toBe('en');
  });
});
