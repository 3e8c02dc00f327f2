/** status-spike: hourly and daily counts per status against an hour-of-day / day-of-week baseline. */
import { z } from 'zod';
import { statusLabel } from '../../schema/index.js';
import { formatFactor, plural } from '../describe.js';
import type { FindingDraft, Severity } from '../finding.js';
import { evidenceQuery, kqlBetween, kqlString } from '../kql-text.js';
import { asMs, asNumber } from '../kql-values.js';
import { defineRule, type RuleContext } from '../rule.js';
import { HOUR_MS } from '../time-zone.js';
import { expectedAt, type Baseline } from './status-baseline.js';
import { countJa, factorJa } from '../describe-ja.js';

const ANY = '*';

const params = z
  .object({
    /** Statuses watched; '*' is all mail whatever its status. */
    statuses: z.array(z.string()).default(['Quarantined', 'FilteredAsSpam', 'Failed', ANY]),
    /** An hour counts as raised when it is at least this many times its usual level... */
    minFactor: z.number().min(1).default(3),
    /** ...has at least this many rows more than usual... */
    minExtra: z.number().min(0).default(25),
    /** ...and is this many robust standard deviations (MAD) above usual. */
    minZ: z.number().min(0).default(5),
    /** A rise must last this many consecutive hours (sustained, not a blip). */
    sustainHours: z.number().int().min(1).default(2),
    /** A single hour this many times its usual level (and 3 x minExtra above) also counts. */
    singleHourFactor: z.number().min(1).default(25),
    /** Daily check: a local day this many times its usual total... */
    dailyFactor: z.number().min(1).default(3),
    /** ...and this many rows above it. */
    dailyMinExtra: z.number().min(0).default(150),
    /** Days of history needed before an hour is judged. */
    minHistoryDays: z.number().int().min(1).default(5),
  })
  .strict();

type Params = z.infer<typeof params>;

export const statusSpike = defineRule({
  id: 'status-spike',
  summary: 'Hourly or daily count of a delivery status far above its usual level for that hour and weekday',
  params,
  async run(ctx, p) {
    const rows = await ctx.kql(`MessageTrace
      | where ${kqlBetween(ctx.historyFrom, ctx.to)}
      | summarize n = count() by h = bin(Received, 1h), Status`);
    const byStatus = new Map<string, Map<number, number>>();
    let firstHour = Infinity;
    const add = (s: string, h: number, n: number) => {
      let m = byStatus.get(s);
      if (!m) byStatus.set(s, (m = new Map()));
      m.set(h, (m.get(h) ?? 0) + n);
    };
    for (const [time, s, count] of rows) {
      const h = Math.floor(asMs(time) / HOUR_MS);
      const n = asNumber(count);
      add(String(s), h, n);
      add(ANY, h, n);
      if (h < firstHour) firstHour = h;
    }
    if (!Number.isFinite(firstHour)) return [];
    const out: FindingDraft[] = [];
    const specificHours = new Set<number>();
    const order = [...p.statuses].sort((a, b) => (a === ANY ? 1 : 0) - (b === ANY ? 1 : 0));
    for (const status of order) {
      const series = byStatus.get(status) ?? new Map<number, number>();
      const base: Baseline = { series, firstHour, clock: ctx.clock, minHistoryDays: p.minHistoryDays };
      const episodes = hourlyEpisodes(ctx, base, p);
      const kept = status === ANY ? episodes.filter((e) => !e.hours.some((h) => specificHours.has(h.hour))) : episodes;
      if (status !== ANY) for (const e of episodes) for (const h of e.hours) specificHours.add(h.hour);
      for (const e of kept) out.push(await describe(ctx, status, e, 'hourly', base));
      const daily = dailyRises(ctx, base, p).filter((d) => !episodes.some((e) => e.day === d.day));
      for (const d of daily)
        if (status !== ANY || !d.hours.some((h) => specificHours.has(h.hour))) out.push(await describe(ctx, status, d, 'daily', base));
    }
    return out;
  },
});

interface HourPoint {
  hour: number;
  observed: number;
  expected: number;
}

interface Episode {
  day: number;
  hours: HourPoint[];
}

