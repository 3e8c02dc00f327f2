/** The English text of every delivery failure, by code (delivery-failures-ja.ts has the same codes; a test checks it). */
import type { DeliveryFailureParams } from './delivery-failure.js';

type P = DeliveryFailureParams;

export const DELIVERY_FAILURES_EN = {
  // HTTP destinations (webhook, Slack, Teams): the host only, never the path (it is the secret of a web-hook URL).
  'post-timeout': (p: P) => `POST to ${p.host} failed: no answer within ${p.ms} ms`,
  'post-network': (p: P) => `POST to ${p.host} failed: ${p.detail}`,
  'http-redirect': (p: P) => `${p.host} answered HTTP ${p.status} (redirects are not followed)`,
  'http-status': (p: P) => `${p.host} answered HTTP ${p.status}${p.body ? `: ${p.body}` : ''}`,
  // SMTP: the English is nodemailer's own message; the Japanese says which kind of failure, with the server's reply.
  'smtp-refused': (p: P) => `SMTP ${p.host}:${p.port}: ${p.detail}`,
  'smtp-timeout': (p: P) => `SMTP ${p.host}:${p.port}: ${p.detail}`,
  'smtp-auth': (p: P) => `SMTP ${p.host}:${p.port}: ${p.detail}`,
  'smtp-rejected': (p: P) => `SMTP ${p.host}:${p.port}: ${p.detail}`,
  'smtp-tls': (p: P) => `SMTP ${p.host}:${p.port}: ${p.detail}`,
  'smtp-other': (p: P) => `SMTP ${p.host}:${p.port}: ${p.detail}`,
  // Syslog: `where` is `syslog PROTOCOL HOST:PORT`.
  'syslog-network': (p: P) => `${p.where}: ${p.detail}`,
  'syslog-timeout': (p: P) => `${p.where}: no progress within ${p.ms} ms`,
  'syslog-stopped': (p: P) => `${p.where}: stopped`,
  'ca-file': (p: P) => `cannot read the CA file ${p.path}`,
  // Not sent at all (alerts run): the destination is off, or the alert is below its minSeverity.
  disabled: () => 'disabled',
  'below-min-severity': (p: P) => `below its minSeverity ${p.min}`,
  // A failure without a code of its own: its message as detail.
  other: (p: P) => `${p.detail}`,
};

export type DeliveryFailureCode = keyof typeof DELIVERY_FAILURES_EN;

/** Added when the receiver asked to wait longer than the scheduler waits. */
export const GIVING_UP_EN = (seconds: string | number) => ` (asked to retry after ${seconds} s: giving up for now)`;
