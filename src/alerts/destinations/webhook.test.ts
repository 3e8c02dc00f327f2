import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { parseAlertsConfig } from '../alert-config.js';
import { DeliveryLog } from '../delivery-log.js';
import { deliver } from '../delivery.js';
import { fakeClock } from '../testing/fake-clock.js';
import { HOSTILE, hostileAlert } from '../testing/hostile-alert.js';
import { startReceiver, type Receiver } from '../testing/http-receiver.js';

const SECRET = 'whsec-0123456789abcdef-SECRET';
const NOW = Date.parse('2026-03-03T00:00:00Z');

function destination(raw: Record<string, unknown>) {
  return parseAlertsConfig({ destinations: [{ name: 'hook', type: 'webhook', ...raw }], rules: [] }).destinations.get('hook')!;
}

describe('webhook destination', () => {
  let store: Store;
  let receiver: Receiver | undefined;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
    await store.close();
  });

  it('POSTs the alert as JSON with a valid HMAC signature, a timestamp inside the signed body, and custom headers', async () => {
    const clock = fakeClock(NOW);
    receiver = await startReceiver({ kind: 'webhook', secret: SECRET, now: clock.now });
    const dest = destination({ url: receiver.url, secret: SECRET, headers: { 'X-Tenant': 'contoso' } });
    const out = await deliver(hostileAlert(NOW), dest, {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
    });
    expect(out).toMatchObject({ status: 'delivered', attempts: 1, detail: 'HTTP 200' });
    const [r] = receiver.accepted();
    expect(r!.method).toBe('POST');
    expect(r!.headers['content-type']).toMatch(/^application\/json/);
    expect(r!.headers['x-tenant']).toBe('contoso');
    expect(r!.headers['x-mailsift-timestamp']).toBe(String(NOW / 1000));
    const body = r!.json as Record<string, unknown>;
    expect(body).toMatchObject({
      rule: 'campaign watch',
      severity: 'high',
      title: 'High: campaign watch',
      link: 'https://mailsift.contoso.com/findings/f-123',
      timestamp: NOW / 1000,
    });
    expect((body.finding as { id: string }).id).toBe('f-123');
    expect((body.evidence as { rows: unknown[] }).rows).toHaveLength(1);
    // Display text is made visible; the raw body has no HTML-significant characters at all.
    expect(body.sentence).toContain('invoice[U+202E]fdp.exe');
    expect(body.sentence).toContain('line1[U+000A]line2');
    expect(r!.body).not.toMatch(/[<>\u202e]/);
    // ...while the data fields keep the original value for machines.
    expect((body.finding as { entities: { subject: string } }).entities.subject).toContain(HOSTILE.html);
  });

  it('a receiver refuses a tampered body or a replayed timestamp', async () => {
    const clock = fakeClock(NOW);
    receiver = await startReceiver({ kind: 'webhook', secret: SECRET, now: () => NOW + 3_600_000 });
    const dest = destination({ url: receiver.url, secret: SECRET });
    const out = await deliver(hostileAlert(NOW), dest, {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
    });
    expect(out).toMatchObject({ status: 'failed', attempts: 1 });
    expect(out.detail).toContain('HTTP 401');
    const wrongKey = destination({ url: receiver.url, secret: 'another-key-0123456789' });
    const out2 = await deliver(hostileAlert(NOW + 3_600_000), wrongKey, {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: () => NOW + 3_600_000,
      sleep: clock.sleep,
      random: () => 0.5,
    });
    expect(out2.detail).toContain('signature does not match');
  });

  it('retries 500s with exponential backoff and jitter, and records every attempt', async () => {
    const clock = fakeClock(NOW);
    receiver = await startReceiver({ kind: 'webhook', failFirst: 2, failStatus: 500 });
    const log = new DeliveryLog(store);
    const out = await deliver(hostileAlert(NOW), destination({ url: receiver.url }), {
      log,
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
    });
    expect(out).toMatchObject({ status: 'delivered', attempts: 3 });
    // 1 s then 2 s, each: half fixed, half random (0.5 here).
    expect(clock.sleeps).toEqual([750, 1500]);
    expect(receiver.statuses).toEqual([500, 500, 200]);
    const history = await log.recent();
    expect(history.map((h) => [h.attempt, h.outcome, h.status])).toEqual([
      [3, 'delivered', undefined],
      [2, 'retrying', 500],
      [1, 'retrying', 500],
    ]);
  });

  it('honours Retry-After on 429', async () => {
    const clock = fakeClock(NOW);
    receiver = await startReceiver({ kind: 'webhook', failFirst: 1, failStatus: 429, retryAfter: '7' });
    const out = await deliver(hostileAlert(NOW), destination({ url: receiver.url }), {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    expect(out).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(clock.sleeps).toEqual([7000]);
  });

  it('does not retry a 4xx other than 429, and gives up after the last attempt', async () => {
    const clock = fakeClock(NOW);
    receiver = await startReceiver({ kind: 'webhook', failFirst: 5, failStatus: 404 });
    const log = new DeliveryLog(store);
    const out = await deliver(hostileAlert(NOW), destination({ url: receiver.url }), {
      log,
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    expect(out).toMatchObject({ status: 'failed', attempts: 1 });
    expect(out.detail).toMatch(/^127\.0\.0\.1:\d+ answered HTTP 404: internal error$/);
    expect(clock.sleeps).toEqual([]);
    await receiver.close();
    receiver = await startReceiver({ kind: 'webhook', failFirst: 5, failStatus: 503 });
    const out2 = await deliver(hostileAlert(NOW), destination({ url: receiver.url, attempts: 3 }), {
      log,
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 1,
    });
    expect(out2).toMatchObject({ status: 'failed', attempts: 3 });
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect((await log.recent({ failuresOnly: true, limit: 1 }))[0]).toMatchObject({
      outcome: 'failed',
      status: 503,
      destination: 'hook',
      type: 'webhook',
    });
  });

  it('retries a refused connection, and names only the host in the reason', async () => {
    const clock = fakeClock(NOW);
    receiver = await startReceiver({ kind: 'webhook' });
    const url = receiver.url.replace('/hooks/mailsift', '/hooks/token-abcdef123456');
    await receiver.close();
    receiver = undefined;
    const out = await deliver(hostileAlert(NOW), destination({ url, secret: SECRET }), {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    expect(out).toMatchObject({ status: 'failed', attempts: 3 });
    expect(out.detail).toMatch(/POST to 127\.0\.0\.1:\d+ failed: ECONNREFUSED/);
    expect(out.detail).not.toContain('token-abcdef123456');
    expect(out.detail).not.toContain(SECRET);
  });

  it('names the key of a wrong configuration', () => {
    expect(() => destination({ url: 'ftp://x' })).toThrow('alerts.destinations[0] ("hook").url: must be an http:// or https:// URL');
    expect(() => destination({ url: 'https://x.contoso.com', secret: 'short' })).toThrow(
      'alerts.destinations[0] ("hook").secret: use at least 16 characters',
    );
    expect(() => destination({ url: 'https://x.contoso.com', headers: { 'X-A': 'a\r\nInjected: 1' } })).toThrow(
      '.headers.X-A: a header value may not hold line breaks',
    );
    expect(() => destination({ url: 'https://x.contoso.com', colour: 'red' })).toThrow(/alerts\.destinations\[0\] \("hook"\).*colour/);
  });
});
