// Alert rules, destinations, collectors and feeds through the API: only admins manage them, the file wins on a
// shared name, secrets never come back or reach the log, tests reach a local webhook and the fake Microsoft.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../src/alerts/testing/http-receiver.js';
import { runCollectorsOnce } from '../../src/collect/index.js';
import { CLIENT_SECRET, graphEntry, spreadTraces, startHarness, type Harness } from '../../src/collect/testing/index.js';
import { serverFixture, type Browser, type ServerFixture } from './server-fixture.js';

const TOKEN = 'T0KEN-in-the-hook-path-4711';

describe('alerts and collectors in Settings, through the API', () => {
  let f: ServerFixture;
  let receiver: Receiver;
  let h: Harness;
  const logged: string[] = [];
  const b: Record<'admin' | 'analyst' | 'viewer', Browser> = {} as never;

  beforeAll(async () => {
    receiver = await startReceiver({ kind: 'webhook' });
    h = await startHarness(spreadTraces(10, 1, Date.now() - 86_400_000), { now: Date.now() });
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged.push(String(chunk));
        done();
      },
    });
    f = await serverFixture({
      logger: pino({ level: 'trace' }, sink),
      config: {
        alerts: {
          destinations: [{ name: 'file-slack', type: 'slack', url: 'https://hooks.slack.example/services/T0/B0/filesecret' }],
          rules: [{ name: 'file rule', detection: '*', schedule: '5m', destinations: ['file-slack'] }],
        },
        collectors: [graphEntry(h.fake), graphEntry(h.fake, { name: 'broken', clientSecret: 'wrong-secret-value' })],
      },
    });
    for (const role of ['admin', 'analyst', 'viewer'] as const) b[role] = await f.login(role);
  }, 60_000);
  afterAll(async () => {
    await f?.close();
    await receiver?.close();
    await h?.close();
  });

  const hookUrl = () => `${receiver.url}/${TOKEN}`;

  it('viewers and analysts cannot see or change alerts, collectors or feeds; admins can', async () => {
    const calls: [method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown][] = [
      ['GET', '/api/alerts'],
      ['POST', '/api/alerts/destinations', { definition: { name: 'x', type: 'webhook', url: 'https://example.com/h' } }],
      ['PUT', '/api/alerts/destinations/x', { definition: { name: 'x', type: 'webhook', url: 'https://example.com/h' } }],
      ['DELETE', '/api/alerts/destinations/x'],
      ['POST', '/api/alerts/destinations/x/test'],
      ['POST', '/api/alerts/rules', { definition: { name: 'r', detection: '*', schedule: '5m', destinations: ['x'] } }],
      ['PUT', '/api/alerts/rules/r', { definition: { name: 'r', detection: '*', schedule: '5m', destinations: ['x'] } }],
      ['DELETE', '/api/alerts/rules/r'],
      ['POST', '/api/alerts/rules/r/test'],
      ['GET', '/api/collectors'],
      ['POST', '/api/collectors/m365/test'],
      ['POST', '/api/intel/feeds/x/test'],
    ];
    for (const role of ['viewer', 'analyst'] as const) {
      for (const [method, url, body] of calls) {
        const res = await f.as(b[role], method, url, body);
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
      }
    }
    expect((await f.store.listAlertDefinitions()).length).toBe(0);
    for (const [method, url] of calls) {
      const res = await f.app.inject({ method, url });
      expect(res.statusCode, `signed out ${method} ${url}`).toBe(401);
    }
    expect((await f.as(b.admin, 'GET', '/api/alerts')).statusCode).toBe(200);
    expect((await f.as(b.admin, 'GET', '/api/collectors')).statusCode).toBe(200);
  });

  it('an admin makes a destination and a rule, checked like the YAML; the file wins; secrets stay on the server', async () => {
    const bad = await f.as(b.admin, 'POST', '/api/alerts/rules', {
      definition: { name: 'r', detection: '*', schedule: 'often', destinations: ['file-slack'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^schedule: 'often' is neither an interval/);
    const taken = await f.as(b.admin, 'POST', '/api/alerts/rules', {
      definition: { name: 'file rule', detection: '*', schedule: '5m', destinations: ['file-slack'] },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toMatch(/the file wins/);
    const badUrl = await f.as(b.admin, 'POST', '/api/alerts/destinations', {
      definition: { name: 'soar', type: 'webhook', url: `ftp://${TOKEN}` },
    });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.body).not.toContain(TOKEN);

    const made = await f.as(b.admin, 'POST', '/api/alerts/destinations', {
      definition: { name: 'soar', type: 'webhook', url: hookUrl(), secret: 'signing-key-0123456789' },
      useForBuiltInRules: true,
    });
    expect(made.statusCode, made.body).toBe(200);
    const rule = {
      name: 'spam senders',
      query: "MessageTrace | where Status == 'FilteredAsSpam' | summarize count_ = count()",
      schedule: '15m',
      destinations: ['soar'],
    };
    expect((await f.as(b.admin, 'POST', '/api/alerts/rules', { definition: rule })).statusCode).toBe(200);
    expect((await f.as(b.admin, 'PUT', '/api/alerts/rules/spam%20senders', { definition: { ...rule, enabled: false } })).statusCode).toBe(
      200,
    );

    const listed = await f.as(b.admin, 'GET', '/api/alerts');
    expect(listed.body).not.toMatch(new RegExp(`${TOKEN}|signing-key|filesecret`));
    const body = listed.json() as {
      rules: { name: string; source: string; active: boolean }[];
      destinations: { name: string; definition: Record<string, unknown> }[];
    };
    expect(body.rules.find((r) => r.name === 'file rule')).toMatchObject({ source: 'file', active: true });
    expect(body.rules.find((r) => r.name === 'spam senders')).toMatchObject({ source: 'app', active: false });
    expect(body.rules.find((r) => r.name === 'volume spike')).toMatchObject({ source: 'app', active: true });
    const soar = body.destinations.find((d) => d.name === 'soar')!;
    // Sent back as shown, the secrets are kept.
    expect(
      (await f.as(b.admin, 'PUT', '/api/alerts/destinations/soar', { definition: { ...soar.definition, attempts: 2 } })).statusCode,
    ).toBe(200);

    const tested = await f.as(b.admin, 'POST', '/api/alerts/rules/spam%20senders/test');
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json().deliveries).toMatchObject([{ destination: 'soar', status: 'delivered' }]);
    const got = receiver.accepted().at(-1)!;
    expect(got.path).toBe(new URL(hookUrl()).pathname);
    expect(got.json).toMatchObject({ rule: 'spam senders', title: 'Medium: spam senders (test)' });
    expect(got.headers['x-mailsift-signature']).toMatch(/^sha256=/);

    expect((await f.as(b.admin, 'DELETE', '/api/alerts/destinations/soar')).statusCode).toBe(409);
    expect((await f.as(b.admin, 'DELETE', '/api/alerts/rules/file%20rule')).statusCode).toBe(409);
    expect((await f.as(b.admin, 'DELETE', '/api/alerts/rules/spam%20senders')).statusCode).toBe(200);
    expect(logged.join('')).not.toMatch(new RegExp(`${TOKEN}|signing-key|filesecret`));
  });

  it('tests a collector against the fake Microsoft, and a failed pass shows red with its error, never as a first pass', async () => {
    const ok = await f.as(b.admin, 'POST', '/api/collectors/m365/test');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'm365', ok: true });
    const bad = await f.as(b.admin, 'POST', '/api/collectors/broken/test');
    expect(bad.json().ok).toBe(false);
    expect(bad.json().steps[1]).toMatchObject({ step: 'token', ok: false });
    expect(bad.body).not.toContain('wrong-secret-value');
    expect((await f.as(b.admin, 'POST', '/api/collectors/nope/test')).statusCode).toBe(404);

    const [pass] = await runCollectorsOnce({
      collectors: [graphEntry(h.fake, { name: 'broken', clientSecret: 'wrong-secret-value' })],
      store: f.store,
      enrich: h.enrich,
      clock: h.clock,
    });
    expect(pass!.ok).toBe(false);
    const fresh = (await f.as(b.viewer, 'GET', '/api/freshness')).json() as {
      collectors: { name: string; lastError: { message: string } | null }[];
    };
    expect(fresh.collectors.find((c) => c.name === 'broken')!.lastError?.message).toMatch(/client secret is wrong/);
    const listed = await f.as(b.admin, 'GET', '/api/collectors');
    expect(listed.json().collectors.find((c: { name: string }) => c.name === 'broken')).toMatchObject({ failing: true });
    expect(listed.body).not.toContain(CLIENT_SECRET);
  });
});
