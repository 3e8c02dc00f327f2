/** Per internal sender and local day: outbound mail, bytes, recipient domains, failures and off-hours share (store.detect.senderDays). */
import type { SenderDayRow } from '../../store/index.js';
import type { RuleContext } from '../rule.js';
import { kqlBetween } from '../kql-text.js';
import { asMs } from '../kql-values.js';

/** One sender's outbound mail on one local day (newDomains: recipient domains not written to before in the history). */
export type SenderDay = SenderDayRow;

/** Outbound mail per sender and local day over the history and window (shared by the rules of a run). */
export function senderDays(
  ctx: RuleContext,
  partners: readonly string[],
  businessHours: readonly [number, number],
): Promise<Map<string, Map<number, SenderDay>>> {
  return ctx.shared(`sender-days:${businessHours.join('-')}`, async () => {
    const rows = await ctx.store.detect.senderDays({
      from: ctx.historyFrom,
      to: ctx.to,
      offsets: ctx.clock.segments(ctx.historyFrom, ctx.to + 1),
      partners,
      businessHours,
    });
    const out = new Map<string, Map<number, SenderDay>>();
    for (const r of rows) {
      let m = out.get(r.sender);
      if (!m) out.set(r.sender, (m = new Map()));
      m.set(r.day, r);
    }
    return out;
  });
}

/** First local day with any mail in the store's history (baselines start there). */
export function firstDataDay(ctx: RuleContext): Promise<number | undefined> {
  return ctx.shared('first-data-day', async () => {
    const [row] = await ctx.kql(`MessageTrace | where ${kqlBetween(ctx.historyFrom, ctx.to)} | summarize min(Received)`);
    const v = row?.[0];
    return v == null ? undefined : ctx.clock.day(asMs(v));
  });
}

/** The prior days' values of one sender (zeros for days without mail), from the first data day on. */
export function priorValues(
  days: ReadonlyMap<number, SenderDay>,
  day: number,
  firstDay: number,
  count: number,
  pick: (d: SenderDay) => number,
): number[] {
  const out: number[] = [];
  for (let k = 1; k <= count && day - k >= firstDay; k++) {
    const d = days.get(day - k);
    out.push(d ? pick(d) : 0);
  }
  return out;
}

/** The q-quantile (0..1) of values, 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** Days of a sender's history a finding's chart draws before its day. */
const SERIES_DAYS = 14;

/** One local day of a finding's chart: when it starts, its value, and the usual value the day was judged by. */
export interface DayPoint {
  day: string;
  observed: number;
  expected: number | null;
}

/**
 * A sender's value per local day, up to 14 days before `day` (not before the data starts) and `day` itself, each
 * with `usual` (null when the day was not judged against a baseline): the series of a finding's chart.
 */
export function dailySeries(
  ctx: RuleContext,
  days: ReadonlyMap<number, SenderDay>,
  day: number,
  firstDay: number,
  pick: (d: SenderDay) => number,
  usual: number | null,
): DayPoint[] {
  const out: DayPoint[] = [];
  const expected = usual === null ? null : Math.round(usual * 10) / 10;
  for (let d = Math.max(firstDay, day - SERIES_DAYS); d <= day; d++) {
    const x = days.get(d);
    out.push({ day: new Date(ctx.clock.dayStart(d)).toISOString(), observed: x ? pick(x) : 0, expected });
  }
  return out;
}
