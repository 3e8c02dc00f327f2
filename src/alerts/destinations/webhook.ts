/** Generic web-hook: the alert as a JSON POST, optionally signed with HMAC-SHA256 over the raw body. */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { formatInstant } from '../../config/index.js';
import type { Alert } from '../alert.js';
import { visible } from '../text-safety.js';
import { defineDestination } from './destination.js';
import { postJson } from './http-post.js';
import { safeJson } from './json-body.js';
import { httpUrl } from './url-schema.js';
import { schemaMessage } from '../../config/index.js';

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, schemaMessage('header-name'));
const headerValue = z.string().regex(/^[^\r\n\0]*$/, schemaMessage('header-value'));

const webhookConfig = z
  .object({
    url: httpUrl,
    /** Signing key: receivers check `X-Mailsift-Signature: sha256=<hex of HMAC-SHA256(secret, raw body)>`. */
    secret: z.string().min(16, schemaMessage('secret-length')).optional(),
    headers: z.record(headerName, headerValue).default({}),
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  })
  .strict();

export type WebhookConfig = z.infer<typeof webhookConfig>;

/** The JSON document a web-hook receives. `title` and `sentence` are safe to display; `finding` and `evidence` are the raw data. */
export function webhookPayload(alert: Alert, timestamp: number): Record<string, unknown> {
  return {
    id: alert.id,
    // Inside the signed body, so a receiver comparing it with X-Mailsift-Timestamp and its clock can refuse replays.
    timestamp,
    firedAt: alert.firedAt,
    // The same moment in the organisation's zone, for people reading the payload (2026-11-26T09:00:00+09:00).
    ...(alert.timeZone ? { timeZone: alert.timeZone, firedAtLocal: formatInstant(Date.parse(alert.firedAt), alert.timeZone) } : {}),
    // The language `title` and `sentence` are written in (organization.language); the other fields do not change with it.
    language: alert.language ?? 'en',
    rule: alert.rule,
    severity: alert.severity,
    title: visible(alert.title, 300),
    sentence: visible(alert.sentence, 1000),
    link: alert.link,
    key: alert.key,
    query: alert.query,
    finding: alert.finding,
    evidence: alert.evidence,
  };
}

/** The signature header value for a raw body. */
export function signBody(secret: string, rawBody: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

export const webhook = defineDestination<WebhookConfig>({
  type: 'webhook',
  configSchema: webhookConfig,
  secrets: (c) => [c.url, ...(c.secret ? [c.secret] : []), ...Object.values(c.headers)],
  async send(alert, config, ctx) {
    const timestamp = Math.floor(ctx.now() / 1000);
    const body = safeJson(webhookPayload(alert, timestamp));
    const headers: Record<string, string> = {
      ...config.headers,
      'x-mailsift-timestamp': String(timestamp),
      'x-mailsift-alert-id': alert.id,
    };
    if (config.secret) headers['x-mailsift-signature'] = signBody(config.secret, body);
    return postJson(config.url, body, headers, ctx, config.timeoutMs);
  },
});
