/** large-transfer: one sender's bytes to external recipients above a daily size, or far above its own usual day. */
import { z } from 'zod';
import { formatBytes, formatFactor, plural } from '../describe.js';
import type { FindingDraft, Severity } from '../finding.js';
import { evidenceQuery, kqlBetween, kqlString } from '../kql-text.js';
import { asMs, asNumber } from '../kql-values.js';
import { defineRule } from '../rule.js';
import { partnerDomains } from './partner-domains.js';
import { firstDataDay, priorValues, quantile, senderDays } from './sender-history.js';
import { factorJa } from '../describe-ja.js';

const MiB = 1024 * 1024;

const params = z
  .object({
    /** Bytes to external recipients in one local day that are always reported (default 1 GiB). */
    maxBytesPerDay: z
      .number()
      .positive()
      .default(1024 * MiB),
    /** Bytes to non-partner domains in one day from which the sender's own baseline is compared (default 200 MiB). */
    minBytes: z
      .number()
      .positive()
      .default(200 * MiB),
    /** ...and how many times its usual busy day (90th percentile) that must be. */
    factor: z.number().min(1).default(10),
    /** Floor of the usual level (default 10 MiB). */
    minUsual: z
      .number()
      .min(0)
      .default(10 * MiB),
    /** Days of the sender's history needed for the baseline comparison. */
    minHistoryDays: z.number().int().min(1).default(5),
  })
  .strict();

export const largeTransfer = defineRule({
  id: 'large-transfer',
  summary: 'High volume of data sent to external recipients by one sender in a day (above a size, or far above its baseline)',
  params,
  async run(ctx, p) {
    const partners = [...(await partnerDomains(ctx)).keys()];
    const all = await senderDays(ctx, partners, [7, 21]);
    const firstDay = (await firstDataDay(ctx)) ?? 0;
    const fromDay = ctx.clock.day(ctx.from);
    const toDay = ctx.clock.day(ctx.to);
    const out: FindingDraft[] = [];
    for (const [sender, days] of all) {
      for (const x of days.values()) {
        if (x.day < fromDay || x.day > toDay) continue;
        const overLimit = x.bytes >= p.maxBytesPerDay;
        let usual = 0;
        let overBaseline = false;
        if (!overLimit && x.bytesToStrangers >= p.minBytes && x.day - firstDay >= p.minHistoryDays) {
          usual = Math.max(
            quantile(
              priorValues(days, x.day, firstDay, ctx.settings.baselineDays, (d) => d.bytesToStrangers),
              0.9,
            ),
            p.minUsual,
          );
          overBaseline = x.bytesToStrangers >= p.factor * usual;
        }
        if (!overLimit && !overBaseline) continue;
        const start = Math.max(ctx.from, ctx.clock.dayStart(x.day));
        const end = Math.min(ctx.to, ctx.clock.dayStart(x.day + 1) - 1);
        const rows = await ctx.kql(`MessageTrace
          | where ${kqlBetween(start, end)} and SenderAddress == ${kqlString(sender)} and Direction == "Outbound"
          | summarize count(), sum(Size), min(Received), max(Received) by RecipientAddress, RecipientDomain
          | sort by sum_Size desc`);
        const recipients = rows.map(([address, domain, n, bytes, first, last]) => ({
          address: String(address),
          domain: String(domain),
          n: asNumber(n),
          bytes: asNumber(bytes),
          first: asMs(first),
          last: asMs(last),
        }));
        const top = recipients[0];
        if (!top) continue;
        // The evidence is the mail to the recipients that carry most of the volume (at least 80% of it).
        const carrying: typeof recipients = [];
        let carried = 0;
        for (const r of recipients) {
          carrying.push(r);
          carried += r.bytes;
          if (carried >= 0.8 * x.bytes || carrying.length >= 20) break;
        }
        const first = Math.min(...carrying.map((r) => r.first));
        const last = Math.max(...carrying.map((r) => r.last));
        const personal = ctx.settings.personalDomains.includes(top.domain);
        const severity: Severity = overLimit ? (personal ? 'critical' : 'high') : personal ? 'high' : 'medium';
        const what = overLimit
          ? `above the ${formatBytes(p.maxBytesPerDay)} daily limit`
          : `${formatFactor(x.bytesToStrangers / usual)} its usual day`;
        out.push({
          rule: 'large-transfer',
          severity,
          title: `${sender} sent ${formatBytes(x.bytes)} to external recipients in a day (${what}); ${formatBytes(top.bytes)} to ${top.address}${personal ? ', a personal mailbox' : ''}`,
          titleJa: `${sender} が 1 日で社外へ ${formatBytes(x.bytes)} を送信（${overLimit ? `1 日の上限 ${formatBytes(p.maxBytesPerDay)} を超過` : `通常の日の ${factorJa(x.bytesToStrangers / usual)}`}）。うち ${formatBytes(top.bytes)} は ${top.address} 宛て${personal ? '（個人用メールボックス）' : ''}`,
          from: first,
          to: last,
          count: carrying.reduce((s, r) => s + r.n, 0),
          entities: { sender, senderDomain: sender.slice(sender.lastIndexOf('@') + 1), recipient: top.address },
          query: evidenceQuery([
            kqlBetween(first, last),
            `SenderAddress == ${kqlString(sender)}`,
            `RecipientAddress in (${carrying.map((r) => kqlString(r.address)).join(', ')})`,
          ]),
          details: {
            bytes: x.bytes,
            bytesToNonPartners: x.bytesToStrangers,
            usualBytes: usual || null,
            limitBytes: p.maxBytesPerDay,
            reason: overLimit ? 'daily limit' : 'baseline',
            messages: x.rows,
            recipients: recipients.slice(0, 10).map((r) => ({ address: r.address, messages: r.n, bytes: r.bytes })),
            topRecipientIsPersonal: personal,
            summary: `${plural(x.rows, 'row')} to ${plural(recipients.length, 'recipient')}`,
          },
          key: [sender, String(x.day)],
        });
      }
    }
    return out;
  },
});
