// A broken mailsift.yaml is named by file, line and column with the yaml library's reason in the reader's language.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';
import type { Language } from './schema.js';
import { YAML_ERROR_TEXTS } from './yaml-error-text.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-yaml-'));
const mistake = (text: string, language?: Language): string => {
  const path = join(dir, 'c.yaml');
  writeFileSync(path, text);
  try {
    loadConfig({ env: {}, configPath: path, ...(language ? { language } : {}) });
  } catch (e) {
    return (e as Error).message.replace(path, 'c.yaml');
  }
  throw new Error(`no mistake in ${text}`);
};

describe('YAML syntax errors', () => {
  it('names line and column and the reason in Japanese, for the mistakes admins make', () => {
    const cases: [string, string][] = [
      [
        'organization:\n  name: x\n acceptedDomains: [a]\n',
        'c.yaml:3:1: YAML として正しくありません（3 行目 1 列目: インデントが正しくありません。同じマッピングやリストの項目は同じ列から始めてください）',
      ],
      ['store: a\nstore: b\n', 'c.yaml:2:1: YAML として正しくありません（2 行目 1 列目: 同じマッピングに同じキーが 2 回あります）'],
      ['store: "duckdb:x\n', 'c.yaml:2:1: YAML として正しくありません（2 行目 1 列目: 閉じる " がありません）'],
      [
        'organization:\n  acceptedDomains: [a, b\n',
        'c.yaml:3:1: YAML として正しくありません（3 行目 1 列目: 複数行にわたる [ … ] はキーより深く字下げし、] で閉じてください）',
      ],
      [
        'organization:\n\tname: x\n',
        'c.yaml:2:1: YAML として正しくありません（2 行目 1 列目: YAML の字下げにタブは使えません。スペースを使ってください）',
      ],
      [
        'server: host: x\n',
        'c.yaml:1:9: YAML として正しくありません（1 行目 9 列目: キーと同じ行でマッピングは始められません。「: 」を含む値は引用符で囲んでください）',
      ],
      ['store: ]\n', 'c.yaml:1:8: YAML として正しくありません（1 行目 8 列目: 予期しない "]" があります）'],
      [
        'store: "a\\qb"\n',
        'c.yaml:1:10: YAML として正しくありません（1 行目 10 列目: ダブルクォートの文字列でエスケープ \\q は使えません）',
      ],
      [
        'store: @x\n',
        'c.yaml:1:8: YAML として正しくありません（1 行目 8 列目: 引用符のない値は @ で始められません。引用符で囲んでください）',
      ],
      [
        'store: a\n---\nstore: b\n',
        'c.yaml:2:1: YAML として正しくありません（2 行目 1 列目: ファイルに複数の YAML ドキュメント（---）があります。設定は 1 つのドキュメントにしてください）',
      ],
      ['store: *where\n', 'c.yaml: YAML として正しくありません（エイリアス *where に対応するアンカー &where が、それより前にありません）'],
    ];
    for (const [text, expected] of cases) {
      const got = mistake(text, 'ja');
      expect(got, text).toBe(expected);
      expect(got, text).not.toMatch(/[A-Za-z]{4,} [a-z]{2,} [a-z]{2,}/);
    }
  });

  it('says the same in English, and in Japanese when the broken file names language: ja', () => {
    expect(mistake('store: a\nstore: b\n', 'en')).toBe(
      'c.yaml:2:1: not valid YAML (line 2, column 1: the same key appears twice in one mapping)',
    );
    expect(mistake('organization: { language: ja }\nstore: a\nstore: b\n')).toBe(
      'c.yaml:3:1: YAML として正しくありません（3 行目 1 列目: 同じマッピングに同じキーが 2 回あります）',
    );
    expect(mistake('organization: { language: ja }\nstore: a\nstore: b\n', 'en')).toMatch(/^c\.yaml:3:1: not valid YAML/);
  });

  it('has a text in every language for every code of the yaml library', () => {
    // yaml's ErrorCode type lists them; the record's type makes the build fail when one is missing.
    expect(Object.keys(YAML_ERROR_TEXTS.ja).sort()).toEqual(Object.keys(YAML_ERROR_TEXTS.en).sort());
    expect(Object.keys(YAML_ERROR_TEXTS.en).length).toBeGreaterThanOrEqual(23);
    for (const [code, text] of Object.entries(YAML_ERROR_TEXTS.ja)) {
      const p = { char: '"', close: ']', open: '[', sequence: '\\q', token: '"]"', name: 'x' };
      expect(text(p), code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // Only an unresolved alias always has its value (the name); the others read theirs when the message gives it.
      const q = code === 'UNRESOLVED_ALIAS' ? p : {};
      expect(text(q), code).not.toMatch(/undefined/);
      expect(YAML_ERROR_TEXTS.en[code as keyof typeof YAML_ERROR_TEXTS.en](q), code).not.toMatch(/undefined/);
    }
  });
});
