// An SMTP server that echoes the credentials it refused (AUTH PLAIN <base64>, the AUTH LOGIN password line) must not
// get them into the delivery log or GET /api/settings: secrets are redacted in their encoded forms too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendTestAlert } from '../../src/alerts/index.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../src/alerts/testing/smtp-receiver.js';
import { selfSignedCert } from '../../src/alerts/testing/tls-cert.js';
import { PASSWORDS, startLiveServer, type LiveServer } from './live-server.js';

const SMTP_PASS = 'Relay-Pa55word-Of-The-Tenant';
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('SMTP credentials echoed by a server', () => {
  let s: LiveServer;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    const tls = selfSignedCert();
    // The server knows another password: every login is refused, and echoed.
    smtp = await startSmtpReceiver({ ...tls, user: 'alerts@contoso.com', pass: 'not-what-we-send', echoAuth: true });
    s = await startLiveServer();
    const config = {
      alerts: {
        destinations: [
          {
            name: 'mail',
            type: 'smtp',
            host: '127.0.0.1',
            port: smtp.port,
            from: 'mailsift@contoso.com',
            to: 'soc@contoso.com',
            auth: { user: 'alerts@contoso.com', pass: SMTP_PASS },
            tls: { ca: tls.cert },
            attempts: 1,
          },
        ],
      },
    };
    const outcome = await sendTestAlert({ store: s.fixture.store, config }, 'mail');
    expect(outcome.status).toBe('failed');
  });
  afterAll(async () => {
    await s.close();
    await smtp.close();
  });

  it('keeps the password out of GET /api/settings in plain, AUTH PLAIN and AUTH LOGIN forms', async () => {
    expect(smtp.logins.length).toBeGreaterThan(0);
    const res = await s.send('GET', '/api/settings', await s.session('admin', PASSWORDS.admin));
    expect(res.status).toBe(200);
    const detail = JSON.stringify(res.json().deliveries);
    expect(detail).toMatch(/Invalid login: 535/);
    expect(detail).toContain('AUTH PLAIN ***');
    const plain = b64(`alerts@contoso.com\u0000alerts@contoso.com\u0000${SMTP_PASS}`);
    for (const secret of [SMTP_PASS, b64(SMTP_PASS), plain, plain.slice(-20), b64(`\u0000alerts@contoso.com\u0000${SMTP_PASS}`)])
      expect(res.body).not.toContain(secret);
  });
});
