// The detections' local day across clock changes: the KQL the rules group by gives each row the day LocalClock gives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, runKql, type Store } from '../store/index.js';
import { load, row } from './testing/trace-rows.js';
import { dayOf, LocalClock } from './time-zone.js';

const TIMES = [
  '2026-10-31T03:59:00Z', // Oct 30 23:59 EDT
  '2026-10-31T04:00:00Z', // Oct 31 00:00 EDT
  '2026-11-01T03:30:00Z', // Oct 31 23:30 EDT
  '2026-11-01T05:30:00Z', // Nov 1 01:30 EDT (the first of two 01:30s)
  '2026-11-01T06:30:00Z', // Nov 1 01:30 EST
  '2026-11-02T04:30:00Z', // Nov 1 23:30 EST: a fixed 24-hour step from Oct 31's midnight would put it on Nov 2
  '2026-11-02T05:00:00Z', // Nov 2 00:00 EST
  '2026-03-29T00:30:00Z', // Berlin: Mar 29 01:30 CET, before summer time starts at 02:00
  '2026-03-29T22:30:00Z', // Berlin: Mar 30 00:30 CEST
];

describe('local days of the detections across DST changes', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore('duckdb::memory:');
    await load(
      store,
      TIMES.map((t) => row(t, { SenderAddress: 'a@fabrikam.com', RecipientAddress: 'b@contoso.com', Subject: t })),
    );
  });
  afterAll(() => store.close());

  for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo']) {
    it(`groups rows by their local day in ${zone}`, async () => {
      const clock = new LocalClock(zone);
      const from = Date.parse('2026-03-01T00:00:00Z');
      const to = Date.parse('2026-11-30T00:00:00Z');
      const r = await runKql(store, `MessageTrace | project Subject, Day = ${clock.localDateKql('Received', from, to)}`);
      const days = new Map(r.rows.map((x) => [String(x[0]), dayOf(x[1])]));
      for (const t of TIMES) expect(days.get(t), t).toBe(clock.day(Date.parse(t)));
      // Each local day starts where LocalClock says, also on the 25-hour day.
      const nov1 = clock.day(Date.parse('2026-11-01T12:00:00Z'));
      if (zone === 'America/New_York') expect(clock.dayStart(nov1 + 1) - clock.dayStart(nov1)).toBe(25 * 3_600_000);
    });
  }
});
