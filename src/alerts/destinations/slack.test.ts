import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { parseAlertsConfig } from '../alert-config.js';
import { DeliveryLog } from '../delivery-log.js';
import { deliver } from '../delivery.js';
import { fakeClock } from '../testing/fake-clock.js';
import { hostileAlert } from '../testing/hostile-alert.js';
import { startReceiver, type Receiver } from '../testing/http-receiver.js';

const NOW = Date.parse('2026-03-03T00:00:00Z');

/** Every string anywhere in a JSON value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

describe('slack destination', () => {
  let store: Store;
  let receiver: Receiver;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
    receiver = await startReceiver({ kind: 'slack', failFirst: 1, failStatus: 429, retryAfter: '2' });
  });
  afterEach(async () => {
    await receiver.close();
    await store.close();
  });

  it('posts { text, blocks } where no stranger can add a link, a mention or formatting', async () => {
    const clock = fakeClock(NOW);
    const dest = parseAlertsConfig({ destinations: [{ name: 'soc', type: 'slack', url: receiver.url }] }).destinations.get('soc')!;
    const out = await deliver(hostileAlert(NOW), dest, {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    expect(out).toMatchObject({ status: 'delivered', attempts: 2, detail: 'HTTP 200' });
    expect(clock.sleeps).toEqual([2000]);
    const msg = receiver.accepted()[0]!.json as {
      text: string;
      mrkdwn: boolean;
      blocks: { type: string; text?: { type: string }; elements?: { type: string; url?: string }[] }[];
    };
    expect(msg.mrkdwn).toBe(false);
    expect(msg.text).toContain('&lt;!channel&gt;');
    expect(msg.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(msg.text).toContain('invoice[U+202E]fdp.exe');
    // No mrkdwn text object anywhere: stars and brackets stay literal.
    expect(JSON.stringify(msg.blocks)).not.toContain('"mrkdwn"');
    for (const s of strings(msg)) expect(s).not.toMatch(/[<>\u202e]/);
    expect(strings(msg).join(' ')).toContain('Subject: &lt;img src=x onerror=alert(1)&gt; &lt;!channel&gt; *bold*');
    const button = msg.blocks.find((b) => b.type === 'actions')!.elements![0]!;
    expect(button.url).toBe('https://mailsift.contoso.com/findings/f-123');
  });

  it('keeps the secret path of the web-hook URL out of failure messages', async () => {
    await receiver.close();
    receiver = await startReceiver({ kind: 'slack', failFirst: 9, failStatus: 403 });
    const clock = fakeClock(NOW);
    const dest = parseAlertsConfig({ destinations: [{ name: 'soc', type: 'slack', url: receiver.url }] }).destinations.get('soc')!;
    const log = new DeliveryLog(store);
    const out = await deliver(hostileAlert(NOW), dest, { log, version: '0.1.0', now: clock.now, sleep: clock.sleep, random: () => 0 });
    expect(out.status).toBe('failed');
    const all = JSON.stringify([out, await log.recent()]);
    expect(all).not.toContain('XXXXsecretpathXXXX');
    expect(all).not.toContain('/services/');
  });
});
