/** A local SMTP server (smtp-server) for tests: STARTTLS with a given certificate, AUTH, and failures on purpose. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Whether the session was encrypted (STARTTLS) when the mail came in. */
  secure: boolean;
  user: string | undefined;
  raw: string;
}

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  /** AUTH attempts: user and whether the password matched. */
  logins: { user: string; ok: boolean; secure: boolean }[];
  close(): Promise<void>;
}

export interface SmtpReceiverOptions {
  key: string;
  cert: string;
  user: string;
  pass: string;
  /** Do not offer STARTTLS (an old or misconfigured relay). */
  noStartTls?: boolean;
  /** Refuse the first N messages with `451 4.3.0 try again later`. */
  tempFailFirst?: number;
  /** On a refused login, echo the credentials back as some servers do (`AUTH PLAIN <base64>` and the password line of `AUTH LOGIN`). */
  echoAuth?: boolean;
}

/** Start the server on 127.0.0.1 at a free port. */
export async function startSmtpReceiver(o: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const logins: SmtpReceiver['logins'] = [];
  let tempFailures = o.tempFailFirst ?? 0;
  const server = new SMTPServer({
    key: o.key,
    cert: o.cert,
    logger: false,
    // Not just hidden: nodemailer's requireTLS tries STARTTLS even when it is not advertised.
    disabledCommands: o.noStartTls ? ['STARTTLS'] : [],
    // As a real submission server: no AUTH before TLS.
    allowInsecureAuth: false,
    onAuth(auth, session, cb) {
      const ok = auth.username === o.user && auth.password === o.pass;
      logins.push({ user: auth.username ?? '', ok, secure: session.secure });
      if (!ok && o.echoAuth) {
        const plain = Buffer.from(`${auth.username}\u0000${auth.username}\u0000${auth.password}`).toString('base64');
        const login = Buffer.from(auth.password ?? '').toString('base64');
        return cb(new Error(`5.7.8 Authentication credentials invalid: AUTH PLAIN ${plain} (LOGIN ${login})`));
      }
      if (!ok) return cb(new Error('5.7.8 Authentication credentials invalid'));
      cb(null, { user: auth.username });
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (tempFailures > 0) {
          tempFailures--;
          const e = new Error('4.3.0 try again later') as Error & { responseCode: number };
          e.responseCode = 451;
          return cb(e);
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, logins, close: () => new Promise((r) => server.close(() => r())) };
}

/** The decoded text of the MIME part with `contentType` (quoted-printable or base64) in a raw message. */
export function mimePart(raw: string, contentType: string): string {
  const at = raw.toLowerCase().indexOf(`content-type: ${contentType}`);
  if (at < 0) throw new Error(`no ${contentType} part`);
  const rest = raw.slice(at);
  const headerEnd = rest.indexOf('\r\n\r\n');
  const headers = rest.slice(0, headerEnd).toLowerCase();
  const body = rest.slice(headerEnd + 4).split(/\r\n--/)[0]!;
  if (headers.includes('content-transfer-encoding: base64')) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (headers.includes('content-transfer-encoding: quoted-printable')) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => `%${h}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

/** A header of the raw message, unfolded, with RFC 2047 encoded words decoded. */
export function mailHeader(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(name.toLowerCase() + ':'));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : '';
}

function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) => {
    if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
        bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(text[i] === '_' ? 0x20 : text.charCodeAt(i));
    }
    return Buffer.from(bytes).toString('utf8');
  });
}
