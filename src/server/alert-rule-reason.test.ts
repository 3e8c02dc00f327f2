// An alert rule whose query is not valid KQL: the API answer carries the KQL error's own reason, position and values,
// so the web app words it with the KQL texts of the viewer's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertRuleError, storeSources } from '../alerts/index.js';
import { kqlErrorText } from '../kql/messages/kql-error-text.js';
import { openStore, type Store } from '../store/index.js';
import { alertRuleReason } from './alert-rule-reason.js';

describe('the reason of an alert rule error', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterAll(async () => {
    await store?.close();
  });

  it('is alert-query-kql with the KQL reason, line, column and params when the query is not valid KQL', async () => {
    const failed = await storeSources(store)
      .query('MessageTrace | where SenderAdress == "x"', { now: Date.now() })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(failed).toBeInstanceOf(AlertRuleError);
    const why = alertRuleReason(failed as AlertRuleError)!;
    expect(why).toMatchObject({ reason: 'alert-query-kql', params: { kqlReason: 'unknown-column', line: 1, column: 22 } });
    const p = why.params!;
    const ja = kqlErrorText({ reason: String(p.kqlReason), params: p, line: Number(p.line), column: Number(p.column) }, 'ja');
    expect(ja).toMatch(/SenderAdress/);
    expect(ja).not.toMatch(/unknown column/);
  });

  it("keeps a rule error's own reason otherwise", () => {
    const e = new AlertRuleError('x', { why: { reason: 'alert-rule-no-destination', params: { name: 'r' } } });
    expect(alertRuleReason(e)).toEqual({ reason: 'alert-rule-no-destination', params: { name: 'r' } });
  });
});
