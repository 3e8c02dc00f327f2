/** watchlist-correlation: a user flagged by another security product (EDR/XDR) whose external mail follows the alert. */
import { z } from 'zod';
import { plural } from '../describe.js';
import { raiseSeverity, type FindingDraft, type Severity } from '../finding.js';
import { evidenceQuery, kqlBetween, kqlString } from '../kql-text.js';
import { defineRule, type RuleContext } from '../rule.js';
import { SqlBuilder } from '../sql-builder.js';
import { DAY_MS, HOUR_MS } from '../time-zone.js';

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
  const sql = new SqlBuilder();
  const lists = p.watchlists.length ? ` AND "Name" IN ${sql.list(p.watchlists)}` : '';
  const rows = await ctx.rows(
    sql,
    `
    SELECT epoch_ms("Timestamp"), "User", "Product", "Detection", "Severity", "Name" FROM "Watchlist"
    WHERE "Timestamp" >= ${sql.time(ctx.from - p.windowHours * HOUR_MS)} AND "Timestamp" <= ${sql.time(ctx.to)}${lists} ORDER BY 1`,
  );
  const accepted = ctx.organization.acceptedDomains;
  const out: Alert[] = [];
  for (const [at, user, product, detection, severity, list] of rows as [number, string, string, string, string, string][]) {
    for (const address of addressesOf(user, accepted)) out.push({ at: Number(at), user, address, product, detection, severity, list });
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
  const sql = new SqlBuilder();
  const values = alerts.map(
    (a, i) =>
      `(${sql.param(i)}, ${sql.param(a.address)}, ${sql.time(a.at)}, ${sql.time(a.at + p.windowHours * HOUR_MS)}, ${sql.time(a.at - ctx.settings.baselineDays * DAY_MS)})`,
  );
  const rows = await ctx.rows(
    sql,
    `
    WITH a(i, u, t, e, b) AS (VALUES ${values.join(', ')}),
    m AS (
      SELECT a.i, mt."RecipientAddress" AS ra, mt."RecipientDomain" AS rd, mt."Size" AS size, mt."Received" AS r, mt."Subject" AS subject, mt."ToCountry" AS tc
      FROM a JOIN "MessageTrace" mt ON mt."SenderAddress" = a.u AND mt."Received" > a.t AND mt."Received" <= a.e AND mt."Direction" = 'Outbound'),
    h AS (
      SELECT a.i, count(*) AS n, list(DISTINCT mt."RecipientDomain") AS domains
      FROM a JOIN "MessageTrace" mt ON mt."SenderAddress" = a.u AND mt."Received" < a.t AND mt."Received" >= a.b AND mt."Direction" = 'Outbound'
      GROUP BY 1),
    hd AS (SELECT i, unnest(domains) AS rd FROM h)
    SELECT m.i, count(*), count(DISTINCT m.ra), count(DISTINCT m.rd), count(DISTINCT m.rd) FILTER (WHERE hd.rd IS NULL),
      sum(m.size), epoch_ms(min(m.r)), epoch_ms(max(m.r)), any_value(h.n),
      list_slice(list(DISTINCT m.ra) FILTER (WHERE hd.rd IS NULL), 1, 10), list_slice(list(DISTINCT m.subject), 1, 5), list_slice(list(DISTINCT m.tc), 1, 10),
      epoch_ms(min(a.b)), epoch_ms(min(a.t))
    FROM m JOIN a ON a.i = m.i LEFT JOIN hd ON hd.i = m.i AND hd.rd = m.rd LEFT JOIN h ON h.i = m.i
    GROUP BY 1 ORDER BY 1`,
  );
  const firstData = await firstRow(ctx);
  const out: FindingDraft[] = [];
  for (const r of rows) {
    const [i, n, recipients, domains, newDomains, bytes, , last, before, newRecipients, subjects, countries, baseFrom, alertAt] = r as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number | null,
      string[],
      string[],
      string[],
      number,
      number,
    ];
    const alert = alerts[Number(i)]!;
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
    const [row] = await ctx.rows(new SqlBuilder(), 'SELECT epoch_ms(min("Received")) FROM "MessageTrace"');
    return row?.[0] == null ? undefined : Number(row[0]);
  });
}
