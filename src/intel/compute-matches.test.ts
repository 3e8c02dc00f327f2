import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceRow } from '../schema/index.js';
import { openStore, type Store } from '../store/index.js';
import { computeMatches, createMatcher, loadIndicators, syncFeed } from './index.js';

const TESTDATA = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const T0 = Date.UTC(2026, 2, 1, 9);
const NOW = Date.UTC(2026, 5, 1);

let n = 0;
function row(over: Partial<TraceRow>): TraceRow {
  n++;
  return {
    Received: T0 + n * 60_000,
    SenderAddress: 'alice@contoso.com',
    RecipientAddress: 'bob@contoso.com',
    Subject: 'hi',
    Status: 'Delivered',
    FromIP: '',
    ToIP: '',
    Size: 100,
    MessageId: `<m${n}@x>`,
    MessageTraceId: `t${n}`,
    Organization: 'contoso',
    Source: 'test',
    SenderDomain: 'contoso.com',
    RecipientDomain: 'contoso.com',
    Direction: 'Internal',
    FromCountry: '',
    ToCountry: '',
    FromAsn: 0,
    ToAsn: 0,
    FromAsOrg: '',
    ToAsOrg: '',
    ...over,
  };
}

describe('intel matches over a DuckDB store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore('duckdb::memory:');
    const phish = {
      SenderAddress: 'billing@contoso-invoices.example',
      SenderDomain: 'contoso-invoices.example',
      FromIP: '198.51.100.20',
      Direction: 'Inbound' as const,
    };
    const first = row(phish);
    await store.upsertTraces([
      first,
      { ...first, RecipientAddress: 'carol@contoso.com' }, // same message, second recipient
      row(phish),
      row({ SenderAddress: 'x@mail.contoso-invoices.example', SenderDomain: 'mail.contoso-invoices.example', FromIP: '203.0.113.1' }),
      row({ SenderAddress: 'news@outlook.com', SenderDomain: 'outlook.com', FromIP: '2001:db8:bad::25' }),
      row({ RecipientAddress: 'pay@fabrikam-pay.example', RecipientDomain: 'fabrikam-pay.example', Direction: 'Outbound' }),
      row({}),
    ]);
  });
  afterAll(() => store.close());

  it('syncs feeds into the Indicators table and reads them back', async () => {
    const stix = await syncFeed(store, { name: 'soc', type: 'stix', path: join(TESTDATA, 'test-stix-bundle.json') });
    const misp = await syncFeed(store, { name: 'circl', type: 'misp', path: join(TESTDATA, 'test-misp-feed') });
    expect(stix).toMatchObject({ feed: 'soc', mode: 'replace', indicators: 8 });
    expect(misp).toMatchObject({ feed: 'circl', mode: 'replace', indicators: 8 });
    expect((await store.getState('intel:feed:circl'))?.value).toEqual(misp.state);
    const stored = await loadIndicators(store);
    expect(stored).toHaveLength(16);
    const one = stored.find((i) => i.Feed === 'soc' && i.Indicator === 'contoso-billing.example');
    expect(one).toEqual({
      Indicator: 'contoso-billing.example',
      Type: 'domain',
      Confidence: 60,
      Actor: 'BEC Cluster 7',
      Labels: ['malicious-activity'],
      Feed: 'soc',
      ValidFrom: Date.parse('2026-01-02T00:00:00Z'),
      ValidUntil: Date.parse('2026-12-31T00:00:00Z'),
    });
    // A second sync of the MISP feed is incremental and, with nothing changed, keeps what is stored.
    const again = await syncFeed(store, { name: 'circl', type: 'misp', path: join(TESTDATA, 'test-misp-feed') });
    expect(again).toMatchObject({ mode: 'upsert', indicators: 0 });
    expect(await loadIndicators(store, 'circl')).toHaveLength(8);
  });

  it('lists senders, sender domains, IPs and recipients that match, with counts and times', async () => {
    const rows = await computeMatches(store, undefined, { now: NOW });
    const brief = rows.map((r) => `${r.type} ${r.entity} <- ${r.indicator} ${r.feed} ${r.confidence}/${r.band} ${r.actor} ${r.messages}`);
    expect(brief).toEqual([
      'senderDomain contoso-invoices.example <- contoso-invoices.example soc 95/high Emotet 2',
      'senderDomain mail.contoso-invoices.example <- contoso-invoices.example soc 95/high Emotet 1',
      'sender billing@contoso-invoices.example <- billing@contoso-invoices.example circl 85/high Scattered Invoices 2',
      'sender billing@contoso-invoices.example <- billing@contoso-invoices.example soc 85/high Scattered Invoices 2',
      'senderDomain contoso-invoices.example <- contoso-invoices.example circl 85/high Scattered Invoices 2',
      'senderDomain mail.contoso-invoices.example <- contoso-invoices.example circl 85/high Scattered Invoices 1',
      'recipient pay@fabrikam-pay.example <- pay@fabrikam-pay.example circl 85/high Scattered Invoices 1',
      'fromIP 198.51.100.20 <- 198.51.100.0/24 soc 50/medium Unassigned 2',
      'fromIP 2001:db8:bad::25 <- 2001:db8:bad::/48 soc 50/medium Unassigned 1',
      'fromIP 198.51.100.20 <- 198.51.100.0/24 circl 15/low APT-Example 2',
      'fromIP 2001:db8:bad::25 <- 2001:db8:bad::/48 circl 15/low APT-Example 1',
    ]);
    const first = rows.find((r) => r.type === 'sender' && r.feed === 'soc')!;
    expect(first.firstSeen < first.lastSeen).toBe(true);
    expect(first.firstSeen).toMatch(/^2026-03-01T09:0\d:00/);
    expect(first.labels).toEqual(['malicious-activity', 'phishing']);
  });

  it('honours a time window, a confidence floor and a given matcher', async () => {
    // The first phishing message (two recipient rows) came at T0 + 1 min, the second at T0 + 2 min.
    const late = await computeMatches(store, undefined, { now: NOW, from: T0 + 90_000, to: T0 + 150_000 });
    const billing = late.filter((r) => r.entity === 'billing@contoso-invoices.example');
    expect(billing.map((r) => r.messages)).toEqual([1, 1]);
    expect(late.every((r) => r.entity.includes('contoso-invoices') || r.entity === '198.51.100.20')).toBe(true);
    const high = await computeMatches(store, undefined, { now: NOW, minConfidence: 75 });
    expect(high.every((r) => r.band === 'high')).toBe(true);
    const only = await computeMatches(
      store,
      createMatcher(
        [
          {
            Indicator: 'outlook.com',
            Type: 'domain',
            Confidence: 10,
            Actor: '',
            Labels: [],
            Feed: 'adhoc',
            ValidFrom: null,
            ValidUntil: null,
          },
        ],
        NOW,
      ),
    );
    expect(only.map((r) => [r.type, r.entity])).toEqual([['senderDomain', 'outlook.com']]);
  });

  it('ignores indicators that expired', async () => {
    const later = await computeMatches(store, undefined, { now: Date.UTC(2027, 0, 1) });
    expect(later.some((r) => r.indicator === 'contoso-billing.example')).toBe(false);
    expect(later.length).toBeGreaterThan(0);
  });
});
