/**
 * Daily bins in the viewer's zone that stay on local midnights when the clocks change (DST): the bucket starts
 * for the chart, and the KQL that bins by local day when a fixed 24-hour step would drift by an hour. The KQL
 * is fixed steps between the changes and the 23- or 25-hour days as constants: integer arithmetic, where
 * converting every row with datetime_utc_to_local() costs 25x more on DuckDB (bench/REPORT.md).
 */
import { instantOfWallClock, wallClockOf, zoneOffsetMinutes } from '../../config/index.js';

const DAY_MS = 86_400_000;
/** More local days than this are not listed (a chart could not show them anyway). */
const MAX_STARTS = 5_000;

/** Whether the zone's offset changes anywhere in [from, to] (checked at every day, which no real zone outruns). */
export function offsetChangesWithin(zone: string, from: number, to: number): boolean {
  const first = zoneOffsetMinutes(zone, from);
  for (let t = from + DAY_MS; t < to + DAY_MS; t += DAY_MS) if (zoneOffsetMinutes(zone, Math.min(t, to)) !== first) return true;
  return false;
}

/**
 * Starts of the local days counted from `origin` (the same wall-clock time every day) that meet [from, to), the
 * first one at or before `from`; undefined when every such day is 24 hours long (no clock change in the range).
 */
export function localDayStarts(zone: string, origin: number, from: number, to: number): number[] | undefined {
  const starts = dayStarts(zone, origin, from, to);
  if (starts[starts.length - 1]! >= to) starts.pop();
  return starts.some((t, i) => i > 0 && t - starts[i - 1]! !== DAY_MS) ? starts : undefined;
}

/** Starts of the local days from `origin` that meet [from, to), and the start of the day after them. */
function dayStarts(zone: string, origin: number, from: number, to: number): number[] {
  const wallOrigin = wallClockOf(origin, zone);
  let k = Math.floor((wallClockOf(from, zone) - wallOrigin) / DAY_MS);
  const starts: number[] = [];
  for (let t = instantOfWallClock(wallOrigin + k * DAY_MS, zone); starts.length < MAX_STARTS;) {
    starts.push(t);
    if (t >= to) break;
    t = instantOfWallClock(wallOrigin + ++k * DAY_MS, zone);
  }
  return starts;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * KQL for the local day (counted from `origin`'s wall-clock time) of a datetime column, exact over [from, to]:
 * `bin_at` in 24-hour steps between the clock changes, and each day of a change (23 or 25 hours) as its start.
 */
export function localDayBinKql(column: string, zone: string, origin: number, from: number, to: number): string {
  const starts = dayStarts(zone, origin, from, to);
  const arms: string[] = [];
  let segment = starts[0]!;
  for (let i = 0; i + 1 < starts.length; i++) {
    if (starts[i + 1]! - starts[i]! === DAY_MS) continue;
    arms.push(`${column} < datetime(${iso(starts[i]!)}), bin_at(${column}, 1d, datetime(${iso(segment)}))`);
    arms.push(`${column} < datetime(${iso(starts[i + 1]!)}), datetime(${iso(starts[i]!)})`);
    segment = starts[i + 1]!;
  }
  const last = `bin_at(${column}, 1d, datetime(${iso(segment)}))`;
  return arms.length === 0 ? last : `case(${arms.join(', ')}, ${last})`;
}
