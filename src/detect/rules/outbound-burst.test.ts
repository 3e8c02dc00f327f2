import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceRow } from '../../schema/index.js';
import { openStore, type Store } from '../../store/index.js';
import { runDetections } from '../run-detections.js';
import { load, row, testConfig } from '../testing/trace-rows.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-02T00:00:00Z'); // Monday

/** Each of five users writes ~8 external messages on working days, to a few regular domains. */
function history(days: number): TraceRow[] {
  const rows: TraceRow[] = [];
  for (let d = 0; d < days; d++) {
    if (d % 7 >= 5) continue;
    for (let u = 0; u < 5; u++) {
      for (let i = 0; i < 8; i++)
        rows.push(
          row(START + d * DAY + (9 + i) * HOUR, {
            SenderAddress: `user${u}@contoso.com`,
            RecipientAddress: `c${i}@client${i % 3}.example`,
          }),
        );
    }
  }
  return rows;
}

describe('outbound-burst', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  it('finds a hijacked mailbox sending at night to many new domains', async () => {
    const at = START + 9 * DAY + 2 * HOUR; // Wednesday 02:00 UTC
    const burst = Array.from({ length: 200 }, (_, i) =>
      row(at + i * 30_000, {
        SenderAddress: 'user1@contoso.com',
        RecipientAddress: `info@target${i}.example`,
        Status: i % 3 === 0 ? 'Failed' : 'Delivered',
        FromIP: '203.0.113.66',
      }),
    );
    await load(store, [...history(11), ...burst]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['outbound-burst'], now: START + 12 * DAY });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'high', count: 208, entities: { sender: 'user1@contoso.com', ip: '203.0.113.66' } });
    expect(findings[0]!.details.signals).toHaveLength(3);
    // The chart's series: each local day from the first with data to the burst, the burst day last.
    const series = findings[0]!.details.series as { day: string; observed: number; expected: number }[];
    expect(series.map((p) => p.day)).toEqual(Array.from({ length: 10 }, (_, d) => new Date(START + d * DAY).toISOString()));
    expect(series.map((p) => p.observed)).toEqual([8, 8, 8, 8, 8, 0, 0, 8, 8, 208]);
    expect(new Set(series.map((p) => p.expected))).toEqual(new Set([(findings[0]!.details.usual as { rows: number }).rows]));
  });

  it('stays quiet on a busy but ordinary day to known domains in office hours', async () => {
    const at = START + 9 * DAY + 9 * HOUR;
    const busy = Array.from({ length: 60 }, (_, i) =>
      row(at + i * 300_000, { SenderAddress: 'user1@contoso.com', RecipientAddress: `c${i % 8}@client${i % 3}.example` }),
    );
    await load(store, [...history(11), ...busy]);
    const findings = await runDetections({ store, config: testConfig(), rules: ['outbound-burst'], now: START + 12 * DAY });
    expect(findings).toEqual([]);
  });
});
