import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { parseAlertsConfig } from '../alert-config.js';
import { DeliveryLog } from '../delivery-log.js';
import { deliver } from '../delivery.js';
import { fakeClock } from '../testing/fake-clock.js';
import { hostileAlert } from '../testing/hostile-alert.js';
import { startReceiver, type Receiver } from '../testing/http-receiver.js';

const NOW = Date.parse('2026-03-03T00:00:00Z');

interface Card {
  type: string;
  version: string;
  body: { type: string; text?: string; facts?: { title: string; value: string }[] }[];
  actions: { type: string; url: string }[];
}

describe('teams destination', () => {
  let store: Store;
  let receiver: Receiver;
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
    receiver = await startReceiver({ kind: 'teams', failFirst: 1, failStatus: 502 });
  });
  afterEach(async () => {
    await receiver.close();
    await store.close();
  });

  it('posts an Adaptive Card 1.4 whose text cannot turn a subject into a link or formatting', async () => {
    const clock = fakeClock(NOW);
    const dest = parseAlertsConfig({ destinations: [{ name: 'teams', type: 'teams', url: receiver.url }] }).destinations.get('teams')!;
    const out = await deliver(hostileAlert(NOW), dest, {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    expect(out).toMatchObject({ status: 'delivered', attempts: 2, detail: 'HTTP 202' });
    const msg = receiver.accepted()[0]!.json as { type: string; attachments: { contentType: string; content: Card }[] };
    expect(msg.type).toBe('message');
    const card = msg.attachments[0]!.content;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    const texts = card.body.flatMap((b) => [b.text ?? '', ...(b.facts ?? []).map((f) => f.value)]).join('\n');
    expect(texts).toContain('\\[link\\]\\(javascript:alert\\(1\\)\\)');
    expect(texts).toContain('\\*bold\\*');
    expect(texts).not.toMatch(/\]\(/);
    expect(texts).not.toMatch(/(?<!\\)\*bold/);
    expect(texts).toContain('invoice\\[U+202E\\]fdp.exe');
    expect(texts).toContain('line1\\[U+000A\\]line2');
    expect(texts).not.toMatch(/\u202e/);
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in mailsift', url: 'https://mailsift.contoso.com/findings/f-123' },
    ]);
    const log = await new DeliveryLog(store).recent();
    expect(JSON.stringify(log)).not.toContain('TeamsSignatureSecret123');
  });
});
