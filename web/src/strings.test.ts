import { describe, expect, it } from 'vitest';
import { en } from './strings';
import { ja } from './strings-ja';

const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
// Texts that are the same in every language: names, examples of input, KQL.
const SAME_IN_EVERY_LANGUAGE = new Set([
  'appName',
  'filters.placeholders.status',
  'filters.placeholders.sender',
  'filters.placeholders.recipient',
  'filters.placeholders.domain',
  'filters.placeholders.direction',
  'filters.placeholders.country',
  'explorer.runHint',
  'explorer.placeholder',
  'footer.version',
  'freshness.utc',
  'range.utcTitle',
  'findings.entityNames.ip',
]);

type Leaf = { path: string; value: unknown };

function leaves(table: unknown, path = ''): Leaf[] {
  if (table && typeof table === 'object' && !Array.isArray(table))
    return Object.entries(table).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [{ path, value: table }];
}

/** A leaf as text: functions are called with sample arguments. */
function asText(value: unknown): string {
  if (typeof value === 'function')
    return String((value as (...a: unknown[]) => unknown)(...Array.from({ length: value.length }, (_, i) => i + 2)));
  if (Array.isArray(value)) return value.join(' | ');
  return String(value);
}

describe('the strings of the web app', () => {
  const english = new Map(leaves(en).map((l) => [l.path, l.value]));
  const japanese = new Map(leaves(ja).map((l) => [l.path, l.value]));

  it('has every string in both languages, and no string in one language only', () => {
    expect(
      [...english.keys()].filter((k) => !japanese.has(k)),
      'in English only',
    ).toEqual([]);
    expect(
      [...japanese.keys()].filter((k) => !english.has(k)),
      'in Japanese only',
    ).toEqual([]);
  });

  it('gives every string the same form in both languages (text, list of as many, function of as many values)', () => {
    for (const [path, value] of english) {
      const other = japanese.get(path);
      expect(typeof other, path).toBe(typeof value);
      if (typeof value === 'function') expect((other as (...a: unknown[]) => unknown).length, path).toBe(value.length);
      if (Array.isArray(value)) expect((other as unknown[]).length, path).toBe(value.length);
      expect(asText(value).trim(), `${path} (en) is empty`).not.toBe('');
      expect(asText(other).trim(), `${path} (ja) is empty`).not.toBe('');
    }
  });

  it('has the Japanese texts translated, and uses every value a function is given', () => {
    for (const [path, value] of japanese) {
      if (SAME_IN_EVERY_LANGUAGE.has(path)) continue;
      expect(asText(value), `${path} is not translated`).toMatch(JAPANESE);
      if (typeof value === 'function') {
        const text = asText(value);
        for (let i = 0; i < value.length; i++) expect(text, `${path} drops argument ${i + 1}`).toContain(String(i + 2));
      }
    }
  });
});
