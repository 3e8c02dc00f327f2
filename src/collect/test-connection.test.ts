// "Test connection" against the local fake of Microsoft identity and Graph: each check passes or names what is missing.
import { afterEach, describe, expect, it } from 'vitest';
import { testCollectorConnection } from './test-connection.js';
import { CLIENT_SECRET, graphEntry, rwsEntry, spreadTraces, startHarness, type Harness, type HarnessOptions } from './testing/index.js';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function test(options: Partial<HarnessOptions> = {}, entry = (h: Harness) => graphEntry(h.fake)) {
  const h = await startHarness(spreadTraces(20, 1, T0 - 86_400_000), { now: T0, ...options });
  harnesses.push(h);
  const result = await testCollectorConnection([entry(h)], String(entry(h).name), { clock: h.clock });
  expect(JSON.stringify(result)).not.toContain(CLIENT_SECRET);
  return { h, result, steps: Object.fromEntries(result.steps.map((s) => [s.step, s.ok])) };
}

describe('collector connection test', () => {
  it('passes every check with one small request', async () => {
    const { h, result, steps } = await test();
    expect(result.ok).toBe(true);
    expect(steps).toEqual({ configuration: true, token: true, 'service-principal': true, permission: true, request: true });
    expect(h.fake.log.filter((r) => r.kind === 'list')).toHaveLength(1);
    expect(h.fake.log.find((r) => r.kind === 'list')!.path).toMatch(/%24top=1|\$top=1/);
  });

  it("names the missing service principal of Microsoft's message trace app", async () => {
    const { result, steps } = await test({ servicePrincipal: false });
    expect(result.ok).toBe(false);
    expect(steps).toMatchObject({ token: true, 'service-principal': false, permission: null, request: null });
    expect(result.steps[2]!.detail).toMatch(/New-MgServicePrincipal -AppId 8bd644d1/);
  });

  it('names the missing permission', async () => {
    const { result, steps } = await test({ app: { graphPermission: false } });
    expect(steps).toMatchObject({ token: true, 'service-principal': true, permission: false, request: null });
    expect(result.steps[3]!.detail).toMatch(/ExchangeMessageTrace\.Read\.All/);
  });

  it('stops at a refused sign-in, and at a wrong entry, saying why', async () => {
    const wrong = await test({}, (h) => graphEntry(h.fake, { clientSecret: 'not-the-secret-value' }));
    expect(wrong.steps).toMatchObject({ configuration: true, token: false, 'service-principal': null });
    expect(wrong.result.steps[1]!.detail).toMatch(/client secret is wrong/);
    const bad = await test({}, (h) => graphEntry(h.fake, { tenantId: '' }));
    expect(bad.steps).toMatchObject({ configuration: false, token: null });
  });

  it('tests a Reporting Web Service collector without the service principal check', async () => {
    const { result, steps } = await test({}, (h) => rwsEntry(h.fake));
    expect(result.ok).toBe(true);
    expect(steps).toMatchObject({ 'service-principal': null, permission: true, request: true });
  });
});
