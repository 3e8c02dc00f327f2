import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import type { Finding } from './finding.js';
import { startDetections } from './start-detections.js';
import { load, row, testConfig } from './testing/trace-rows.js';

describe('startDetections', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  it('runs at once and on demand over the recent window, without overlapping runs', async () => {
    const now = Date.parse('2026-03-03T00:00:00Z');
    await load(store, [
      row(now - 3_600_000, { SenderAddress: 'x@trade.kp', RecipientAddress: 'a@contoso.com', FromCountry: 'KP', FromIP: '175.45.176.1' }),
      row(now - 5 * 86_400_000, {
        SenderAddress: 'old@trade.kp',
        RecipientAddress: 'a@contoso.com',
        FromCountry: 'KP',
        FromIP: '175.45.176.2',
      }),
    ]);
    const seen: Finding[][] = [];
    const schedule = startDetections({ store, config: testConfig(), interval: '1h', now: () => now, onFindings: (f) => void seen.push(f) });
    const [a, b] = await Promise.all([schedule.runNow(), schedule.runNow()]);
    await schedule.stop();
    expect(seen).toHaveLength(3);
    expect(a!.map((f) => f.entities.ip)).toEqual(['175.45.176.1']);
    expect(b!.map((f) => f.id)).toEqual(a!.map((f) => f.id));
  });

  it('rejects an interval that is not a duration', () => {
    expect(() => startDetections({ store, config: testConfig(), interval: 'soon' })).toThrow(/not a duration/);
  });
});
