// Alert messages in the organisation's language and zone: e-mail (subject, text, HTML), web-hook, Slack and Teams
// sent to local fakes; machine-readable fields stay ISO UTC and English.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDetections } from '../detect/index.js';
import { load, row, testConfig } from '../detect/testing/trace-rows.js';
import { openStore, type Store } from '../store/index.js';
import { ALERT_TEXTS } from './alert-text.js';
import { runAlertsOnce } from './run-alerts-once.js';
import { fakeClock } from './testing/fake-clock.js';
import { startReceiver, type Receiver } from './testing/http-receiver.js';
import { mailHeader, mimePart, startSmtpReceiver, type SmtpReceiver } from './testing/smtp-receiver.js';
import { selfSignedCert } from './testing/tls-cert.js';

// 09:00 JST on 2026-03-03.
const NOW = Date.parse('2026-03-03T00:00:00Z');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('alert messages in Japanese and JST', () => {
  let tls: { key: string; cert: string };
  let store: Store;
  let smtp: SmtpReceiver;
  let hooks: Receiver[];
  beforeAll(() => {
    tls = selfSignedCert();
  });
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
    await load(store, [
      row('2026-03-02T01:00:00Z', {
        SenderAddress: 'export@trade.com.kp',
        RecipientAddress: 'a@contoso.com',
        FromIP: '175.45.176.10',
        FromCountry: 'KP',
        Subject: '見積書',
      }),
    ]);
    await runDetections({ store, config: testConfig(), rules: ['embargoed-geo'], now: NOW });
    smtp = await startSmtpReceiver({ ...tls, user: 'mailsift', pass: 'smtp-password-123' });
    hooks = [await startReceiver({ kind: 'webhook' }), await startReceiver({ kind: 'slack' }), await startReceiver({ kind: 'teams' })];
  });
  afterEach(async () => {
    await smtp.close();
    for (const h of hooks) await h.close();
    await store.close();
  });

  function config(organization: Record<string, unknown>) {
    return {
      organization,
      server: { publicUrl: 'https://mailsift.contoso.co.jp' },
      alerts: {
        destinations: [
          {
            name: 'mail',
            type: 'smtp',
            host: '127.0.0.1',
            port: smtp.port,
            from: 'mailsift@contoso.co.jp',
            to: 'soc@contoso.co.jp',
            auth: { user: 'mailsift', pass: 'smtp-password-123' },
            tls: { ca: tls.cert },
          },
          { name: 'hook', type: 'webhook', url: hooks[0]!.url },
          { name: 'slack', type: 'slack', url: hooks[1]!.url },
          { name: 'teams', type: 'teams', url: hooks[2]!.url },
        ] as Record<string, unknown>[],
        rules: [
          { name: '禁輸国', detection: 'embargoed-geo', schedule: '5m', lookback: '2d', destinations: ['mail', 'hook', 'slack', 'teams'] },
        ],
      },
    };
  }

  it('writes every destination in Japanese with JST times when organization.language is ja', async () => {
    const clock = fakeClock(NOW);
    const report = await runAlertsOnce({
      store,
      config: config({ timeZone: 'Asia/Tokyo', language: 'ja' }),
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(report.rules[0]!.alerts[0]!.deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);

    const raw = smtp.mails[0]!.raw;
    const subject = mailHeader(raw, 'Subject');
    expect(subject).toBe('[mailsift] 【高】禁輸国: 禁輸対象国 北朝鮮 (KP) からのメール 1 通（175.45.176.10） (2026/03/03 09:00 JST)');
    const text = mimePart(raw, 'text/plain');
    expect(text).toContain('ルール: 禁輸国  重大度: 高  発生: 2026/03/03 09:00:00 (JST)');
    expect(text).toContain('期間: 2026/03/02 10:00:00 – 2026/03/02 10:00:00 (JST)');
    expect(text).toContain('根拠（上位 1 件）:');
    expect(text).toContain('Received: 2026/03/02 10:00:00');
    const html = mimePart(raw, 'text/html');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('mailsift で開く');

    const payload = hooks[0]!.accepted()[0]!.json as Record<string, unknown> & { finding: { title: string; from: string } };
    expect(payload).toMatchObject({
      language: 'ja',
      firedAt: '2026-03-03T00:00:00.000Z',
      firedAtLocal: '2026-03-03T09:00:00+09:00',
      timeZone: 'Asia/Tokyo',
      severity: 'high',
      title: '【高】禁輸国',
    });
    expect(payload.sentence).toMatch(JAPANESE);
    // The finding itself is the machine-readable record: English title, ISO UTC times.
    expect(payload.finding.title).toBe('1 message from North Korea (KP) (175.45.176.10), an embargoed country');
    expect(payload.finding.from).toBe('2026-03-02T01:00:00.000Z');

    const slack = JSON.stringify(hooks[1]!.accepted()[0]!.json);
    expect(slack).toContain('重大度: 高 · ルール: 禁輸国 · 2026/03/03 09:00:00 (JST)');
    expect(slack).toContain('mailsift で開く');
    const teams = JSON.stringify(hooks[2]!.accepted()[0]!.json);
    expect(teams).toContain('"title":"重大度","value":"高"');
    expect(teams).toContain('"title":"発生","value":"2026/03/03 09:00:00 (JST)"');
  });

  it('stays English with the zone named for an English organisation elsewhere', async () => {
    const clock = fakeClock(NOW);
    await runAlertsOnce({ store, config: config({ timeZone: 'America/New_York' }), now: clock.now, sleep: clock.sleep });
    const raw = smtp.mails[0]!.raw;
    expect(mailHeader(raw, 'Subject')).toBe(
      '[mailsift] High: 禁輸国: 1 message from North Korea (KP) (175.45.176.10), an embargoed country (2026-03-02 19:00 EST)',
    );
    expect(mimePart(raw, 'text/plain')).toContain('Severity: High  Fired: 2026-03-02T19:00:00-05:00 (EST)');
    expect(hooks[0]!.accepted()[0]!.json).toMatchObject({ language: 'en', firedAtLocal: '2026-03-02T19:00:00-05:00' });
  });

  it('writes each destination in its own language when it sets one, the others in organization.language', async () => {
    const clock = fakeClock(NOW);
    const c = config({ timeZone: 'Asia/Tokyo', language: 'ja' });
    c.alerts.destinations[1] = { ...c.alerts.destinations[1]!, language: 'en' };
    c.alerts.destinations[2] = { ...c.alerts.destinations[2]!, language: 'en' };
    await runAlertsOnce({ store, config: c, now: clock.now, sleep: clock.sleep });
    // The e-mail follows organization.language.
    expect(mailHeader(smtp.mails[0]!.raw, 'Subject')).toBe(
      '[mailsift] 【高】禁輸国: 禁輸対象国 北朝鮮 (KP) からのメール 1 通（175.45.176.10） (2026/03/03 09:00 JST)',
    );
    // The web-hook and Slack asked for English: English words, times still in the organisation's zone.
    expect(hooks[0]!.accepted()[0]!.json).toMatchObject({
      language: 'en',
      title: 'High: 禁輸国',
      sentence: '1 message from North Korea (KP) (175.45.176.10), an embargoed country',
      firedAtLocal: '2026-03-03T09:00:00+09:00',
    });
    const slack = JSON.stringify(hooks[1]!.accepted()[0]!.json);
    expect(slack).toContain('Severity: High');
    expect(slack).not.toMatch(/重大度|mailsift で開く/);
    // Teams set nothing: Japanese.
    expect(JSON.stringify(hooks[2]!.accepted()[0]!.json)).toContain('"title":"重大度","value":"高"');
  });

  it('writes a Japanese destination of an English organisation in Japanese', async () => {
    const clock = fakeClock(NOW);
    const c = config({ timeZone: 'Asia/Tokyo' });
    c.alerts.destinations[0] = { ...c.alerts.destinations[0]!, language: 'ja' };
    await runAlertsOnce({ store, config: c, now: clock.now, sleep: clock.sleep });
    expect(mailHeader(smtp.mails[0]!.raw, 'Subject')).toMatch(/^\[mailsift\] 【高】禁輸国: 禁輸対象国 北朝鮮/);
    expect(mimePart(smtp.mails[0]!.raw, 'text/html')).toContain('<html lang="ja">');
    expect(hooks[0]!.accepted()[0]!.json).toMatchObject({ language: 'en', title: 'High: 禁輸国' });
  });

  it('refuses a destination language mailsift does not write', async () => {
    const c = config({});
    c.alerts.destinations[1] = { ...c.alerts.destinations[1]!, language: 'fr' };
    await expect(runAlertsOnce({ store, config: c, now: () => NOW })).rejects.toThrow(
      /alerts\.destinations\[1\] \("hook"\)\.language: must be one of en, ja/,
    );
  });

  it('has every alert text in every language, in the same form', () => {
    const keys = (t: object) => Object.keys(t).sort();
    expect(keys(ALERT_TEXTS.ja)).toEqual(keys(ALERT_TEXTS.en));
    for (const [key, value] of Object.entries(ALERT_TEXTS.en)) {
      const other = (ALERT_TEXTS.ja as Record<string, unknown>)[key];
      expect(typeof other, key).toBe(typeof value);
      const text = typeof other === 'function' ? String((other as (...a: unknown[]) => string)('X', 1, '>', 2)) : JSON.stringify(other);
      // Japanese script or Japanese punctuation (the headline and key are 【】 and （） around the rule's own words).
      expect(text, `${key} (ja) is not translated`).toMatch(/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/);
    }
  });
});
