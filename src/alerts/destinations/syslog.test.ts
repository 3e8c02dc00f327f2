import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { parseAlertsConfig } from '../alert-config.js';
import { DeliveryLog } from '../delivery-log.js';
import { deliver } from '../delivery.js';
import { fakeClock } from '../testing/fake-clock.js';
import { hostileAlert } from '../testing/hostile-alert.js';
import { tcpListener, tlsListener, udpListener, type SyslogListener } from '../testing/syslog-listeners.js';
import { selfSignedCert } from '../testing/tls-cert.js';
import { cefValue, cutUtf8 } from './syslog-format.js';
import { frameOctetCounted } from './syslog-transport.js';

const NOW = Date.parse('2026-03-03T00:00:00Z');
// <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG (RFC 5424 section 6)
const RFC5424 = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|\[.*?(?<!\\)\]) (.*)$/s;

describe('syslog destination', () => {
  let tls: { key: string; cert: string };
  let store: Store;
  let listener: SyslogListener | undefined;
  beforeAll(() => {
    tls = selfSignedCert();
  });
  beforeEach(async () => {
    store = await openStore('duckdb::memory:');
  });
  afterEach(async () => {
    await listener?.close();
    listener = undefined;
    await store.close();
  });

  async function send(raw: Record<string, unknown>) {
    const dest = parseAlertsConfig({
      destinations: [{ name: 'siem', type: 'syslog', host: '127.0.0.1', hostname: 'mailsift-01', ...raw }],
    }).destinations.get('siem')!;
    const clock = fakeClock(NOW);
    return deliver(hostileAlert(NOW), dest, {
      log: new DeliveryLog(store),
      version: '0.1.0',
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
  }

  it('sends RFC 5424 over UDP: one line, structured data escaped, controls and RTL made visible', async () => {
    listener = await udpListener();
    const out = await send({ protocol: 'udp', port: listener.port, facility: 'local4' });
    expect(out).toMatchObject({ status: 'delivered' });
    const [msg] = await listener.waitFor(1);
    const m = RFC5424.exec(msg!)!;
    expect(m).not.toBeNull();
    // local4 (20) * 8 + err (3) for a high alert
    expect(m[1]).toBe(String(20 * 8 + 3));
    expect(m.slice(2, 7)).toEqual(['2026-03-03T00:00:00.000Z', 'mailsift-01', 'mailsift', String(process.pid), 'alert']);
    expect(m[7]).toBe(
      '[mailsift@32473 rule="campaign watch" severity="high" alertId="6f1c2a9e-0000-4000-8000-000000000001" findingId="f-123" detection="subject-campaign"]',
    );
    expect(m[8]!.startsWith('\ufeffSubject campaign')).toBe(true);
    expect(msg).not.toMatch(/[\n\r\u202e]/);
    expect(m[8]).toContain('invoice[U+202E]fdp.exe line1[U+000A]line2[U+000D][U+000A]line3');
    expect(m[8]).toContain('link=https://mailsift.contoso.com/findings/f-123');
    expect(m[8]).toContain('evidence: Received=2026-03-03T00:00:00.000Z, SenderAddress=evil@fabrikam.example, Subject=<img');
  });

  it('sends CEF over TCP with octet-counting framing; header and extension escaping hold against | = \\ and newlines', async () => {
    listener = await tcpListener();
    const out = await send({ protocol: 'tcp', port: listener.port, format: 'cef' });
    expect(out).toMatchObject({ status: 'delivered' });
    const [msg] = await listener.waitFor(1);
    expect(msg).not.toMatch(/^!bad frame/);
    expect(msg).not.toMatch(/[\n\r\u202e]/);
    const cef = msg!.slice(msg!.indexOf('CEF:0|'));
    expect(msg!.indexOf('CEF:0|')).toBeGreaterThan(0);
    // The header is the first 7 fields up to unescaped pipes; pipes in the extension need no escape (CEF spec).
    const parts = cef.split(/(?<!\\)\|/);
    const fields = [...parts.slice(0, 7), parts.slice(7).join('|')];
    expect(fields.slice(0, 7)).toEqual(['CEF:0', 'mailsift', 'mailsift', '0.1.0', 'campaign watch', 'High: campaign watch', '8']);
    const ext = fields[7]!;
    // Every `=` that is not escaped starts a key.
    const keys = [...ext.matchAll(/(?:^| )([A-Za-z0-9]+)=/g)].map((k) => k[1]);
    expect(keys).toEqual([
      'rt',
      'externalId',
      'cat',
      'msg',
      'request',
      'suser',
      'src',
      'cnt',
      'cs1Label',
      'cs1',
      'cs2Label',
      'cs2',
      'cs3Label',
      'cs3',
      'cs4Label',
      'cs4',
    ]);
    expect(ext).toContain(
      'cs1=<img src\\=x onerror\\=alert(1)> <!channel> *bold* [link](javascript:alert(1)) invoice[U+202E]fdp.exe line1\\nline2\\nline3 a|b\\=c\\\\d',
    );
    expect(ext).toContain(`rt=${NOW}`);
    expect(ext).toContain('request=https://mailsift.contoso.com/findings/f-123');
  });

  it('sends over TLS to a receiver whose certificate the configured CA signed, and refuses an unknown one without retrying', async () => {
    listener = await tlsListener(tls);
    const ok = await send({ protocol: 'tls', port: listener.port, tls: { ca: tls.cert } });
    expect(ok).toMatchObject({ status: 'delivered', detail: expect.stringMatching(/^tls \d+ B$/) });
    const [msg] = await listener.waitFor(1);
    expect(RFC5424.test(msg!)).toBe(true);
    const bad = await send({ protocol: 'tls', port: listener.port });
    expect(bad).toMatchObject({ status: 'failed', attempts: 1 });
    expect(bad.detail).toMatch(/SELF_SIGNED|CERT/);
  });

  it('retries a refused TCP connection and records the failure', async () => {
    listener = await tcpListener();
    const port = listener.port;
    await listener.close();
    listener = undefined;
    const out = await send({ protocol: 'tcp', port });
    expect(out).toMatchObject({ status: 'failed', attempts: 3, detail: `syslog tcp 127.0.0.1:${port}: ECONNREFUSED` });
    const history = await new DeliveryLog(store).recent();
    expect(history.map((h) => h.outcome)).toEqual(['failed', 'retrying', 'retrying']);
  });

  it('frames by bytes, cuts on character boundaries, escapes CEF values', () => {
    expect(frameOctetCounted('é a').toString('utf8')).toBe('4 é a');
    expect(cutUtf8('aé', 2)).toBe('a');
    expect(cefValue('a=b\\c\nd\re')).toBe('a\\=b\\\\c\\nd\\re');
  });
});
