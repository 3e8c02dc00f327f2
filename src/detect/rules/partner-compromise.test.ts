import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TraceRow } from '../../schema/index.js';
import { openStore, type Store } from '../../store/index.js';
import { runDetections } from '../run-detections.js';
import { load, row, testConfig } from '../testing/trace-rows.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-02T00:00:00Z');

/** Two weeks of mail both ways with a partner that sends from Japan (AS 2516), and a newsletter from the US. */
function history(days: number): TraceRow[] {
  const rows: TraceRow[] = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < 6; i++) {
      const t = START + d * DAY + 2 * HOUR + i * 600_000;
      rows.push(
        row(t, {
          SenderAddress: `s${i % 3}@fabrikam.example`,
          RecipientAddress: `u${i}@contoso.com`,
          FromCountry: 'JP',
          FromAsn: 2516,
          FromIP: '203.0.113.5',
        }),
        row(t + 60_000, { SenderAddress: `u${i}@contoso.com`, RecipientAddress: `s${i % 3}@fabrikam.example` }),
      );
    }
  }
  return rows;
}

function from(at: number, n: number, fields: Partial<TraceRow>): TraceRow[] {
  return Array.from({ length: n }, (_, i) =>
    row(at + i * 300_000, { SenderAddress: `s${i % 3}@fabrikam.example`, RecipientAddress: `u${i % 8}@contoso.com`, ...fields }),
  );
}

describe('partner-compromise', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => store.close());

  const run = () => runDetections({ store, config: testConfig(), rules: ['partner-compromise'], now: START + 16 * DAY });

  it('finds a partner suddenly writing from a country it never used', async () => {
    await load(store, [
      ...history(14),
      ...from(START + 14 * DAY + 3 * HOUR, 24, { FromCountry: 'NG', FromAsn: 36923, FromIP: '41.58.3.3' }),
    ]);
    const [f, ...rest] = await run();
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'high',
      count: 24,
      entities: { senderDomain: 'fabrikam.example', country: 'NG', ip: '41.58.3.3' },
    });
    expect(f!.title).toContain('NG');
    expect(f!.details).toMatchObject({ usualCountries: ['JP'], activeDaysBefore: 14 });
  });

  it('finds a sudden switch of sending infrastructure at home, one step lower', async () => {
    await load(store, [
      ...history(14),
      ...from(START + 14 * DAY + 3 * HOUR, 8, { FromCountry: 'JP', FromAsn: 9370, FromIP: '133.242.1.1' }),
    ]);
    const findings = await run();
    expect(findings.map((f) => f.severity)).toEqual(['low']);
  });

  it('stays quiet on a trip abroad, a new address at the usual host and a second server next to the usual one', async () => {
    await load(store, [
      ...history(14),
      ...from(START + 14 * DAY + 3 * HOUR, 2, { FromCountry: 'SG', FromAsn: 7473, FromIP: '119.73.130.1' }),
      ...from(START + 14 * DAY + 5 * HOUR, 10, { FromCountry: 'JP', FromAsn: 2516, FromIP: '203.0.113.77' }),
      ...from(START + 15 * DAY + 1 * HOUR, 6, { FromCountry: 'JP', FromAsn: 2516 }),
      ...from(START + 15 * DAY + 3 * HOUR, 6, { FromCountry: 'JP', FromAsn: 9370 }),
    ]);
    expect(await run()).toEqual([]);
  });
});
