import { describe, expect, it } from 'vitest';
import { reason, reasonText, RejectReason } from './reject-reason.js';
import { REASONS_EN } from './reject-reasons-en.js';
import { REASONS_JA } from './reject-reasons-ja.js';

// Sample parameters that every text may read.
const P = {
  field: 'Size',
  column: 'MessageTraceId',
  fields: 'A and B',
  value: '"x"',
  recipient: 'b@contoso.com',
  length: 9,
  max: 8,
  expected: 3,
  found: 2,
  line: 4,
  char: '}',
  text: '"<html>"',
  detail: 'boom',
  title: 'Sign in',
  keys: 'a, b',
  formats: 'graph, rws',
  format: 'eac',
  description: 'a CSV report',
  what: 'file',
  records: 12,
  cause: { code: 'binary-data' },
  size: '2 GiB',
  limit: '1 GiB',
  ratio: 500,
  problem: 'absolute path',
  path: '/data/rejects.ndjson',
  store: '/data/mail.duckdb',
  rows: 1234,
  holder: 'PID 42',
};

describe('reject reasons', () => {
  it('has a Japanese text for every code, in Japanese', () => {
    expect(Object.keys(REASONS_JA).sort()).toEqual(Object.keys(REASONS_EN).sort());
    for (const code of Object.keys(REASONS_EN)) {
      const ja = reasonText({ code, params: P }, 'ja');
      expect(ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(ja, code).not.toMatch(/undefined|\[object Object\]/);
      expect(reasonText({ code, params: P }, 'en'), code).not.toMatch(/undefined|\[object Object\]/);
    }
  });

  it('keeps the English text, the code and the parameters', () => {
    const r = reason('missing-field', { field: 'recipientAddress' });
    expect(r.text).toBe('missing recipientAddress');
    expect(JSON.parse(JSON.stringify(r))).toEqual({ code: 'missing-field', params: { field: 'recipientAddress' } });
    expect(JSON.parse(JSON.stringify(reason('empty-file')))).toEqual({ code: 'empty-file' });
    expect(reasonText(r, 'ja')).toBe('recipientAddress がありません');
  });

  it('writes a nested reason in the same language', () => {
    const r = reason('stopped-reading', { records: 40, cause: reason('io-error').toJSON() });
    expect(r.text).toBe('stopped reading after 40 records: input/output error (a failing disk or network share?)');
    expect(reasonText(r, 'ja')).toBe('40 件読んだところで読み込みを中止しました: 入出力エラーです（ディスクやネットワーク共有の障害？）');
  });

  it('names format descriptions in Japanese and shows an unknown code as it is', () => {
    expect(reasonText({ code: 'no-records', params: { format: 'eac', description: 'x' } }, 'ja')).toContain('Exchange 管理センター');
    expect(reasonText({ code: 'from-a-later-version' }, 'ja')).toBe('from-a-later-version');
    expect(new RejectReason('empty-file').toString()).toBe('empty file');
  });
});
