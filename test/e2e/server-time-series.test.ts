// Time-series support in the API: the bins a panel ran with, and /api/freshness from the collectors' recorded state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphEntry, rwsEntry, spreadTraces, startHarness, type Harness } from '../../src/collect/testing/index.js';
import { configSchema } from '../../src/config/index.js';
import { buildApp, UserDirectory } from '../../src/server/index.js';
import { serverFixture, traceRow, type ServerFixture } from './server-fixture.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('panel results say which time bins they used', () => {
  let f: ServerFixture;
  const day0 = Date.UTC(2026, 10, 1);
  beforeAll(async () => {
    // Mail on Nov 1 and Nov 3 (UTC), none on Nov 2.
    f = await serverFixture({ rows: [traceRow(1), traceRow(2), traceRow(3, { Received: day0 + 2 * DAY + 10 * HOUR })] });
  });
  afterAll(() => f.close());

  const run = async (panel: string, from: number, to: number, tzOffsetMinutes?: number) => {
    const viewer = await f.login('viewer');
    const res = await f.as(viewer, 'POST', `/api/dashboards/overview/panels/${panel}/run`, {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      tzOffsetMinutes,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      kql: string;
      result: { rows: unknown[][] };
      bin?: { stepMs: number; originMs: number };
      sparkline?: { rows: unknown[][] };
    };
  };

  it("days from the viewer's midnight for a week, and every row starts a bin", async () => {
    const out = await run('status-per-day', day0 - 2 * DAY, day0 + 5 * DAY, 540);
    expect(out.bin).toEqual({ stepMs: DAY, originMs: -9 * HOUR });
    expect(out.kql).toContain('bin_at(Received, 1d, datetime(1969-12-31T15:00:00.000Z))');
    const times = out.result.rows.map((r) => Date.parse(String(r[0])));
    expect(times.length).toBe(2);
    for (const t of times) expect((t - out.bin!.originMs) % out.bin!.stepMs).toBe(0);
  });

  it('hours from the epoch for a day, days from UTC midnight without a zone', async () => {
    expect((await run('status-per-day', day0, day0 + DAY, 540)).bin).toEqual({ stepMs: HOUR, originMs: 0 });
    expect((await run('status-per-day', day0, day0 + 7 * DAY)).bin).toEqual({ stepMs: DAY, originMs: 0 });
  });

  it('stat panels with a binned sparkline have bins; panels without time bins have none', async () => {
    const stat = await run('delivered', day0, day0 + 7 * DAY, 540);
    expect(stat.bin?.stepMs).toBe(DAY);
    expect(stat.sparkline?.rows.length).toBe(2);
    for (const r of stat.sparkline!.rows) expect((Date.parse(String(r[0])) - stat.bin!.originMs) % DAY).toBe(0);
    expect((await run('top-sender-domains', day0, day0 + 7 * DAY, 540)).bin).toBeUndefined();
    expect((await run('status-share', day0, day0 + 7 * DAY, 540)).bin).toBeUndefined();
  });
});

describe('GET /api/freshness', () => {
  it('answers every signed-in role, 401 signed out, and null when nothing is collected', async () => {
    const f = await serverFixture({ rows: [traceRow(1)] });
    try {
      expect((await f.app.inject({ url: '/api/freshness' })).statusCode).toBe(401);
      for (const role of ['viewer', 'analyst', 'admin'] as const) {
        const res = await f.as(await f.login(role), 'GET', '/api/freshness');
        expect(res.statusCode, role).toBe(200);
        expect(res.json()).toEqual({ settledUntil: null, collectors: [] });
      }
      const doc = (await f.as(await f.login('viewer'), 'GET', '/api/docs/json')).json() as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toContain('/api/freshness');
    } finally {
      await f.close();
    }
  });

  describe('with collectors that have run', () => {
    const T0 = Date.parse('2026-03-10T06:00:00Z');
    let h: Harness;
    let app: Awaited<ReturnType<typeof buildApp>>;
    let ranAt = 0;
    beforeAll(async () => {
      h = await startHarness(spreadTraces(60, 2, T0), { now: T0 });
      // A real Graph pass against the fake tenant records its complete-up-to time the way every pass does.
      ranAt = h.clock.now();
      const report = await h.run({ lag: '15m' });
      expect(report.ok, JSON.stringify(report.error)).toBe(true);
      const users = new UserDirectory(h.store);
      await users.addUser('viewer', 'viewer', 'viewer-password-1');
      const config = configSchema.parse({
        organization: { name: 'Contoso', acceptedDomains: ['contoso.com'] },
        collectors: [graphEntry(h.fake), rwsEntry(h.fake), graphEntry(h.fake, { name: 'retired', enabled: false })],
      });
      app = await buildApp({ config, store: h.store, logger: false });
    });
    afterAll(async () => {
      await app?.close();
      await h?.close();
    });

    const freshness = async () => {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'viewer', password: 'viewer-password-1' },
      });
      const cookie = login.cookies.find((c) => c.name === 'mailsift_session')!;
      const res = await app.inject({ url: '/api/freshness', headers: { cookie: `mailsift_session=${cookie.value}` } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        settledUntil: string | null;
        collectors: { name: string; completeUpTo: string | null; lastSuccessAt: string | null }[];
      };
    };

    it('is the complete-up-to time of the one collector that has stored a window; one that has not is listed without one', async () => {
      const out = await freshness();
      expect(out.collectors.map((c) => c.name)).toEqual(['m365', 'legacy']);
      const m365 = out.collectors[0]!;
      expect(Date.parse(m365.completeUpTo!)).toBe(ranAt - 15 * 60_000);
      expect(m365.lastSuccessAt).not.toBeNull();
      expect(out.collectors[1]).toEqual({ name: 'legacy', completeUpTo: null, lastSuccessAt: null, lastError: null });
      expect(out.settledUntil).toBe(m365.completeUpTo);
    });

    it('is the earliest of the enabled collectors once several have run; a disabled one does not count', async () => {
      const rwsAt = h.clock.now();
      expect((await h.runRws({ lag: '2h' })).ok).toBe(true);
      // A disabled collector's state stays in the store; it is further behind than any, but it is not running.
      expect((await h.run({ name: 'retired', lag: '1d' })).ok).toBe(true);
      const out = await freshness();
      expect(out.collectors.map((c) => c.name)).toEqual(['m365', 'legacy']);
      expect(Date.parse(out.collectors[1]!.completeUpTo!)).toBe(rwsAt - 2 * HOUR);
      expect(out.settledUntil).toBe(out.collectors[1]!.completeUpTo);
    });
  });
});
