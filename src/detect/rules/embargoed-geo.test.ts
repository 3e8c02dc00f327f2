import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { runDetections } from '../run-detections.js';
import { load, row, testConfig } from '../testing/trace-rows.js';

describe('embargoed-geo', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  it('reports mail from an embargoed country by country and IP, and stays quiet on other countries', async () => {
    await load(store, [
      row('2026-03-02T01:00:00Z', {
        SenderAddress: 'export@trade.com.kp',
        RecipientAddress: 'a@contoso.com',
        FromIP: '175.45.176.10',
        FromCountry: 'KP',
        Subject: 'Business "proposal"',
      }),
      row('2026-03-02T03:00:00Z', {
        SenderAddress: 'info@trade.com.kp',
        RecipientAddress: 'b@contoso.com',
        FromIP: '175.45.176.10',
        FromCountry: 'KP',
      }),
      row('2026-03-02T02:00:00Z', {
        SenderAddress: 'x@fabrikam.com',
        RecipientAddress: 'b@contoso.com',
        FromIP: '198.51.100.7',
        FromCountry: 'US',
      }),
    ]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['embargoed-geo'], now: '2026-03-03T00:00:00Z' });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      rule: 'embargoed-geo',
      severity: 'high',
      count: 2,
      from: '2026-03-02T01:00:00.000Z',
      to: '2026-03-02T03:00:00.000Z',
    });
    expect(f!.entities).toMatchObject({ country: 'KP', ip: '175.45.176.10', sender: '' });
    expect(f!.title).toContain('North Korea');
  });

  it('reports outbound mail to an embargoed country; sensitive recipients only when configured', async () => {
    await load(store, [
      row('2026-03-02T01:00:00Z', {
        SenderAddress: 'a@contoso.com',
        RecipientAddress: 'sales@petro.ir',
        ToIP: '203.0.113.5',
        ToCountry: 'IR',
      }),
      row('2026-03-02T02:00:00Z', {
        SenderAddress: 'x@fabrikam.com',
        RecipientAddress: 'ceo@contoso.com',
        FromIP: '198.51.100.7',
        FromCountry: 'US',
      }),
    ]);
    let findings = await runDetections({ store, config: testConfig(), rules: ['embargoed-geo'], now: '2026-03-03T00:00:00Z' });
    expect(findings.map((f) => [f.entities.country, f.details.direction])).toEqual([['IR', 'outbound']]);
    findings = await runDetections({
      store,
      config: testConfig({ 'embargoed-geo': { sensitiveRecipients: ['ceo@contoso.com'] } }),
      rules: ['embargoed-geo'],
      now: '2026-03-03T00:00:00Z',
    });
    expect(findings.map((f) => [f.entities.country, f.severity])).toEqual([
      ['IR', 'high'],
      ['US', 'low'],
    ]);
  });
});