/** Raised hours grouped into runs, runs of one local day merged; only sustained (or extreme) ones kept. */
function hourlyEpisodes(ctx: RuleContext, base: Baseline, p: Params): Episode[] {
  const first = Math.floor(ctx.from / HOUR_MS);
  const last = Math.floor(ctx.to / HOUR_MS);
  const runs: HourPoint[][] = [];
  let run: HourPoint[] = [];
  for (let h = first; h <= last + 1; h++) {
    const point = h <= last ? raised(base, h, p) : undefined;
    if (point) run.push(point);
    else if (run.length > 0) {
      const extreme = run.some(
        (x) => x.observed >= p.singleHourFactor * Math.max(1, x.expected) && x.observed - x.expected >= 3 * p.minExtra,
      );
      if (run.length >= p.sustainHours || extreme) runs.push(run);
      run = [];
    }
  }
  const byDay = new Map<number, Episode>();
  for (const r of runs) {
    const day = ctx.clock.day(r[0]!.hour * HOUR_MS);
    const e = byDay.get(day);
    if (e) e.hours.push(...r);
    else byDay.set(day, { day, hours: [...r] });
  }
  return [...byDay.values()];
}

function raised(base: Baseline, h: number, p: Params): HourPoint | undefined {
  const observed = base.series.get(h) ?? 0;
  if (observed < p.minExtra) return undefined;
  const b = expectedAt(base, h);
  if (!b) return undefined;
  const extra = observed - b.expected;
  if (observed >= p.minFactor * Math.max(b.expected, 1) && extra >= p.minExtra && extra >= p.minZ * b.spread)
    return { hour: h, observed, expected: b.expected };
  return undefined;
}

/** Local days whose total is far above the usual total of such a day. */
function dailyRises(ctx: RuleContext, base: Baseline, p: Params): Episode[] {
  const out: Episode[] = [];
  const firstDay = ctx.clock.day(ctx.from);
  const lastDay = ctx.clock.day(ctx.to);
  for (let day = firstDay; day <= lastDay; day++) {
    const start = Math.max(ctx.from, ctx.clock.dayStart(day));
    const end = Math.min(ctx.to, ctx.clock.dayStart(day + 1) - 1);
    const hours: HourPoint[] = [];
    let observed = 0;
    let expected = 0;
    let spread2 = 0;
    let judged = true;
    for (let h = Math.floor(start / HOUR_MS); h <= Math.floor(end / HOUR_MS); h++) {
      const b = expectedAt(base, h);
      if (!b) {
        judged = false;
        break;
      }
      const o = base.series.get(h) ?? 0;
      observed += o;
      expected += b.expected;
      spread2 += b.spread * b.spread;
      hours.push({ hour: h, observed: o, expected: b.expected });
    }
    if (!judged || hours.length < 12) continue;
    const extra = observed - expected;
    if (observed >= p.dailyFactor * Math.max(expected, 1) && extra >= p.dailyMinExtra && extra >= p.minZ * Math.sqrt(spread2))
      out.push({ day, hours });
  }
  return out;
}

