import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceRow } from '../../schema/index.js';
import { openStore, type Store } from '../../store/index.js';
import { runDetections } from '../run-detections.js';
import { load, row, testConfig } from '../testing/trace-rows.js';
import { addressesOf } from './watchlist-correlation.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-02T00:00:00Z');
const ALERT = START + 8 * DAY + 10 * HOUR;

/** The user writes to two clients every day. */
function history(): TraceRow[] {
  return Array.from({ length: 9 }, (_, d) =>
    [0, 1].map((i) =>
      row(START + d * DAY + (11 + i) * HOUR, { SenderAddress: 'suzuki@contoso.com', RecipientAddress: `p@client${i}.example` }),
    ),
  ).flat();
}

describe('watchlist-correlation', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
    await store.replaceWatchlist('edr', [
      {
        Timestamp: ALERT,
        User: 'CONTOSO\\suzuki',
        Product: 'Defender for Endpoint',
        Detection: 'Keylogger',
        Severity: 'High',
        Name: 'edr',
      },
    ]);
  });
  afterEach(async () => store.close());

  it('reports external mail to new domains in the hours after an EDR alert', async () => {
    const after = [0, 1, 2, 3].map((i) =>
      row(ALERT + (i + 1) * 1_800_000, { SenderAddress: 'suzuki@contoso.com', RecipientAddress: `drop${i}@stranger${i}.example` }),
    );
    await load(store, [...history(), ...after]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['watchlist-correlation'], now: ALERT + DAY });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'high',
      from: new Date(ALERT).toISOString(),
      entities: { sender: 'suzuki@contoso.com' },
    });
    expect(findings[0]!.details.newRecipientDomains).toBe(4);
    expect(findings[0]!.count).toBe(6);
  });

  it('stays quiet when the flagged user only writes to the usual clients', async () => {
    await load(store, history());
    const findings = await runDetections({ store, config: testConfig(), rules: ['watchlist-correlation'], now: ALERT + DAY });
    expect(findings).toEqual([]);
  });

  it('maps watchlist users to addresses', () => {
    expect(addressesOf('S.Suzuki@Contoso.com', ['contoso.com'])).toEqual(['s.suzuki@contoso.com']);
    expect(addressesOf('CONTOSO\\ssuzuki', ['contoso.com', 'contoso.co.jp'])).toEqual(['ssuzuki@contoso.com', 'ssuzuki@contoso.co.jp']);
  });
});
