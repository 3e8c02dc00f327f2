import { afterEach, describe, expect, it } from 'vitest';
import { collectorStatus, startCollectors, type PassReport } from './index.js';
import {
  expectedRows,
  fakeTrace,
  graphEntry,
  spreadTraces,
  startHarness,
  storedRows,
  TENANT_ID,
  type FakeTrace,
  type Harness,
  type HarnessOptions,
} from './testing/index.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-01T00:00:00Z');

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

/** A fake tenant with `rows`, a clock at T0, and an in-memory store. */
async function setup(rows: FakeTrace[], options: Partial<HarnessOptions> = {}): Promise<Harness> {
  const h = await startHarness(rows, { now: T0, ...options });
  harnesses.push(h);
  return h;
}

const spread = (n: number, days: number) => spreadTraces(n, days, T0);

describe('Graph collector against the fake Microsoft', () => {
  it('collects continuously without a missing row, a duplicate or a stale status (late rows, status changes, paging)', async () => {
    // Eight days of history, then six hours of live mail: some published late, some pending for a while.
    const history = spread(400, 8);
    const live: FakeTrace[] = [];
    for (let i = 0; i < 240; i++) {
      const received = T0 + i * 90_000;
      const delay = i % 10 === 0 ? 3 * HOUR : i % 7 === 0 ? 40 * MIN : 2 * MIN;
      const t = fakeTrace(10_000 + i, received, {
        publishedAt: received + delay,
        statuses: [{ at: received + delay, status: i % 4 === 0 ? 'pending' : 'delivered' }],
      });
      if (i % 4 === 0) t.statuses.push({ at: received + delay + (20 + (i % 70)) * MIN, status: i % 8 === 0 ? 'failed' : 'delivered' });
      live.push(t);
      // A second recipient of the same message.
      if (i % 5 === 0) live.push({ ...t, recipientAddress: `second${i}@contoso.com`, statuses: t.statuses.map((s) => ({ ...s })) });
    }
    const { clock, dataset, fake, store, enrich } = await setup([...history, ...live]);
    const reports: PassReport[] = [];
    const scheduler = startCollectors({
      collectors: [graphEntry(fake, { pageSize: 50, interval: '15m', lag: '15m', lookback: '24h', initialLookback: '7d' })],
      store,
      enrich,
      clock,
      onPass: (r) => reports.push(r),
    });
    while (clock.now() < T0 + 10 * HOUR) await new Promise((r) => setTimeout(r, 5));
    await scheduler.stop();

    expect(reports.length).toBeGreaterThan(30);
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    const last = reports.at(-1)!;
    const truth = expectedRows(dataset.visible(clock.now(), T0 - 7 * DAY, Date.parse(last.completeUpTo!)));
    const stored = await storedRows(store);
    expect(stored.length).toBe(truth.length);
    expect(stored).toEqual(truth);
    expect(truth.filter((r) => r.status === 'Failed').length).toBeGreaterThan(10);
    // Late rows and changed statuses were picked up by later passes, as updates, not duplicates.
    expect(reports.reduce((n, r) => n + r.updated, 0)).toBeGreaterThan(40);
    expect(reports.slice(1).reduce((n, r) => n + r.new, 0)).toBe(truth.length - reports[0]!.new);
    expect(fake.violations).toEqual([]);
    expect(fake.throttled()).toBe(0);
    expect(fake.maxInWindow()).toBeLessThanOrEqual(100);
    const [status] = await collectorStatus(store);
    expect(status).toMatchObject({
      name: 'm365',
      type: 'graph',
      lastError: null,
      completeUpTo: last.completeUpTo,
      checkpoint: last.checkpoint,
      requestBudget: 100,
    });
  });

  it('reads a long first run in windows of at most 10 days, oldest first, and starts no older than 90 days', async () => {
    const { fake, run, store, clock } = await setup(spread(500, 95));
    const report = await run({ initialLookback: '90d', pageSize: 1000 });
    expect(report.error).toBeUndefined();
    expect(report.windows.length).toBe(9);
    for (const w of report.windows) expect(Date.parse(w.end) - Date.parse(w.start)).toBeLessThanOrEqual(10 * DAY);
    expect(Date.parse(report.windows[0]!.start)).toBeGreaterThanOrEqual(T0 - 90 * DAY);
    expect(report.windows.map((w) => w.start)).toEqual([...report.windows.map((w) => w.start)].sort());
    const stored = await storedRows(store);
    expect(stored.length).toBe(report.new);
    expect(stored.length).toBeGreaterThan(460);
    expect(fake.log.filter((r) => r.kind === 'list').every((r) => r.status === 200)).toBe(true);
    expect(report.checkpoint).toBe(new Date(clock.now() - 15 * MIN).toISOString().replace('.000', ''));
  });

  it('reports a gap when the checkpoint is older than Microsoft keeps', async () => {
    const { run, store } = await setup(spread(50, 2));
    await store.setState('collector:m365', {
      checkpoint: '2025-10-01T00:00:00Z',
      completeUpTo: '2025-10-01T00:00:00Z',
      type: 'graph',
      tenantId: TENANT_ID,
    });
    const report = await run();
    expect(report.ok).toBe(true);
    expect(report.gap?.from).toBe('2025-10-01T00:00:00Z');
    const [status] = await collectorStatus(store);
    expect(status!.gap).toEqual(report.gap);
  });

  it('keeps the reason of the first rejected record as code and parameters, to be written in the language of the reader', async () => {
    const bad = fakeTrace(900_001, T0 - 2 * HOUR, { recipientAddress: '' });
    const { run } = await setup([...spread(20, 1), bad]);
    const report = await run();
    expect(report.rejected).toBe(1);
    expect(report.firstReject).toBe('missing recipientAddress');
    expect(report.firstRejectReason).toEqual({ code: 'missing-field', params: { field: 'recipientAddress' } });
  });

  it('obeys Retry-After on 429 and 503: no request of the tenant goes out before it has passed', async () => {
    const { fake, run, store } = await setup(spread(300, 3));
    fake.inject('list', { kind: 'status', status: 429, retryAfter: '120' });
    fake.inject('list', { kind: 'status', status: 503, retryAfter: '30' }, 2);
    fake.inject('list', { kind: 'status', status: 429, retryAfter: new Date(T0 + 10 * MIN).toUTCString() });
    const report = await run({ pageSize: 40 });
    expect(report.error).toBeUndefined();
    expect(fake.violations).toEqual([]);
    const lists = fake.log.filter((r) => r.kind === 'list');
    const first = lists.findIndex((r) => r.status === 429);
    expect(lists[first + 1]!.time - lists[first]!.time).toBeGreaterThanOrEqual(120_000);
    const dated = lists.filter((r) => r.status === 429)[1]!;
    expect(lists[lists.indexOf(dated) + 1]!.time).toBeGreaterThanOrEqual(T0 + 10 * MIN);
    expect((await storedRows(store)).length).toBe(report.rows - report.duplicates - report.updated);
  });

  it("respects the service's own rolling limit when it is lower than the client's budget", async () => {
    const { fake, run, store, dataset, clock } = await setup(spread(600, 2), { limit: 20 });
    const report = await run({ pageSize: 10 });
    expect(report.error).toBeUndefined();
    expect(fake.throttled()).toBeGreaterThan(0);
    expect(fake.violations).toEqual([]);
    expect(await storedRows(store)).toEqual(expectedRows(dataset.visible(clock.now(), T0 - 7 * DAY, Date.parse(report.completeUpTo!))));
  });

  it('keeps within 100 requests per rolling 5 minutes on its own, without a single 429', async () => {
    const { fake, run } = await setup(spread(2500, 5));
    const report = await run({ pageSize: 10 });
    expect(report.error).toBeUndefined();
    expect(report.requests).toBeGreaterThan(240);
    expect(fake.throttled()).toBe(0);
    expect(fake.maxInWindow()).toBeLessThanOrEqual(90);
  });

  it('retries server errors and dropped connections with backoff', async () => {
    const { fake, run, store, dataset, clock } = await setup(spread(200, 2));
    fake.inject('list', { kind: 'status', status: 500 });
    fake.inject('list', { kind: 'drop' }, 2);
    fake.inject('list', { kind: 'status', status: 502 });
    fake.inject('token', { kind: 'drop' });
    const report = await run({ pageSize: 50 });
    expect(report.error).toBeUndefined();
    expect(await storedRows(store)).toEqual(expectedRows(dataset.visible(clock.now(), T0 - 7 * DAY, Date.parse(report.completeUpTo!))));
    expect(clock.slept).toBeGreaterThan(0);
  });

  it('signs in again when the token expires in the middle of paging', async () => {
    const { fake, run, store, dataset, clock } = await setup(spread(200, 2));
    fake.inject('list', { kind: 'pass' }, 2);
    fake.inject('list', { kind: 'expire-token' });
    const report = await run({ pageSize: 20 });
    expect(report.error).toBeUndefined();
    expect(fake.identity.tokenRequests).toBe(2);
    const lists = fake.log.filter((x) => x.kind === 'list');
    expect(lists.map((x) => x.status).slice(0, 5)).toEqual([200, 200, 401, 200, 200]);
    // The retried page is the same nextLink, sent again verbatim.
    expect(lists[3]!.path).toBe(lists[2]!.path);
    expect(await storedRows(store)).toEqual(expectedRows(dataset.visible(clock.now(), T0 - 7 * DAY, Date.parse(report.completeUpTo!))));
  });
});
