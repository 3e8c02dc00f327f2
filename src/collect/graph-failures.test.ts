import { afterEach, describe, expect, it } from 'vitest';
import { collectorStatus, runCollectorsOnce, type PassReport } from './index.js';
import {
  CLIENT_SECRET,
  expectedRows,
  graphEntry,
  spreadTraces,
  startHarness,
  storedRows,
  type Harness,
  type HarnessOptions,
} from './testing/index.js';

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function setup(options: Partial<HarnessOptions> = {}): Promise<Harness> {
  const h = await startHarness(spreadTraces(120, 3, T0), { now: T0, ...options });
  harnesses.push(h);
  return h;
}

/** A failed pass: one line, a stable code, no secret, the checkpoint untouched, the error kept in the status. */
async function expectFailure(h: Harness, report: PassReport, code: string, pattern: RegExp): Promise<void> {
  expect(report.ok).toBe(false);
  expect(report.error?.code).toBe(code);
  expect(report.error?.message).toMatch(pattern);
  expect(report.error?.message).not.toMatch(/\n/);
  expect(report.error?.message).not.toContain(CLIENT_SECRET);
  expect(await h.store.getState('collector:m365')).toBeUndefined();
  const [status] = await collectorStatus(h.store);
  expect(status!.lastError).toMatchObject({ code, message: report.error!.message });
  expect(status!.lastSuccessAt).toBeNull();
  expect(JSON.stringify(status)).not.toContain(CLIENT_SECRET);
}

describe('Graph collector failures, each with a clear one-line message', () => {
  it('401 after a fresh token: names the missing service principal and how to create it', async () => {
    const h = await setup({ servicePrincipal: false });
    const report = await h.run();
    await expectFailure(
      h,
      report,
      'COLLECTOR_AUTH',
      /8bd644d1-64a1-4d4b-ae52-2e0cbf64e373.*New-MgServicePrincipal -AppId 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373/,
    );
    // Exactly one renewal and one retry, not a loop.
    expect(h.fake.log.filter((r) => r.kind === 'list').map((r) => r.status)).toEqual([401, 401]);
    expect(h.fake.identity.tokenRequests).toBe(2);
  });

  it('403: names the missing ExchangeMessageTrace.Read.All application permission', async () => {
    const h = await setup({ app: { graphPermission: false } });
    await expectFailure(h, await h.run(), 'COLLECTOR_PERMISSION', /ExchangeMessageTrace\.Read\.All/);
  });

  it('an HTML sign-in page with status 200 is an error, not data: retried, and when it stays, the window fails', async () => {
    const h = await setup();
    h.fake.inject('list', { kind: 'html' }, 3);
    await expectFailure(h, await h.run(), 'COLLECTOR_RESPONSE', /HTML page instead of JSON 3 times .*the next pass tries again/);
    expect(await storedRows(h.store)).toEqual([]);
    expect(h.fake.log.filter((r) => r.kind === 'list').length).toBe(3);
  });

  it('an HTML page mid-paging is retried like other transient faults; the pass stores every row once', async () => {
    const h = await setup();
    h.fake.inject('list', { kind: 'pass' }, 2);
    h.fake.inject('list', { kind: 'html' }, 2);
    const report = await h.run({ pageSize: 20 });
    expect(report.ok, report.error?.message).toBe(true);
    expect(await storedRows(h.store)).toEqual(
      expectedRows(h.dataset.visible(h.clock.now(), T0 - 7 * DAY, Date.parse(report.completeUpTo!))),
    );
  });

  it('asks Graph for evolvable enum members: a recalled message is stored as Recalled', async () => {
    const h = await setup();
    const [one] = spreadTraces(1, 0.1, T0 - 3_600_000, 5000);
    h.dataset.add(one!);
    h.dataset.changeStatus(one!.id, one!.recipientAddress, T0 - 3_000_000, 'recalled');
    expect((await h.run()).ok).toBe(true);
    const r = await h.store.query('SELECT "Status" FROM "MessageTrace" WHERE "MessageTraceId" = $1', [one!.id]);
    expect(r.rows).toEqual([['Recalled']]);
  });

  it("400 for a window Microsoft rejects (this machine's clock runs 30 minutes fast)", async () => {
    const h = await setup({ skewMs: -30 * MIN });
    await expectFailure(
      h,
      await h.run(),
      'COLLECTOR_REQUEST',
      /rejected the request for window .*\(400\): The end date cannot be later than the current time/,
    );
  });

  it('a wrong client secret: the AADSTS code and what to do, never the secret', async () => {
    const h = await setup({ app: { clientSecret: 'another-secret-value' } });
    await expectFailure(h, await h.run(), 'COLLECTOR_AUTH', /AADSTS7000215: the client secret is wrong/);
  });

  it('never repeats a secret, even when the sign-in endpoint echoes it', async () => {
    const h = await setup();
    h.fake.inject('token', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ error: 'invalid_request', error_description: `AADSTS50000: bad request with client_secret=${CLIENT_SECRET}` }),
    });
    const report = await h.run();
    await expectFailure(h, report, 'COLLECTOR_AUTH', /\[redacted\]/);
  });

  it('an unknown tenant and a malformed config are named plainly', async () => {
    const h = await setup();
    const report = await h.run({ tenantId: 'fabrikam.onmicrosoft.com' });
    expect(report.error).toMatchObject({ code: 'COLLECTOR_AUTH', message: expect.stringMatching(/AADSTS90002: the tenant was not found/) });
    await expect(
      runCollectorsOnce({ collectors: [graphEntry(h.fake, { pageSize: 6000 })], store: h.store, enrich: h.enrich, clock: h.clock }),
    ).rejects.toThrow(/collectors\.0 \(m365\)\.pageSize/);
  });

  it.each([
    [
      '503 outlasting every retry',
      { kind: 'status', status: 503 } as const,
      8,
      'COLLECTOR_UNAVAILABLE',
      /failed 8 times .* unavailable \(503\)/,
    ],
    ['an HTML page mid-paging that persists', { kind: 'html' } as const, 3, 'COLLECTOR_RESPONSE', /HTML page instead of JSON 3 times/],
  ])(
    '%s fails that window only: the checkpoint stays, the next pass catches up without a missing row',
    async (_what, fault, times, code, message) => {
      const h = await setup();
      const first = await h.run({ pageSize: 20 });
      expect(first.ok).toBe(true);
      const checkpoint = (await h.store.getState('collector:m365'))!.value;
      h.dataset.add(...spreadTraces(60, 0.5, T0 + 2 * 3_600_000, 1000));
      h.clock.advance(2 * 3_600_000);
      h.fake.inject('list', { kind: 'pass' }, 2);
      h.fake.inject('list', fault, times);
      const failed = await h.run({ pageSize: 20 });
      expect(failed.error).toMatchObject({ code, message: expect.stringMatching(message) });
      expect((await h.store.getState('collector:m365'))!.value).toEqual(checkpoint);
      expect((await collectorStatus(h.store))[0]!.lastError?.code).toBe(code);
      h.clock.advance(5 * MIN);
      const again = await h.run({ pageSize: 20 });
      expect(again.ok).toBe(true);
      expect(await storedRows(h.store)).toEqual(
        expectedRows(h.dataset.visible(h.clock.now(), T0 - 7 * DAY, Date.parse(again.completeUpTo!))),
      );
      expect(h.fake.violations).toEqual([]);
    },
  );
});
