import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { parseAlertsConfig } from './alert-config.js';
import { DELIVERY_FAILURE_TEXTS, deliveryFailureText } from './delivery-failure.js';
import { DeliveryLog } from './delivery-log.js';
import { deliver, type DeliveryOutcome } from './delivery.js';
import { fakeClock } from './testing/fake-clock.js';
import { hostileAlert } from './testing/hostile-alert.js';
import { startReceiver } from './testing/http-receiver.js';
import { startSmtpReceiver } from './testing/smtp-receiver.js';
import { selfSignedCert } from './testing/tls-cert.js';

const NOW = Date.parse('2026-03-03T00:00:00Z');
const PASSWORD = 'Sm7p-P4ssw0rd-do-not-print';
const KANA = /[\u3040-\u30ff\u4e00-\u9fff]/;
// Three English words in a row: a sentence a Japanese reader would have to read.
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/;

// Sample parameters every text may read.
const P = {
  host: 'h.example',
  ms: 10,
  detail: 'ECONNREFUSED',
  status: 500,
  body: 'oops',
  port: 25,
  reply: '535 no',
  where: 'syslog tcp h:1',
  path: '/ca.pem',
  min: 'high',
};

describe('delivery failures', () => {
  it('has a Japanese text for every code, in Japanese', () => {
    expect(Object.keys(DELIVERY_FAILURE_TEXTS.ja).sort()).toEqual(Object.keys(DELIVERY_FAILURE_TEXTS.en).sort());
    for (const code of Object.keys(DELIVERY_FAILURE_TEXTS.en)) {
      for (const language of ['en', 'ja'] as const) {
        const text = deliveryFailureText({ code, params: P, retryAfterS: 600 }, language);
        expect(text, code).not.toMatch(/undefined|\[object Object\]/);
        if (language === 'ja') expect(text, code).toMatch(KANA);
      }
    }
  });

  it('shows an unknown code as its English fallback, else the code', () => {
    expect(deliveryFailureText({ code: 'from-a-later-version' }, 'ja', 'later text')).toBe('later text');
    expect(deliveryFailureText({ code: 'from-a-later-version' }, 'ja')).toBe('from-a-later-version');
  });
});

describe('delivery failures against real receivers, in Japanese', () => {
  let store: Store;
  let cleanup: (() => Promise<void>) | undefined;
  let tls: { key: string; cert: string };
  beforeAll(() => {
    tls = selfSignedCert();
  });
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
    await store.close();
  });

  async function send(raw: Record<string, unknown>): Promise<{ out: DeliveryOutcome; ja: string; all: string }> {
    const dest = parseAlertsConfig({ destinations: [{ name: 'd', attempts: 1, ...raw }] }).destinations.get('d')!;
    const clock = fakeClock(NOW);
    const log = new DeliveryLog(store);
    const out = await deliver(hostileAlert(NOW), dest, { log, version: '0.1.0', now: clock.now, sleep: clock.sleep, random: () => 0 });
    const [attempt] = await log.recent();
    expect(attempt!.failure).toEqual(out.failure);
    return { out, ja: deliveryFailureText(out.failure!, 'ja', out.detail), all: JSON.stringify([out, attempt]) };
  }

  it('says which host refused the connection, without the secret path of the URL', async () => {
    const receiver = await startReceiver({ kind: 'slack' });
    await receiver.close();
    const { out, ja, all } = await send({ type: 'slack', url: receiver.url });
    expect(out.failure).toMatchObject({ code: 'post-network', params: { detail: 'ECONNREFUSED' } });
    expect(ja).toMatch(/^127\.0\.0\.1:\d+ への POST に失敗しました: 接続を拒否されました（ECONNREFUSED）$/);
    expect(all).not.toContain('/services/');
  });

  it('says the receiver answered an HTTP status, with its body, redacted', async () => {
    const receiver = await startReceiver({ kind: 'teams', failFirst: 1, failStatus: 403 });
    cleanup = () => receiver.close();
    const { out, ja, all } = await send({ type: 'teams', url: receiver.url });
    expect(out.failure).toMatchObject({ code: 'http-status', params: { status: 403 } });
    expect(ja).toMatch(/^127\.0\.0\.1:\d+ が HTTP 403 を返しました/);
    expect(all).not.toContain('XXXXsecretpathXXXX');
  });

  it('says a receiver that never answers timed out', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    cleanup = () => new Promise((r) => (sockets.forEach((s) => s.destroy()), silent.close(() => r())));
    const port = (silent.address() as { port: number }).port;
    const { out, ja } = await send({ type: 'webhook', url: `http://127.0.0.1:${port}/hook`, timeoutMs: 200 });
    expect(out.detail).toBe(`POST to 127.0.0.1:${port} failed: no answer within 200 ms`);
    expect(ja).toBe(`127.0.0.1:${port} への POST に失敗しました: 200 ミリ秒以内に応答がありません`);
  });

  const smtp = (port: number, extra: Record<string, unknown> = {}) => ({
    type: 'smtp',
    host: '127.0.0.1',
    port,
    from: 'mailsift@contoso.com',
    to: 'soc@contoso.com',
    auth: { user: 'mailsift', pass: PASSWORD },
    tls: { ca: tls.cert },
    ...extra,
  });

  it("says an SMTP login was refused, with the server's reply code and never the password", async () => {
    const server = await startSmtpReceiver({ ...tls, user: 'mailsift', pass: 'the-right-one', echoAuth: true });
    cleanup = () => server.close();
    const { out, ja, all } = await send(smtp(server.port));
    expect(out.failure).toMatchObject({ code: 'smtp-auth' });
    expect(ja).toMatch(/^SMTP 127\.0\.0\.1:\d+: ログインを拒否されました（サーバーの応答: 535 /);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  });

  it('says SMTP could not use TLS: no STARTTLS, or a certificate that does not verify', async () => {
    const plain = await startSmtpReceiver({ ...tls, user: 'mailsift', pass: PASSWORD, noStartTls: true });
    cleanup = () => plain.close();
    const noTls = await send(smtp(plain.port));
    expect(noTls.out.failure?.code).toBe('smtp-tls');
    expect(noTls.ja).toMatch(/^SMTP 127\.0\.0\.1:\d+: TLS で接続できません/);
    const cert = await send(smtp(plain.port, { tls: { ca: selfSignedCert().cert } }));
    expect(cert.out.failure?.code).toBe('smtp-tls');
  });

  it('says an SMTP server refused the message with its reply code, and a refused connection', async () => {
    const busy = await startSmtpReceiver({ ...tls, user: 'mailsift', pass: PASSWORD, tempFailFirst: 1 });
    cleanup = () => busy.close();
    const { out, ja } = await send(smtp(busy.port));
    expect(out.failure).toMatchObject({ code: 'smtp-rejected', params: { status: 451 } });
    expect(ja).toMatch(/^SMTP 127\.0\.0\.1:\d+: サーバーが応答コード 451 で拒否しました（451 /);
    await busy.close();
    cleanup = undefined;
    const refused = await send(smtp(busy.port));
    expect(refused.out.failure?.code).toBe('smtp-refused');
    expect(refused.ja).toBe(`SMTP 127.0.0.1:${busy.port}: 接続を拒否されました`);
  });

  it('leaves no English sentence in the Japanese text of any of them', async () => {
    const receiver = await startReceiver({ kind: 'webhook' });
    await receiver.close();
    const { ja } = await send({ type: 'webhook', url: receiver.url });
    expect(ja.replace(/\(.*?\)|（.*?）/g, '')).not.toMatch(ENGLISH);
  });
});