/** The finding for an episode: exact time span and the senders behind it, from the store. */
async function describe(
  ctx: RuleContext,
  status: string,
  e: Episode,
  granularity: 'hourly' | 'daily',
  base: Baseline,
): Promise<FindingDraft> {
  const raisedHours = granularity === 'hourly' ? e.hours : e.hours.filter((h) => h.observed > h.expected);
  const spanFrom = Math.min(...raisedHours.map((h) => h.hour)) * HOUR_MS;
  const spanTo = (Math.max(...raisedHours.map((h) => h.hour)) + 1) * HOUR_MS - 1;
  const observed = raisedHours.reduce((s, h) => s + h.observed, 0);
  const expected = raisedHours.reduce((s, h) => s + h.expected, 0);
  const factor = observed / Math.max(expected, 1);
  const rows = [`MessageTrace`, `| where ${kqlBetween(Math.max(spanFrom, ctx.from), Math.min(spanTo, ctx.to))}`];
  if (status !== ANY) rows.push(`| where Status == ${kqlString(status)}`);
  const where = rows.join('\n');
  const top = async (column: string): Promise<Top[]> =>
    (await ctx.kql(`${where}\n| summarize n = count() by v = ${column}\n| sort by n desc, v asc\n| take 5`)).map(([v, n]) => ({
      value: String(v),
      count: asNumber(n),
    }));
  const [[totals], senders, domains, recipientDomains, directions] = await Promise.all([
    ctx.kql(`${where}\n| summarize count(), min(Received), max(Received)`),
    top('SenderAddress'),
    top('SenderDomain'),
    top('RecipientDomain'),
    top('Direction'),
  ]);
  const count = asNumber(totals?.[0]);
  const first = totals?.[1] == null ? undefined : asMs(totals[1]);
  const last = totals?.[2] == null ? undefined : asMs(totals[2]);
  const label = status === ANY ? 'Mail volume' : status;
  const severity: Severity = factor >= 10 && observed - expected >= 100 ? 'high' : factor >= 5 ? 'medium' : 'low';
  const topDomain = domains?.[0];
  const dominant = topDomain && topDomain.count >= 0.5 * count ? topDomain.value : '';
  const topSender = senders?.[0];
  const dominantSender = topSender && topSender.count >= 0.5 * count ? topSender.value : '';
  const when = granularity === 'daily' ? ` on ${ctx.clock.parts(spanFrom).date}` : '';
  const conditions = [kqlBetween(first ?? spanFrom, last ?? spanTo)];
  if (status !== ANY) conditions.push(`Status == ${kqlString(status)}`);
  return {
    rule: 'status-spike',
    severity,
    title: `${label} ${formatFactor(factor)} above its usual level${when} (${plural(observed, 'row')} in ${plural(raisedHours.length, 'hour')}, usually ~${Math.round(expected)})`,
    titleJa: `${status === ANY ? 'メール量' : statusLabel(status, 'ja')} が通常の ${factorJa(factor)}に増加${granularity === 'daily' ? `（${ctx.clock.parts(spanFrom).date}）` : ''}: ${countJa(raisedHours.length, '時間')}で ${countJa(observed, '行')}（通常は約 ${Math.round(expected)}）`,
    from: first ?? spanFrom,
    to: last ?? spanTo,
    count: Number(count),
    entities: { status: status === ANY ? '' : status, senderDomain: dominant, sender: dominantSender },
    query: evidenceQuery(conditions),
    details: {
      granularity,
      timeZone: ctx.clock.timeZone,
      observed,
      expected: Math.round(expected * 10) / 10,
      factor: Math.round(factor * 10) / 10,
      baseline:
        'median of the same local hour on the same weekday and on days of the same kind (working day or weekend) in the previous weeks',
      hours: raisedHours.map((h) => ({
        hour: new Date(h.hour * HOUR_MS).toISOString(),
        observed: h.observed,
        expected: Math.round(h.expected * 10) / 10,
      })),
      series: seriesAround(ctx, base, raisedHours),
      topSenders: senders ?? [],
      topSenderDomains: domains ?? [],
      topRecipientDomains: recipientDomains ?? [],
      directions: directions ?? [],
    },
    key: [status, String(e.day)],
  };
}

interface Top {
  value: string;
  count: number;
}

/** Hours of context drawn before and after the raised hours. */
const SERIES_BEFORE = 24;
const SERIES_AFTER = 6;

/**
 * The hourly counts around an episode against their usual level (null where history is too short): the day before
 * the first raised hour to a few hours after the last, within the detection window, for the finding's chart.
 */
function seriesAround(
  ctx: RuleContext,
  base: Baseline,
  raisedHours: readonly HourPoint[],
): { hour: string; observed: number; expected: number | null }[] {
  const first = Math.max(base.firstHour, Math.min(...raisedHours.map((h) => h.hour)) - SERIES_BEFORE);
  const last = Math.min(Math.floor(ctx.to / HOUR_MS), Math.max(...raisedHours.map((h) => h.hour)) + SERIES_AFTER);
  const out: { hour: string; observed: number; expected: number | null }[] = [];
  for (let h = first; h <= last; h++) {
    const b = expectedAt(base, h);
    out.push({
      hour: new Date(h * HOUR_MS).toISOString(),
      observed: base.series.get(h) ?? 0,
      expected: b ? Math.round(b.expected * 10) / 10 : null,
    });
  }
  return out;
}
