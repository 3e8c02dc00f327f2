/** E-mail over SMTP with nodemailer: STARTTLS required by default, optional AUTH, a text part and an HTML part with everything escaped. */
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { alertTextLines, evidencePairs, firedText, severityLabel, type Alert } from '../alert.js';
import { alertText, subjectTime } from '../alert-text.js';
import { deliveryFailure, type DeliveryFailureJson } from '../delivery-failure.js';
import { DeliveryError } from '../errors.js';
import { escapeHtml, visible } from '../text-safety.js';
import { defineDestination } from './destination.js';
import { nodeTlsOptions, tlsConfig } from './tls-options.js';
import { schemaMessage } from '../../config/index.js';

const address = z.string().regex(/^[^\s<>@,;"]+@[^\s<>@,;"]+$/, schemaMessage('email-address'));

const smtpConfig = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(587),
    /** Implicit TLS from the first byte (port 465). */
    secure: z.boolean().default(false),
    /** Refuse to go on unless the server offers STARTTLS (default true; set false only for a local relay). */
    requireTLS: z.boolean().default(true),
    auth: z
      .object({ user: z.string().min(1), pass: z.string().min(1) })
      .strict()
      .optional(),
    from: address,
    to: z.union([address, z.array(address).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])),
    subjectPrefix: z.string().default('[mailsift]'),
    tls: tlsConfig,
    timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  })
  .strict();

export type SmtpConfig = z.infer<typeof smtpConfig>;

/** Subject, text and HTML of the e-mail for an alert. */
export function emailContent(alert: Alert, subjectPrefix: string): { subject: string; text: string; html: string } {
  const t = alertText(alert.language);
  // The time in the organisation's zone, named (2026-11-26 09:00 JST): inboxes show the subject first.
  const subject =
    `${subjectPrefix} ${visible(alert.title, 120)}: ${visible(alert.sentence, 200)} (${subjectTime(alert.firedAt, alert.timeZone, alert.language)})`.trim();
  const text = alertTextLines(alert).join('\n') + '\n';
  const h = (v: unknown, max: number) => escapeHtml(visible(v, max));
  const parts = [
    `<h2>${h(alert.title, 200)}</h2>`,
    `<p>${h(alert.sentence, 1000)}</p>`,
    `<p>${t.severityLabel}: <b>${h(severityLabel(alert.severity, alert.language), 20)}</b> · ${t.rule}: ${h(alert.rule, 200)} · ${t.fired}: ${h(firedText(alert), 60)}</p>`,
  ];
  if (alert.link) parts.push(`<p><a href="${escapeHtml(alert.link)}">${escapeHtml(t.open)}</a></p>`);
  const rows = evidencePairs(alert.evidence, alert.timeZone, alert.language);
  if (rows.length > 0) {
    const head = rows[0]!.map((p) => `<th align="left">${escapeHtml(p.name)}</th>`).join('');
    const body = rows.map((r) => `<tr>${r.map((p) => `<td>${escapeHtml(p.value)}</td>`).join('')}</tr>`).join('\n');
    parts.push(
      `<p>${escapeHtml(t.evidence(rows.length))}:</p>`,
      `<table border="1" cellpadding="4" cellspacing="0"><tr>${head}</tr>\n${body}</table>`,
    );
  }
  const html = `<!doctype html><html lang="${alert.language ?? 'en'}"><head><meta charset="utf-8"></head><body>\n${parts.join('\n')}\n</body></html>\n`;
  return { subject, text, html };
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  /** The server's reply line, when it answered. */
  response?: string;
  message?: string;
}

/** Which kind of SMTP failure `e` is (nodemailer's codes: ECONNECTION, ETIMEDOUT, EAUTH, ETLS...), with the server's reply. */
function smtpFailure(e: NodemailerError, tlsProblem: boolean, p: { host: string; port: number; detail: string }): DeliveryFailureJson {
  const reply = e.response ? visible(e.response, 200) : '';
  if (tlsProblem) return deliveryFailure('smtp-tls', p);
  if (e.code === 'EAUTH') return deliveryFailure('smtp-auth', { ...p, reply });
  if (e.responseCode !== undefined) return deliveryFailure('smtp-rejected', { ...p, status: e.responseCode, reply });
  if (/ECONNREFUSED/.test(e.message ?? '')) return deliveryFailure('smtp-refused', p);
  if (e.code === 'ETIMEDOUT' || /timeout|never received/i.test(e.message ?? '')) return deliveryFailure('smtp-timeout', p);
  return deliveryFailure('smtp-other', p);
}

export const smtp = defineDestination<SmtpConfig>({
  type: 'smtp',
  configSchema: smtpConfig,
  secrets: (c) => (c.auth ? [c.auth.pass] : []),
  async send(alert, config, _ctx) {
    const transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: !config.secure && config.requireTLS,
      ...(config.auth ? { auth: { user: config.auth.user, pass: config.auth.pass } } : {}),
      tls: nodeTlsOptions(config.tls),
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
      logger: false,
      debug: false,
    });
    const content = emailContent(alert, config.subjectPrefix);
    try {
      const info = await transport.sendMail({
        from: config.from,
        to: config.to,
        subject: content.subject,
        text: content.text,
        html: content.html,
        headers: { 'X-Mailsift-Alert-Id': alert.id, 'X-Mailsift-Rule': visible(alert.rule, 100), 'X-Mailsift-Severity': alert.severity },
      });
      return { detail: visible(info.response, 200) };
    } catch (cause) {
      const e = cause as NodemailerError;
      const code = e.responseCode;
      // 5xx replies, refused logins and TLS problems (no STARTTLS, a certificate that does not verify) are
      // permanent; 4xx replies and lost connections are not.
      const tlsProblem = e.code === 'ETLS' || /certificate|self[- ]signed|STARTTLS/i.test(e.message ?? '');
      const permanent = (code !== undefined && code >= 500) || e.code === 'EAUTH' || tlsProblem;
      const detail = visible(e.message ?? String(cause), 300);
      throw new DeliveryError(smtpFailure(e, tlsProblem, { host: config.host, port: config.port, detail }), {
        retryable: !permanent,
        ...(code === undefined ? {} : { status: code }),
        cause,
      });
    } finally {
      transport.close();
    }
  },
});
