/** outbound-burst: an internal account suddenly sending far more external mail than it usually does (a hijacked mailbox). */
import { z } from 'zod';
import { formatFactor, plural } from '../describe.js';
import type { FindingDraft, Severity } from '../finding.js';
import { evidenceQuery, kqlBetween, kqlString } from '../kql-text.js';
import { asList, asMs, asNumber } from '../kql-values.js';
import { defineRule } from '../rule.js';
import { partnerDomains } from './partner-domains.js';
import { firstDataDay, priorValues, quantile, senderDays } from './sender-history.js';
import { countJa, factorJa, listJa } from '../describe-ja.js';

const params = z
  .object({
    /**
     * A measure bursts when the day is `factor` times the sender's usual busy day for it (90th percentile of its
     * previous days, at least the measure's minimum) and at least that minimum. Measures: external rows...
     */
    minMessages: z.number().int().min(1).default(40),
    /** ...rows outside business hours or on a weekend... */
    minOffHours: z.number().int().min(1).default(40),
    /** ...recipient domains never written to before... */
    minNewDomains: z.number().int().min(1).default(20),
    /** ...and Failed rows. */
    minFailed: z.number().int().min(1).default(20),
    factor: z.number().min(1).default(5),
    /** Local business hours [open, close); weekends are off-hours too. */
    businessHours: z.tuple([z.number().int().min(0).max(23), z.number().int().min(1).max(24)]).default([7, 21]),
    /** Two bursting measures make a finding; volume alone only from this many times minMessages (low). */
    volumeOnlyMultiple: z.number().min(1).default(3),
    /** Days of the sender's history needed. */
    minHistoryDays: z.number().int().min(1).default(5),
  })
  .strict();

type Params = z.infer<typeof params>;

const MEASURES: readonly {
  key: 'rows' | 'offHours' | 'newDomains' | 'failed';
  min: (p: Params) => number;
  words: (n: number) => string;
  wordsJa: (n: number) => string;
}[] = [
  { key: 'rows', min: (p) => p.minMessages, words: (n) => `${n} external messages`, wordsJa: (n) => `社外宛て ${n} 通` },
  { key: 'offHours', min: (p) => p.minOffHours, words: (n) => `${n} outside business hours`, wordsJa: (n) => `業務時間外 ${n} 通` },
  {
    key: 'newDomains',
    min: (p) => p.minNewDomains,
    words: (n) => `${n} new recipient domains`,
    wordsJa: (n) => `新しい受信ドメイン ${n} 件`,
  },
  { key: 'failed', min: (p) => p.minFailed, words: (n) => `${n} failed`, wordsJa: (n) => `失敗 ${n} 通` },
];

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
        if (x.day < fromDay || x.day > toDay || x.day - firstDay < p.minHistoryDays) continue;
        if (!MEASURES.some((m) => x[m.key] >= m.min(p))) continue;
        const usual: Record<string, number> = {};
        const bursting: string[] = [];
        for (const m of MEASURES) {
          usual[m.key] = Math.max(
            quantile(
              priorValues(days, x.day, firstDay, ctx.settings.baselineDays, (d) => d[m.key]),
              0.9,
            ),
            m.min(p) / p.factor,
          );
          if (x[m.key] >= m.min(p) && x[m.key] >= p.factor * usual[m.key]!) bursting.push(m.key);
        }
        const volumeOnly = bursting.length === 1 && bursting[0] === 'rows' && x.rows >= p.volumeOnlyMultiple * p.minMessages;
        if (bursting.length < 2 && !volumeOnly) continue;
        const severity: Severity = bursting.length >= 3 ? 'high' : bursting.length === 2 ? 'medium' : 'low';
        const shown = MEASURES.filter((m) => bursting.includes(m.key) && m.key !== 'rows');
        const signals = shown.map((m) => `${m.words(x[m.key])} (usually ${Math.round(usual[m.key]!)})`);
        const signalsJa = shown.map((m) => `${m.wordsJa(x[m.key])}（通常 ${Math.round(usual[m.key]!)}）`);
        const start = Math.max(ctx.from, ctx.clock.dayStart(x.day));
        const end = Math.min(ctx.to, ctx.clock.dayStart(x.day + 1) - 1);
        const where = `MessageTrace\n| where ${kqlBetween(start, end)} and SenderAddress == ${kqlString(sender)} and Direction == "Outbound"`;
        const [[row], [topIp]] = await Promise.all([
          ctx.kql(`${where}
          | summarize min(Received), max(Received), make_set(FromIP, 5), make_set(RecipientDomain, 10), make_set(Subject, 5),
              make_set(ToCountry, 10)`),
          ctx.kql(`${where}\n| summarize n = count() by FromIP\n| top 1 by n desc`),
        ]);
        const [first, last, ips, domains, subjects, countries] = [
          asMs(row?.[0]),
          asMs(row?.[1]),
          asList(row?.[2]),
          asList(row?.[3]),
          asList(row?.[4]),
          asList(row?.[5]),
        ];
        // The IP most of the day's mail came from, when it carried most of it (the attacker's, in a hijack).
        const [ip, ipRows] = topIp ? [String(topIp[0]), asNumber(topIp[1])] : ['', 0];
        const mainIp = Number(ipRows) >= 0.6 * x.rows ? ip : '';
        const why = signals.length ? `: ${signals.join(', ')}` : '';
        out.push({
          rule: 'outbound-burst',
          severity,
          title: `${sender} sent ${plural(x.rows, 'external message')} in a day, ${formatFactor(x.rows / usual.rows!)} its usual${why}`,
          titleJa: `${sender} が 1 日で社外へ ${countJa(x.rows, '通')}を送信（通常の ${factorJa(x.rows / usual.rows!)}）${signalsJa.length ? `: ${listJa(signalsJa)}` : ''}`,
          from: first,
          to: last,
          count: x.rows,
          entities: { sender, senderDomain: sender.slice(sender.lastIndexOf('@') + 1), ip: mainIp },
          query: evidenceQuery([kqlBetween(first, last), `SenderAddress == ${kqlString(sender)}`, 'Direction == "Outbound"']),
          details: {
            observed: { rows: x.rows, offHours: x.offHours, newDomains: x.newDomains, failed: x.failed },
            usual,
            usualBasis: "per measure, the 90th percentile of the sender's previous days",
            bursting,
            recipientDomains: x.domains,
            newRecipientDomains: x.newDomains,
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
