import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceRow } from '../../schema/index.js';
import { openStore, type Store } from '../../store/index.js';
import { runDetections } from '../run-detections.js';
import { load, row, testConfig } from '../testing/trace-rows.js';

const DAY = 86_400_000;
const START = Date.parse('2026-03-02T09:00:00Z');

/** A partner we write to and hear from every day (`perDay` messages each way). */
function partnerMail(days: number, domain = 'fabrikam.co.jp', perDay = 1): TraceRow[] {
  return Array.from({ length: days }, (_, d) =>
    Array.from({ length: perDay }, (_, i) => [
      row(START + d * DAY + i * 1000, { SenderAddress: 'sales@contoso.com', RecipientAddress: `buyer${i}@${domain}` }),
      row(START + d * DAY + 60_000 + i * 1000, { SenderAddress: `buyer${i}@${domain}`, RecipientAddress: 'sales@contoso.com' }),
    ]).flat(),
  ).flat();
}

describe('lookalike-domain', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  it('reports look-alikes of our domain and of a partner learned from the mail, naming the one imitated', async () => {
    await load(store, [
      ...partnerMail(6),
      row(START + 5 * DAY, { SenderAddress: 'ceo@c0ntoso.com', RecipientAddress: 'keiri@contoso.com', FromIP: '203.0.113.9' }),
      row(START + 5 * DAY, { SenderAddress: 'buyer@fabrikarn.co.jp', RecipientAddress: 'sales@contoso.com' }),
      row(START + 5 * DAY, { SenderAddress: 'it@contoso.com.secure-login.example', RecipientAddress: 'sales@contoso.com' }),
    ]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['lookalike-domain'], now: START + 7 * DAY });
    const got = Object.fromEntries(findings.map((f) => [f.entities.senderDomain, [f.details.imitates, f.details.technique, f.severity]]));
    expect(got).toEqual({
      'c0ntoso.com': ['contoso.com', 'homoglyph', 'high'],
      'fabrikarn.co.jp': ['fabrikam.co.jp', 'homoglyph', 'high'],
      'contoso.com.secure-login.example': ['contoso.com', 'embedded', 'high'],
    });
  });

  it('protects the partners with most days and, among equal days, most mail, when more than maxPartners qualify', async () => {
    // Three partners every day; fabrikam writes most. With room for one, fabrikam is the one protected, on every run.
    await load(store, [
      ...partnerMail(6, 'northwind.example'),
      ...partnerMail(6, 'fabrikam.co.jp', 3),
      ...partnerMail(6, 'adatum.example', 2),
      row(START + 5 * DAY, { SenderAddress: 'buyer@fabrikarn.co.jp', RecipientAddress: 'sales@contoso.com' }),
      row(START + 5 * DAY, { SenderAddress: 'buyer@adaturn.example', RecipientAddress: 'sales@contoso.com' }),
    ]);
    const config = testConfig({ 'lookalike-domain': { maxPartners: 1 } });
    const findings = await runDetections({ store, config, rules: ['lookalike-domain'], now: START + 7 * DAY });
    expect(findings.map((f) => [f.entities.senderDomain, f.details.imitates])).toEqual([['fabrikarn.co.jp', 'fabrikam.co.jp']]);
  });

  it('stays quiet on our subdomains, the partner itself, unrelated names and allowed domains', async () => {
    await load(store, [
      ...partnerMail(6),
      row(START + 5 * DAY, { SenderAddress: 'noreply@mail.contoso.com', RecipientAddress: 'a@contoso.com' }),
      row(START + 5 * DAY, { SenderAddress: 'x@tailspintoys.example', RecipientAddress: 'a@contoso.com' }),
      row(START + 5 * DAY, { SenderAddress: 'x@fabrikom.co.jp', RecipientAddress: 'a@contoso.com' }),
    ]);
    const config = testConfig({ 'lookalike-domain': { allow: ['fabrikom.co.jp'] } });
    const findings = await runDetections({ store, config, rules: ['lookalike-domain'], now: START + 7 * DAY });
    expect(findings).toEqual([]);
  });
});
