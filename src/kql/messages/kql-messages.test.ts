// Every KQL error reason has a text in every language, naming the same parameters; the Japanese texts are Japanese.
import { describe, expect, it } from 'vitest';
import { compileKql, KqlError } from '../index.js';
import { KQL_MESSAGES, kqlErrorText, type KqlLanguage } from './kql-error-text.js';

const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
type Text = (p: Record<string, unknown>) => string;

/** The text of `fn` with a sample value for each parameter it reads, and the names it read. */
function render(fn: Text): { text: string; used: string[] } {
  const used = new Set<string>();
  const params = new Proxy(
    {},
    {
      get: (_, key) => {
        if (typeof key !== 'string') return undefined;
        used.add(key);
        // Parameters that choose a wording (side, bound, thing, found) get a value each table knows.
        const chosen: Record<string, string> = { side: 'left', bound: 'from', thing: 'column-name', found: 'end', types: 'long,int' };
        return chosen[key] ?? `«${key}»`;
      },
    },
  );
  return { text: fn(params), used: [...used].sort() };
}

const reasons = (language: KqlLanguage) => Object.keys(KQL_MESSAGES[language].reasons).sort();

describe('the KQL error texts', () => {
  it('has every reason in every language, and no reason in one language only', () => {
    for (const language of Object.keys(KQL_MESSAGES) as KqlLanguage[]) {
      expect(reasons(language), language).toEqual(reasons('en'));
      expect(Object.keys(KQL_MESSAGES[language].things).sort(), language).toEqual(Object.keys(KQL_MESSAGES.en.things).sort());
    }
  });

  it('names the same parameters in every language and shows each of them', () => {
    for (const reason of reasons('en')) {
      const en = render(KQL_MESSAGES.en.reasons[reason as keyof typeof KQL_MESSAGES.en.reasons] as Text);
      const ja = render(KQL_MESSAGES.ja.reasons[reason as keyof typeof KQL_MESSAGES.ja.reasons] as Text);
      expect(ja.used, reason).toEqual(en.used);
      for (const key of en.used.filter((k) => !['side', 'bound', 'thing', 'found', 'types'].includes(k))) {
        expect(en.text, `${reason} (en) drops ${key}`).toContain(`«${key}»`);
        expect(ja.text, `${reason} (ja) drops ${key}`).toContain(`«${key}»`);
      }
      expect(ja.text, `${reason} is not translated`).toMatch(JAPANESE);
      expect(en.text + ja.text, reason).not.toContain('\n');
    }
  });

  it('words the position, the token found and the suggestion in the language', () => {
    const at = { line: 3, column: 13 };
    expect(kqlErrorText({ reason: 'unknown-function', params: { name: 'cuont', suggestion: 'count' }, ...at }, 'ja')).toBe(
      "3 行 13 列目: 不明な関数 'cuont' です（count のことですか？）",
    );
    expect(kqlErrorText({ reason: 'expected', params: { thing: 'expression', found: 'end' }, ...at }, 'ja')).toBe(
      '3 行 13 列目: 式が必要ですが、クエリが終わっています',
    );
    expect(kqlErrorText({ reason: 'no-such-reason', params: {}, ...at }, 'ja')).toBeUndefined();
  });

  it('gives a compile error in Japanese with the same line and column as in English', () => {
    let error: unknown;
    try {
      compileKql('MessageTrace\n| where Status = "Failed"', { dialect: 'duckdb' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KqlError);
    const e = error as KqlError;
    expect(e.reason).toBe('use-double-equals');
    expect(kqlErrorText(e, 'en')).toBe(e.message);
    expect(kqlErrorText(e, 'ja')).toBe("2 行 16 列目: 比較には == を使ってください（'=' は extend や project で列に名前を付けます）");
  });
});
