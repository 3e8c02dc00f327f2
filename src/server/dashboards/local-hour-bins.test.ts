// Hourly bins in zones that are not a whole hour from UTC, run on a real DuckDB store: every bucket starts on a
// local whole hour and holds exactly the rows of that local hour, also across Adelaide's 1-hour and Lord Howe's
// 30-minute clock changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClockOf } from '../../config/index.js';
import { load, row } from '../../detect/testing/trace-rows.js';
import { openStore, runKql, type Store } from '../../store/index.js';
import { localHourStarts } from './local-day-bins.js';
import { binSpec, panelKql } from './panel-runner.js';

const HOUR = 3_600_000;
const STEP = 10 * 60_000;
const env = { embargoedCountries: [] };

// Two-day ranges: hours are the bin up to three days.
const CASES: [string, string, number][] = [
  ['India +05:30', 'Asia/Kolkata', Date.UTC(2026, 6, 1, 0)],
  ['Nepal +05:45', 'Asia/Kathmandu', Date.UTC(2026, 6, 1, 0)],
  ['Adelaide, DST starts (+09:30 to +10:30)', 'Australia/Adelaide', Date.UTC(2026, 9, 3, 0)],
  ['Lord Howe, DST starts (+10:30 to +11:00)', 'Australia/Lord_Howe', Date.UTC(2026, 9, 3, 0)],
  ['Lord Howe, DST ends (+11:00 to +10:30)', 'Australia/Lord_Howe', Date.UTC(2026, 3, 4, 0)],
];

let store: Store;
beforeAll(async () => {
  store = await openStore('duckdb::memory:');
  const rows = [];
  for (const from of new Set(CASES.map((c) => c[2])))
    for (let t = from; t < from + 2 * 86_400_000; t += STEP)
      rows.push(row(t, { SenderAddress: 'a@contoso.com', RecipientAddress: `r${rows.length}@contoso.com` }));
  await load(store, rows);
}, 60_000);
afterAll(() => store?.close());

describe('hourly bins on the local hour', () => {
  it.each(CASES)('%s', async (_name, zone, from) => {
    const to = from + 2 * 86_400_000;
    const request = { from, to, filters: {}, timeZone: zone };
    const kql = panelKql(
      `MessageTrace | where Received >= datetime(${new Date(from).toISOString()}) and Received < datetime(${new Date(to).toISOString()}) | summarize Count = count() by Time = \${bin(Received)} | sort by Time asc`,
      request,
      env,
    );
    const result = await runKql(store, kql);
    const got = result.rows.map((r) => [Date.parse(String(r[0])), Number(r[1])]);
    // Expected: each row counted under the last local whole hour at or before it.
    const expected = new Map<number, number>();
    for (let t = from; t < to; t += STEP) {
      let start = t - (wallClockOf(t, zone) % HOUR);
      while (wallClockOf(start, zone) % HOUR !== 0) start -= 15 * 60_000;
      expected.set(start, (expected.get(start) ?? 0) + 1);
    }
    expect(got).toEqual([...expected].sort((a, b) => a[0] - b[0]));
    for (const [t] of got) expect(wallClockOf(t!, zone) % HOUR, new Date(t!).toISOString()).toBe(0);
    // The chart's buckets are the same hours.
    const spec = binSpec(request);
    const starts = spec.starts ?? got.map(([t]) => t!);
    for (const [t] of got) expect(starts.includes(t!) || (t! - spec.originMs) % HOUR === 0).toBe(true);
  });

  it("lists Lord Howe's 90-minute hour, and nothing for zones whose hours stay an hour apart", () => {
    const starts = localHourStarts('Australia/Lord_Howe', Date.UTC(2026, 9, 3, 13), Date.UTC(2026, 9, 3, 18));
    expect(starts?.map((t) => new Date(t).toISOString())).toEqual([
      '2026-10-03T12:30:00.000Z',
      '2026-10-03T13:30:00.000Z',
      // 01:00 local; 02:00 never shows (at 15:30 UTC the clock jumps from 02:00 to 02:30): the next hour is 03:00.
      '2026-10-03T14:30:00.000Z',
      '2026-10-03T16:00:00.000Z',
      '2026-10-03T17:00:00.000Z',
    ]);
    expect(localHourStarts('Australia/Adelaide', Date.UTC(2026, 9, 3, 0), Date.UTC(2026, 9, 5, 0))).toBeUndefined();
    expect(localHourStarts('Asia/Kolkata', Date.UTC(2026, 6, 1), Date.UTC(2026, 6, 3))).toBeUndefined();
  });
});
