/** The usual level of an hourly series for one hour: same local hour, same weekday and same kind of day. */
import { mad, median } from '../robust-stats.js';
import type { LocalClock } from '../time-zone.js';

/** An hourly series (hour index = ms / 3,600,000) and what is needed to judge it. */
export interface Baseline {
  series: ReadonlyMap<number, number>;
  /** First hour with any data in the store: history before it is unknown, not zero. */
  firstHour: number;
  clock: LocalClock;
  minHistoryDays: number;
  /** Days of history looked at (default 28). */
  days?: number;
}

/** Expected count and robust spread at hour `h`, or undefined without enough history. */
export function expectedAt(b: Baseline, h: number): { expected: number; spread: number } | undefined {
  const days = b.days ?? 28;
  const here = b.clock.parts(h * 3_600_000);
  const weekend = here.weekday === 0 || here.weekday === 6;
  const sameDow: number[] = [];
  const sameKind: number[] = [];
  for (let k = 1; k <= days; k++) {
    // The same local hour k days back (DST moves it by one UTC hour at most).
    let past = h - 24 * k;
    const lp = b.clock.parts(past * 3_600_000);
    if (lp.hour !== here.hour)
      past +=
        here.hour - lp.hour > 12 ? here.hour - lp.hour - 24 : here.hour - lp.hour < -12 ? here.hour - lp.hour + 24 : here.hour - lp.hour;
    if (past < b.firstHour) break;
    const v = b.series.get(past) ?? 0;
    const pw = b.clock.parts(past * 3_600_000).weekday;
    if (k % 7 === 0) sameDow.push(v);
    if ((pw === 0 || pw === 6) === weekend) sameKind.push(v);
  }
  const historyDays = Math.floor((h - b.firstHour) / 24);
  if (historyDays < b.minHistoryDays || sameKind.length < 2) return undefined;
  const kindMedian = median(sameKind);
  const dowMedian = sameDow.length >= 2 ? median(sameDow) : sameDow.length === 1 ? sameDow[0]! : 0;
  const expected = Math.max(kindMedian, dowMedian);
  const spread = Math.max(mad(sameKind, kindMedian), sameDow.length >= 2 ? mad(sameDow, dowMedian) : 0, Math.sqrt(Math.max(expected, 1)));
  return { expected, spread };
}
