import { describe, expect, it } from 'vitest';
import { collectorFailureText, COLLECTOR_FAILURES_JA } from './failure-kind.js';

describe('collector failures in Japanese', () => {
  it('names the kind of failure in Japanese before the message, and leaves English as it is', () => {
    expect(collectorFailureText('AADSTS7000215: Invalid client secret provided.', 'COLLECTOR_AUTH', 'ja')).toBe(
      'サインインに失敗（アプリの資格情報を確認してください）: AADSTS7000215: Invalid client secret provided.',
    );
    expect(collectorFailureText('throttled', 'COLLECTOR_UNAVAILABLE', 'en')).toBe('throttled');
    expect(collectorFailureText('odd', 'SOMETHING_NEW', 'ja')).toBe('odd');
  });

  it('has Japanese for every code the collectors throw', async () => {
    const errors = await import('./errors.js');
    const codes = Object.values(errors)
      .filter((x) => typeof x === 'function' && x.prototype instanceof Error)
      .map((E) => new (E as new (m: string) => Error & { code: string })('x').code);
    for (const code of codes) expect(COLLECTOR_FAILURES_JA[code], code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});
