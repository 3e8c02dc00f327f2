/** outbound-burst: an internal account suddenly sending far more external mail than it usually does (a hijacked mailbox). */
import { z } from 'zod';
import { formatFactor, plural } from '../describe.js';
import type { FindingDraft, Severity } from '../finding.js';
import { evidenceQuery, kqlBetween, kqlString } from '../kql-text.js';
import { defineRule } from '../rule.js';
import { SqlBuilder, receivedBetween } from '../sql-builder.js';
import { partnerDomains } from './partner-domains.js';
import { firstDataDay, priorValues, quantile, senderDays } from './sender-history.js';

const params = z.object({
  /** External rows in one local day before a sender is judged at all. */
  minMessages: z.number().int().min(1).default(40),
  /** The day must be this many times the sender's usual busy day (90th percentile of the previous days). */
  factor: z.number().min(1).default(5),
  /** Floor of the usual level, so a quiet sender's first busy day is not a burst. */
  minUsual: z.number().min(0).default(5),
  /** Signals of a hijack: share of the day's mail outside business hours... */
  offHoursShare: z.number().min(0).max(1).default(0.5),
  /** ...recipient domains never written to before... */
  minNewDomains: z.number().int().min(1).default(20),
  /** ...share of rows that Failed. */
  failureRate: z.number().min(0).max(1).default(0.2),
  /** Local business hours [open, close) for the off-hours signal; weekends are off-hours too. */
  businessHours: z.tuple([z.number().int().min(0).max(23), z.number().int().min(1).max(24)]).default([7, 21]),
  /** Without any signal, a burst is reported (low) only from this many times minMessages. */
  volumeOnlyMultiple: z.number().min(1).default(3),
  /** Days of the sender's history needed. */
  minHistoryDays: z.number().int().min(1).default(5),
}).strict();

export const outboundBurst = defineRule({
  id: 'outbound-burst',
  summary: 'An internal sender suddenly sending far more external mail than usual: at night, to new domains, or bouncing',
  params,
  async run(ctx, p) {
    const partners = [...(await partnerDomains(ctx)).keys()];
    const all = await senderDays(ctx, partners, p.businessHours);
    const firstDay = await firstDataDay(ctx);
    if (firstDay === undefined) return [];
    const fromDay = ctx.clock.day(ctx.from);
    const toDay = ctx.clock.day(ctx.to);
    const out: FindingDraft[] = [];
    for (const [sender, days] of all) {
      for (const x of days.values()) {
        if (x.day < fromDay || x.day > toDay || x.rows < p.minMessages || x.day - firstDay < p.minHistoryDays) continue;
        const prior = priorValues(days, x.day, firstDay, ctx.settings.baselineDays, (d) => d.rows);
        const usual = Math.max(quantile(prior, 0.9), p.minUsual);
        if (x.rows < p.factor * usual) continue;
        const signals: string[] = [];
        if (x.offHours / x.rows >= p.offHoursShare) signals.push('outside business hours');
        if (x.newDomains >= p.minNewDomains) signals.push(`${x.newDomains} new recipient domains`);
        if (x.failed / x.rows >= p.failureRate) signals.push(`${Math.round((100 * x.failed) / x.rows)}% failed`);
        if (signals.length === 0 && x.rows < p.volumeOnlyMultiple * p.minMessages) continue;
        const severity: Severity = signals.length >= 2 ? 'high' : signals.length === 1 ? 'medium' : 'low';
        const start = Math.max(ctx.from, ctx.clock.dayStart(x.day));
        const end = Math.min(ctx.to, ctx.clock.dayStart(x.day + 1) - 1);
        const sql = new SqlBuilder();
        const where = `${receivedBetween(sql, start, end)} AND "SenderAddress" = ${sql.param(sender)} AND "Direction" = 'Outbound'`;
        const [row] = await ctx.rows(sql, `
          SELECT epoch_ms(min("Received")), epoch_ms(max("Received")), list_slice(list(DISTINCT "FromIP"), 1, 5),
            (SELECT list([ip, CAST(n AS VARCHAR)]) FROM (SELECT "FromIP" AS ip, count(*) AS n FROM "MessageTrace" WHERE ${where} GROUP BY 1 ORDER BY 2 DESC LIMIT 1)),
            list_slice(list(DISTINCT "RecipientDomain"), 1, 10), list_slice(list(DISTINCT "Subject"), 1, 5), list_slice(list(DISTINCT "ToCountry"), 1, 10)
          FROM "MessageTrace" WHERE ${where}`);
        const [first, last, ips, topIp, domains, subjects, countries] = row as [number, number, string[], [string, string][] | null, string[], string[], string[]];
        // The IP most of the day's mail came from, when it carried most of it (the attacker's, in a hijack).
        const [ip, ipRows] = topIp?.[0] ?? ['', '0'];
        const mainIp = Number(ipRows) >= 0.6 * x.rows ? ip : '';
        const why = signals.length ? `; ${signals.join(', ')}` : '';
        out.push({
          rule: 'outbound-burst',
          severity,
          title: `${sender} sent ${plural(x.rows, 'external message')}, ${formatFactor(x.rows / usual)} its usual day${why}`,
          from: first,
          to: last,
          count: x.rows,
          entities: { sender, senderDomain: sender.slice(sender.lastIndexOf('@') + 1), ip: mainIp },
          query: evidenceQuery([kqlBetween(first, last), `SenderAddress == ${kqlString(sender)}`, 'Direction == "Outbound"']),
          details: {
            observed: x.rows,
            usual,
            usualBasis: '90th percentile of the sender\'s external rows per day over the previous days',
            recipientDomains: x.domains,
            newRecipientDomains: x.newDomains,
            failed: x.failed,
            offHours: x.offHours,
            signals,
            fromIPs: ips,
            sampleRecipientDomains: domains,
            subjects,
            toCountries: countries,
          },
          key: [sender, String(x.day)],
        });
      }
    }
    return out;
  },
});
