import { afterEach, describe, expect, it } from 'vitest';
import { collectorStatus, fetchMessageDetails, startCollectors, type PassReport } from './index.js';
import { graphEntry, rwsEntry, spreadTraces, startHarness, type Harness } from './testing/index.js';

const T0 = Date.parse('2026-03-01T00:00:00Z');

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const stop of schedulers.splice(0)) await stop();
  for (const h of harnesses.splice(0)) await h.close();
});

// Stopped after each test even when it fails, so one failure does not leave a collector running for the next.
const schedulers: (() => Promise<void>)[] = [];

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('startCollectors', () => {
  it('runs each collector on its interval, serves detail lookups within the budget, and stops', async () => {
    const h = await startHarness(spreadTraces(100, 2, T0), { now: T0 });
    harnesses.push(h);
    const reports: PassReport[] = [];
    const scheduler = startCollectors({
      collectors: [
        graphEntry(h.fake, { interval: '5m' }),
        rwsEntry(h.fake, { interval: '10m' }),
        graphEntry(h.fake, { name: 'off', enabled: false }),
      ],
      store: h.store,
      enrich: h.enrich,
      clock: h.clock,
      onPass: (r) => reports.push(r),
    });
    schedulers.push(() => scheduler.stop());
    expect(scheduler.collectors.map((c) => c.name)).toEqual(['m365', 'legacy']);
    await until(() => reports.filter((r) => r.name === 'm365').length >= 3);

    const row = (await h.store.query(`SELECT "MessageTraceId", "RecipientAddress" FROM "MessageTrace" LIMIT 1`)).rows[0]!;
    const events = await fetchMessageDetails('m365', String(row[0]), String(row[1]));
    expect(events.map((e) => e.Event)).toEqual(['RECEIVE', 'DELIVER']);
    expect(events[0]).toMatchObject({
      MessageTraceId: row[0],
      RecipientAddress: row[1],
      Source: 'graph',
      ClientIP: expect.stringMatching(/^198\.51\.100\./),
    });
    expect((await h.store.query('SELECT count(*) FROM "MessageEvents"')).rows[0]![0]).toBe(2);
    await expect(fetchMessageDetails('legacy', String(row[0]), String(row[1]))).rejects.toThrow(/offers no per-recipient details/);
    await expect(fetchMessageDetails('nope', 'x', 'y')).rejects.toMatchObject({ code: 'COLLECTOR_NOT_FOUND' });

    const status = await collectorStatus(h.store);
    expect(status.map((s) => s.name).sort()).toEqual(['legacy', 'm365']);
    await scheduler.stop();
    // What the last pass recorded: its requests and the budget. (Requests used in the rolling window are not
    // checked here: the two collectors share one simulated clock, and the other one's sleep moves it on by
    // minutes in the middle of a pass; request-budget.test.ts covers the window.)
    const recorded = (await collectorStatus(h.store)).find((s) => s.name === 'm365')!;
    expect(recorded.requestsLastPass).toBeGreaterThan(0);
    expect(recorded.requestBudget).toBeGreaterThan(0);
    await expect(fetchMessageDetails('m365', String(row[0]), String(row[1]))).rejects.toThrow(/no running collector/);
    const passes = reports.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(reports.length).toBe(passes);
    // Passes of one collector are an interval apart on the shared clock.
    const starts = reports.filter((r) => r.name === 'm365').map((r) => Date.parse(r.startedAt));
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(5 * 60_000);
  });

  it('refuses a second scheduler for the same collector name in one process', async () => {
    const h = await startHarness([], { now: T0 });
    harnesses.push(h);
    const a = startCollectors({ collectors: [graphEntry(h.fake)], store: h.store, enrich: h.enrich, clock: h.clock });
    expect(() => startCollectors({ collectors: [graphEntry(h.fake)], store: h.store, enrich: h.enrich, clock: h.clock })).toThrow(
      /already running/,
    );
    await a.stop();
  });
});
