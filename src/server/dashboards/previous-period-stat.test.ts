// A stat's change is against the whole local period before, on a real DuckDB store: at Lord Howe, whose clocks move
// by 30 minutes, the day of the change (23.5 hours) compares with all 24 hours of the local day before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, row } from '../../detect/testing/trace-rows.js';
import { openStore, type Store } from '../../store/index.js';
import { QueryService } from '../query/query-service.js';
import type { Panel } from './dashboard-schema.js';
import { runPanel } from './panel-runner.js';

const LIMITS = { rowLimit: 100_000, maxBytes: 64 * 1024 * 1024, timeoutMs: 60_000, concurrency: 2, concurrencyPerUser: 2 };
const ENV = { embargoedCountries: [] };
const STEP = 10 * 60_000;
const zone = 'Australia/Lord_Howe';
// A row every 10 minutes from 2 to 6 October 2026; one in three from sender a@, the others from b@.
const first = Date.parse('2026-10-02T00:00:00+10:30');
const last = Date.parse('2026-10-06T00:00:00+11:00');

let store: Store;
beforeAll(async () => {
  store = await openStore('duckdb::memory:');
  const rows = [];
  for (let t = first, i = 0; t < last; t += STEP, i++)
    rows.push(row(t, { SenderAddress: i % 3 === 0 ? 'a@contoso.com' : 'b@contoso.com', RecipientAddress: `r${i}@fabrikam.com` }));
  await load(store, rows);
}, 60_000);
afterAll(() => store?.close());

const count = (from: number, to: number, sender?: string) => {
  let n = 0;
  for (let t = first, i = 0; t < last; t += STEP, i++)
    if (t >= from && t < to && (!sender || (i % 3 === 0) === (sender === 'a@contoso.com'))) n++;
  return n;
};

const stat = (sum: boolean): Panel =>
  ({
    id: 'rows',
    kind: 'stat',
    title: 'Rows',
    description: '',
    width: 3,
    kql: 'MessageTrace | count',
    sparkline: 'MessageTrace | summarize Count = count() by Time = ${bin(Received)}',
    valueIsSparklineSum: sum,
    format: 'count',
    higherIsWorse: false,
  }) as Panel;

describe("a stat's previous period at Lord Howe", () => {
  // The local day of the change: 00:00 +10:30 to 00:00 +11:00, 23.5 hours.
  const from = Date.parse('2026-10-04T00:00:00+10:30');
  const to = Date.parse('2026-10-05T00:00:00+11:00');
  const dayBefore = Date.parse('2026-10-03T00:00:00+10:30');

  it.each([
    ['its own query', false, undefined],
    ['the sparkline sum of one query with a filter', true, 'a@contoso.com'],
    ['the sparkline sum without a filter', true, undefined],
  ])('counts the whole local day before (%s)', async (_label, sum, sender) => {
    const filters = sender ? { sender: [sender] } : {};
    const out = await runPanel(new QueryService(store, LIMITS), store, ENV, stat(sum), { from, to, filters, timeZone: zone, user: 't' });
    expect(Number(out.result.rows[0]![0])).toBe(count(from, to, sender));
    expect(Number(out.previous)).toBe(count(dayBefore, from, sender));
    // Not the 23.5 hours before the start, which would begin at 00:30 on the 3rd.
    expect(Number(out.previous)).not.toBe(count(from - (to - from), from, sender));
  });

  it('compares the 24-hour day after with the 23.5-hour day of the change', async () => {
    const next = Date.parse('2026-10-06T00:00:00+11:00');
    const out = await runPanel(new QueryService(store, LIMITS), store, ENV, stat(false), {
      from: to,
      to: next,
      filters: {},
      timeZone: zone,
      user: 't',
    });
    expect(Number(out.previous)).toBe(count(from, to));
    expect(count(from, to)).toBe(141);
  });
});
