/** Microsoft Teams (Workflows or incoming web-hook): an Adaptive Card 1.4 whose text is Markdown-escaped so subjects cannot become links. */
import { z } from 'zod';
import { evidencePairs, firedText, severityLabel, type Alert } from '../alert.js';
import { alertText } from '../alert-text.js';
import { escapeMarkdown, visible } from '../text-safety.js';
import { defineDestination } from './destination.js';
import { postJson } from './http-post.js';
import { safeJson } from './json-body.js';
import { httpUrl } from './url-schema.js';

const teamsConfig = z
  .object({
    /** The Workflows (or legacy incoming web-hook) URL: it carries a signature, so it is a secret. */
    url: httpUrl,
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  })
  .strict();

export type TeamsConfig = z.infer<typeof teamsConfig>;

/** Text for a TextBlock: invisible characters shown, Markdown punctuation escaped. */
function md(text: unknown, max: number): string {
  return escapeMarkdown(visible(text, max));
}

const COLOR: Record<string, string> = { low: 'default', medium: 'warning', high: 'attention', critical: 'attention' };

/** The message with one Adaptive Card for an alert. */
export function teamsMessage(alert: Alert): Record<string, unknown> {
  const t = alertText(alert.language);
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: md(alert.title, 200), weight: 'Bolder', size: 'Medium', color: COLOR[alert.severity], wrap: true },
    { type: 'TextBlock', text: md(alert.sentence, 1000), wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: t.severityLabel, value: severityLabel(alert.severity, alert.language) },
        { title: t.rule, value: md(alert.rule, 200) },
        { title: t.fired, value: firedText(alert) },
      ],
    },
  ];
  const rows = evidencePairs(alert.evidence, alert.timeZone, alert.language);
  if (rows.length > 0) {
    body.push({ type: 'TextBlock', text: t.evidence(rows.length), weight: 'Bolder', spacing: 'Medium' });
    for (const row of rows)
      body.push({
        type: 'TextBlock',
        text: row.map((p) => `${escapeMarkdown(p.name)}: ${escapeMarkdown(p.value)}`).join(' | '),
        wrap: true,
        spacing: 'Small',
        fontType: 'Monospace',
      });
  }
  const card: Record<string, unknown> = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
  };
  if (alert.link) card.actions = [{ type: 'Action.OpenUrl', title: t.open, url: alert.link }];
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}

export const teams = defineDestination<TeamsConfig>({
  type: 'teams',
  configSchema: teamsConfig,
  secrets: (c) => [c.url],
  send: (alert, config, ctx) => postJson(config.url, safeJson(teamsMessage(alert)), {}, ctx, config.timeoutMs),
});
