import { describe, expect, it } from 'vitest';
import { ALERT_FILE_REASONS, ALERT_NAME_REASONS } from '../alerts/index.js';
import { ISSUE_REASONS } from '../config/index.js';
import { CONFIG_REASONS, configReasonText } from './config-reason-text.js';

// Sample values every text may read.
const P = {
  key: 'alerts.rules[0]',
  expected: 'boolean',
  values: 'low, high',
  limit: '>= 1',
  keys: 'bogus',
  issue: 'Invalid input',
  name: 'soc',
};

describe('configuration reasons in the CLI', () => {
  it('has a text in every language for each reason the alerts section and zod give, and none more', () => {
    const codes = [...ISSUE_REASONS, ...ALERT_FILE_REASONS, ...ALERT_NAME_REASONS].sort();
    for (const language of ['en', 'ja'] as const) {
      expect(Object.keys(CONFIG_REASONS[language]).sort(), language).toEqual(codes);
      for (const code of codes) {
        const text = configReasonText(
          { reason: code, params: { ...P, type: 'pager', known: 'slack', schemaText: 'x', configured: 'soc, mail' } },
          language,
        );
        expect(text, code).not.toMatch(/undefined|\[object Object\]/);
        if (language === 'ja') expect(text, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    }
  });

  it('words a schema text from its code and values, and knows nothing of other reasons', () => {
    const why = { reason: 'value-schema', params: { key: 'alerts.destinations[0].url', schemaText: 'http-url' } };
    expect(configReasonText(why, 'en')).toBe('alerts.destinations[0].url: must be an http:// or https:// URL');
    expect(configReasonText(why, 'ja')).toMatch(/^alerts\.destinations\[0\]\.url: .*URL/);
    expect(configReasonText({ reason: 'weak-password' }, 'ja')).toBeUndefined();
  });
});
