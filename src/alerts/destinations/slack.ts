/** Slack incoming web-hook: `{ text, blocks }` with every stranger's string in plain_text and `& < >` escaped (no links, no <!channel>). */
import { z } from 'zod';
import { evidencePairs, firedText, severityLabel, type Alert } from '../alert.js';
import { alertText } from '../alert-text.js';
import { escapeSlack, visible } from '../text-safety.js';
import { defineDestination } from './destination.js';
import { postJson } from './http-post.js';
import { safeJson } from './json-body.js';
import { httpUrl } from './url-schema.js';

const slackConfig = z
  .object({
    /** The incoming web-hook URL: its path is a secret. */
    url: httpUrl,
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  })
  .strict();

export type SlackConfig = z.infer<typeof slackConfig>;

/** Text for Slack: invisible characters shown, Slack's control characters escaped, cut to `max`. */
function s(text: unknown, max: number): string {
  return escapeSlack(visible(text, max));
}

function plain(text: string): { type: 'plain_text'; text: string; emoji: false } {
  return { type: 'plain_text', text, emoji: false };
}

/** The incoming web-hook message for an alert (Block Kit; plain_text is never parsed as mrkdwn). */
export function slackMessage(alert: Alert): Record<string, unknown> {
  const t = alertText(alert.language);
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: plain(s(alert.title, 140)) },
    { type: 'section', text: plain(s(alert.sentence, 2900)) },
    {
      type: 'context',
      elements: [
        plain(
          `${t.severityLabel}: ${severityLabel(alert.severity, alert.language)} · ${t.rule}: ${s(alert.rule, 200)} · ${firedText(alert)}`,
        ),
      ],
    },
  ];
  const rows = evidencePairs(alert.evidence, alert.timeZone, alert.language);
  if (rows.length > 0) {
    const lines = rows.map((row) => '• ' + row.map((p) => `${escapeSlack(p.name)}: ${escapeSlack(p.value)}`).join(' | '));
    blocks.push({ type: 'section', text: plain(`${t.evidence(rows.length)}:\n${lines.join('\n')}`.slice(0, 2990)) });
  }
  if (alert.link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: plain(t.open), url: alert.link }] });
  return {
    text: `${s(alert.title, 200)}: ${s(alert.sentence, 1000)}`,
    // The fallback `text` is shown in notifications: no mrkdwn there either.
    mrkdwn: false,
    unfurl_links: false,
    unfurl_media: false,
    blocks,
  };
}

export const slack = defineDestination<SlackConfig>({
  type: 'slack',
  configSchema: slackConfig,
  secrets: (c) => [c.url],
  send: (alert, config, ctx) => postJson(config.url, safeJson(slackMessage(alert)), {}, ctx, config.timeoutMs),
});
