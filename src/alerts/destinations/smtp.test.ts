import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { parseAlertsConfig } from '../alert-config.js';
import { DeliveryLog } from '../delivery-log.js';
import { deliver } from '../delivery.js';
import { runAlertsOnce } from '../run-alerts-once.js';
import { fakeClock } from '../testing/fake-clock.js';
import { hostileAlert } from '../testing/hostile-alert.js';
import { mailHeader, mimePart, startSmtpReceiver, type SmtpReceiver } from '../testing/smtp-receiver.js';
import { selfSignedCert } from '../testing/tls-cert.js';

const NOW = Date.parse('2026-03-03T00:00:00Z');
const PASSWORD = 'Sm7p-P4ssw0rd-do-not-print';

describe('smtp destination', () => {
  let tls: { key: string; cert: string };
  let store: Store;
  let server: SmtpReceiver | undefined;
  beforeAll(() => {
    tls = selfSignedCert();
  });
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await store.close();
  });

  function destination(port: number, extra: Record<string, unknown> = {}) {
    return parseAlertsConfig({
      destinations: [
        {
          name: 'mail',
          type: 'smtp',
          host: '127.0.0.1',
          port,
          from: 'mailsift@contoso.com',
          to: ['soc@contoso.com', 'it@contoso.com'],
          auth: { user: 'mailsift', pass: PASSWORD },
          tls: { ca: tls.cert },
          ...extra,
        },
      ],
    }).destinations.get('mail')!;
  }

  it('sends over STARTTLS (certificate checked against the CA) with AUTH, a text part and an HTML part with everything escaped', async () => {
    server = await startSmtpReceiver({ ...tls, user: 'mailsift', pass: PASSWORD });
    const clock = fakeClock(NOW);
    const out = await deliver(hostileAlert(NOW), destination(server.port), {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    expect(out).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(out.detail).toMatch(/^250 /);
    expect(server.logins).toEqual([{ user: 'mailsift', ok: true, secure: true }]);
    const [mail] = server.mails;
    expect(mail).toMatchObject({ from: 'mailsift@contoso.com', to: ['soc@contoso.com', 'it@contoso.com'], secure: true, user: 'mailsift' });
    const html = mimePart(mail!.raw, 'text/html');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|<!channel/);
    expect(html).toContain('invoice[U+202E]fdp.exe');
    expect(html).not.toContain('\u202e');
    expect(html).toContain('<a href="https://mailsift.contoso.com/findings/f-123">');
    expect(html).toContain('<td>evil@fabrikam.example</td>');
    const text = mimePart(mail!.raw, 'text/plain');
    expect(text).toContain('Link: https://mailsift.contoso.com/findings/f-123');
    expect(text).toContain('Evidence (top 1):');
    expect(text).toContain('line1[U+000A]line2[U+000D][U+000A]line3');
    const subject = mailHeader(mail!.raw, 'Subject');
    expect(subject).toContain('[mailsift] High: campaign watch: Subject campaign "<img src=x');
    expect(subject).toContain('invoice[U+202E]fdp.exe line1[U+000A]line2');
    expect(mail!.raw).not.toMatch(/^Subject:.*\r\nline2/m);
    expect(mailHeader(mail!.raw, 'X-Mailsift-Severity')).toBe('high');
  });

  it('retries a 451 and delivers on the next attempt', async () => {
    server = await startSmtpReceiver({ ...tls, user: 'mailsift', pass: PASSWORD, tempFailFirst: 1 });
    const clock = fakeClock(NOW);
    const out = await deliver(hostileAlert(NOW), destination(server.port), {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    expect(out).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(clock.sleeps).toEqual([500]);
    expect(server.mails).toHaveLength(1);
  });

  it('does not retry a refused login, and never shows the password', async () => {
    server = await startSmtpReceiver({ ...tls, user: 'mailsift', pass: 'the-right-one' });
    const clock = fakeClock(NOW);
    const log = new DeliveryLog(store);
    const out = await deliver(hostileAlert(NOW), destination(server.port), {
      log,
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    expect(out).toMatchObject({ status: 'failed', attempts: 1 });
    expect(out.detail).toMatch(/SMTP 127\.0\.0\.1:\d+: Invalid login: 535/);
    const everything = JSON.stringify([out, await log.recent()]);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  });

  it('refuses to send (or log in) when the server offers no STARTTLS and requireTLS is on', async () => {
    server = await startSmtpReceiver({ ...tls, user: 'mailsift', pass: PASSWORD, noStartTls: true });
    const clock = fakeClock(NOW);
    const out = await deliver(hostileAlert(NOW), destination(server.port, { attempts: 1 }), {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    expect(out.status).toBe('failed');
    expect(out.detail).toMatch(/STARTTLS/i);
    expect(server.logins).toEqual([]);
    expect(server.mails).toEqual([]);
  });

  it('refuses a certificate it cannot verify', async () => {
    server = await startSmtpReceiver({ ...tls, user: 'mailsift', pass: PASSWORD });
    const clock = fakeClock(NOW);
    const other = selfSignedCert();
    const out = await deliver(hostileAlert(NOW), destination(server.port, { tls: { ca: other.cert } }), {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    expect(out).toMatchObject({ status: 'failed', attempts: 1 });
    expect(server.mails).toEqual([]);
    expect(out.detail).not.toContain(PASSWORD);
  });

  it('keeps the password out of log lines and the run report of a scheduled run', async () => {
    server = await startSmtpReceiver({ ...tls, user: 'mailsift', pass: 'the-right-one' });
    const clock = fakeClock(NOW);
    const lines: string[] = [];
    const alert = hostileAlert(NOW);
    const report = await runAlertsOnce({
      store,
      now: clock.now,
      sleep: clock.sleep,
      log: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
      sources: { findings: async () => [alert.finding!], query: async () => ({ columns: [], rows: [] }) },
      config: {
        alerts: {
          destinations: [
            {
              name: 'mail',
              type: 'smtp',
              host: '127.0.0.1',
              port: server.port,
              from: 'mailsift@contoso.com',
              to: 'soc@contoso.com',
              auth: { user: 'mailsift', pass: PASSWORD },
              tls: { ca: tls.cert },
            },
          ],
          rules: [{ name: 'all', detection: '*', schedule: '5m', destinations: ['mail'] }],
        },
      },
    });
    expect(report.rules[0]!.alerts[0]!.deliveries[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(lines.some((l) => l.includes('to mail: failed after 1 attempt: SMTP 127.0.0.1'))).toBe(true);
    const everything = JSON.stringify([report, lines, await new DeliveryLog(store).recent()]);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  });
});
