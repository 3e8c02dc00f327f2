/** watchlist-correlation: a user flagged by another security product (EDR/XDR) whose external mail follows the alert. */
import { z } from 'zod';
import { plural } from '../describe.js';
import { raiseSeverity, type FindingDraft, type Severity } from '../finding.js';
import { evidenceQuery, kqlBetween, kqlIn, kqlString } from '../kql-text.js';
import { asMs } from '../kql-values.js';
import { defineRule, type RuleContext } from '../rule.js';
import { DAY_MS, HOUR_MS } from '../time-zone.js';
import { countJa } from '../describe-ja.js';

const params = z
  .object({
    /** Hours after the alert in which the user's mail is looked at. */
    windowHours: z.number().positive().default(24),
    /** Recipient domains the user had not written to in the previous detections.baselineDays... */
    minNewDomains: z.number().int().min(0).default(2),
    /** ...or this many times the user's usual external rows for a window of that length (and at least minMessages). */
    volumeFactor: z.number().min(1).default(3),
    minMessages: z.number().int().min(1).default(5),
    /** Watchlists (the Name column) to use; empty: all. */
    watchlists: z.array(z.string()).default([]),
  })
  .strict();

type Params = z.infer<typeof params>;

interface Alert {
  at: number;
  user: string;
  address: string;
  product: string;
  detection: string;
  severity: string;
  list: string;
}

export const watchlistCorrelation = defineRule({
  id: 'watchlist-correlation',
  summary: 'A user flagged by EDR/XDR (the Watchlist table) sending unusual external mail in the hours after the alert',
  params,
  async run(ctx, p) {
    const alerts = await loadAlerts(ctx, p);
    if (alerts.length === 0) return [];
    const out: FindingDraft[] = [];
    for (let i = 0; i < alerts.length; i += 200) out.push(...(await correlate(ctx, p, alerts.slice(i, i + 200))));
    return out;
  },
});

async function loadAlerts(ctx: RuleContext, p: Params): Promise<Alert[]> {
  const lists = p.watchlists.length ? `\n| where ${kqlIn('Name', p.watchlists)}` : '';
  const rows = await ctx.kql(`Watchlist
    | where ${kqlBetween(ctx.from - p.windowHours * HOUR_MS, ctx.to, 'Timestamp')}${lists}
    | project Timestamp, User, Product, Detection, Severity, Name
    | sort by Timestamp asc`);
  const accepted = ctx.organization.acceptedDomains;
  const out: Alert[] = [];
  for (const [at, user, product, detection, severity, list] of rows) {
    const [u, pr, de, se, li] = [user, product, detection, severity, list].map(String) as [string, string, string, string, string];
    for (const address of addressesOf(u, accepted))
      out.push({ at: asMs(at), user: u, address, product: pr, detection: de, severity: se, list: li });
  }
  return out;
}

/** Mail addresses a watchlist user may be: an address as is; DOMAIN\user or a bare name at each accepted domain. */
export function addressesOf(user: string, acceptedDomains: readonly string[]): string[] {
  const u = user.trim().toLowerCase();
  if (u.includes('@')) return [u];
  const name = u.includes('\\') ? u.slice(u.lastIndexOf('\\') + 1) : u;
  return name ? acceptedDomains.map((d) => `${name}@${d}`) : [];
}

async function correlate(ctx: RuleContext, p: Params, alerts: readonly Alert[]): Promise<FindingDraft[]> {
  const followUps = await ctx.store.detect.followUps(
    alerts.map((a) => ({
      address: a.address,
      at: a.at,
      until: a.at + p.windowHours * HOUR_MS,
      baselineFrom: a.at - ctx.settings.baselineDays * DAY_MS,
    })),
  );
  const firstData = await firstRow(ctx);
  const out: FindingDraft[] = [];
  for (const f of followUps) {
    const { rows: n, recipients, domains, newDomains, bytes, last, before, newRecipients, subjects, countries } = f;
    const alert = alerts[f.index]!;
    const alertAt = alert.at;
    const baseFrom = alert.at - ctx.settings.baselineDays * DAY_MS;
    const historyMs = Math.max(1, Number(alertAt) - Math.max(Number(baseFrom), firstData ?? Number(baseFrom)));
    const usualPerWindow = ((before ?? 0) / historyMs) * p.windowHours * HOUR_MS;
    const unusualDomains = newDomains >= p.minNewDomains && newDomains > 0;
    const unusualVolume = n >= p.minMessages && n >= p.volumeFactor * Math.max(usualPerWindow, 1);
    if (!unusualDomains && !unusualVolume) continue;
    if (last < ctx.from || alert.at > ctx.to) continue;
    let severity = fromProductSeverity(alert.severity);
    if (newDomains >= 5) severity = raiseSeverity(severity);
    const hours = Math.max(1, Math.round((last - alert.at) / HOUR_MS));
    const what = unusualDomains
      ? `${plural(newDomains, 'new recipient domain')}`
      : `${Math.round(n / Math.max(usualPerWindow, 1))}x the usual volume`;
    out.push({
      rule: 'watchlist-correlation',
      severity,
      title: `${alert.product} flagged ${alert.address} (${alert.detection}); ${plural(n, 'external message')} followed within ${plural(hours, 'hour')}, ${what}`,
      titleJa: `${alert.product} が ${alert.address} を検知（${alert.detection}）。その後 ${countJa(hours, '時間')}以内に社外へ ${countJa(n, '通')}、${unusualDomains ? `新しい受信ドメイン ${countJa(newDomains, '件')}` : `通常の ${Math.round(n / Math.max(usualPerWindow, 1))} 倍の量`}`,
      from: alert.at,
      to: last,
      count: n,
      entities: {
        sender: alert.address,
        senderDomain: alert.address.slice(alert.address.lastIndexOf('@') + 1),
        recipient: recipients === 1 ? (newRecipients[0] ?? '') : '',
      },
      query: evidenceQuery([kqlBetween(alert.at, last), `SenderAddress == ${kqlString(alert.address)}`, 'Direction == "Outbound"']),
      details: {
        alert: {
          at: new Date(alert.at).toISOString(),
          user: alert.user,
          product: alert.product,
          detection: alert.detection,
          severity: alert.severity,
          watchlist: alert.list,
        },
        windowHours: p.windowHours,
        messages: n,
        recipients,
        recipientDomains: domains,
        newRecipientDomains: newDomains,
        newRecipients,
        bytes: Number(bytes),
        usualMessagesPerWindow: Math.round(usualPerWindow * 10) / 10,
        subjects,
        toCountries: countries,
      },
      key: [alert.address, String(alert.at), alert.detection],
    });
  }
  return out;
}

function fromProductSeverity(s: string): Severity {
  const x = s.trim().toLowerCase();
  if (x === 'critical' || x === 'high' || x === 'severe') return 'high';
  if (x === 'low' || x === 'informational' || x === 'info') return 'low';
  return 'medium';
}

async function firstRow(ctx: RuleContext): Promise<number | undefined> {
  return ctx.shared('first-row', async () => {
    const [row] = await ctx.kql('MessageTrace | summarize min(Received)');
    return row?.[0] == null ? undefined : asMs(row[0]);
  });
}
