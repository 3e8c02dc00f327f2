// Mistakes in mailsift.yaml in the user's language: the same key at fault, zod's words through its locale, the
// schemas' own texts translated; the language from the caller first, else from the file being read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_MESSAGES } from './config-messages.js';
import { loadConfig } from './load-config.js';
import type { Language } from './schema.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-config-ja-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const mistake = (text: string, language?: Language, env: NodeJS.ProcessEnv = {}): string => {
  try {
    loadConfig({ env, configPath: file('c.yaml', text), ...(language ? { language } : {}) });
  } catch (e) {
    return (e as Error).message.replace(join(dir, 'c.yaml'), 'c.yaml');
  }
  throw new Error(`no mistake in ${text}`);
};

describe('configuration mistakes in Japanese', () => {
  it('names the same key, in Japanese when asked', () => {
    expect(mistake('stor: x\n', 'ja')).toBe('c.yaml: （最上位）: 認識されていないキー: "stor"');
    expect(mistake('stor: x\n', 'en')).toBe('c.yaml: (top level): Unrecognized key: "stor"');
    expect(mistake('server: { port: "80" }\n', 'ja')).toBe(
      'c.yaml: server.port: 無効な入力: 数値が期待されましたが、stringが入力されました',
    );
    expect(mistake('organization: { timeZone: Tokyo }\n', 'ja')).toBe(
      'c.yaml: organization.timeZone: Asia/Tokyo のような IANA タイムゾーンにしてください',
    );
    expect(mistake('retention: 3h\n', 'ja')).toBe('c.yaml: retention: 1 日以上の期間にしてください（例: 400d）');
    expect(mistake('organization: { homeCountries: [Japan] }\n', 'ja')).toBe(
      'c.yaml: organization.homeCountries.0: JP のような ISO 3166-1 alpha-2 の国コードにしてください',
    );
    expect(mistake('store: "${env:NO_SUCH}"\n', 'ja')).toBe('c.yaml: store: 環境変数 NO_SUCH が設定されていません');
    expect(mistake('store: [\n', 'ja')).toMatch(/^c\.yaml:\d+:\d+: YAML として正しくありません（/);
  });

  it("speaks the file's organization.language when the caller names none, even when the rest is wrong", () => {
    expect(mistake('organization: { language: ja, timeZone: Tokyo }\n')).toBe(
      'c.yaml: organization.timeZone: Asia/Tokyo のような IANA タイムゾーンにしてください',
    );
    // The caller's language (from --lang or LANG) comes first.
    expect(mistake('organization: { language: ja }\nstor: x\n', 'en')).toBe('c.yaml: (top level): Unrecognized key: "stor"');
    // A language the file gets wrong is itself the mistake, in English.
    expect(mistake('organization: { language: fr }\n')).toMatch(/^c\.yaml: organization\.language: Invalid option/);
  });

  it('has every word in both languages, and the Japanese translated', () => {
    expect(Object.keys(CONFIG_MESSAGES.ja)).toEqual(Object.keys(CONFIG_MESSAGES.en));
    for (const [key, value] of Object.entries(CONFIG_MESSAGES.ja)) {
      const text = typeof value === 'function' ? (value as (...a: string[]) => string)('«1»', '«2»') : value;
      expect(text, key).toMatch(/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/);
      if (typeof value === 'function') for (let i = 1; i <= value.length; i++) expect(text, key).toContain(`«${i}»`);
    }
  });
});
