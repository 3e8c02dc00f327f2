/**
 * Daily bins in the viewer's zone that stay on local midnights when the clocks change (DST), and hourly bins that
 * stay on the local hour when a change moves it against UTC (Lord Howe's 30-minute DST: +10:30 to +11:00): the
 * bucket starts for the chart, and the KQL that bins by local day or hour when a fixed step would drift. The KQL
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

const HOUR_MS = 3_600_000;
/** Every UTC offset in use is a whole number of quarter hours (Kathmandu +05:45, Chatham +12:45). */
const QUARTER_MS = 900_000;

/** Instants in [from - 1 hour, to + 1 hour] where the zone's clock shows a whole hour, and the one after them. */
function hourStarts(zone: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let t = Math.floor((from - HOUR_MS) / QUARTER_MS) * QUARTER_MS; starts.length < MAX_STARTS; t += QUARTER_MS) {
    if (wallClockOf(t, zone) % HOUR_MS !== 0) continue;
    if (t <= from) starts.length = 0;
    starts.push(t);
    if (t >= to) break;
  }
  return starts;
}

/**
 * Starts of the local hours that meet [from, to), the first one at or before `from`; undefined when they are all
 * an hour apart (no change in the range, or one by whole hours: Adelaide's DST keeps its hours on UTC's :30).
 */
export function localHourStarts(zone: string, from: number, to: number): number[] | undefined {
  if (!offsetChangesWithin(zone, from, to)) return undefined;
  const starts = hourStarts(zone, from, to);
  if (starts[starts.length - 1]! >= to) starts.pop();
  return starts.some((t, i) => i > 0 && t - starts[i - 1]! !== HOUR_MS) ? starts : undefined;
}

/** KQL for the local hour of a datetime column over [from, to], exact across a change of the hour's phase. */
export function localHourBinKql(column: string, zone: string, from: number, to: number): string {
  return binKql(column, hourStarts(zone, from, to), HOUR_MS, '1h');
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * KQL for the local day (counted from `origin`'s wall-clock time) of a datetime column, exact over [from, to]:
 * `bin_at` in 24-hour steps between the clock changes, and each day of a change (23 or 25 hours) as its start.
 */
export function localDayBinKql(column: string, zone: string, origin: number, from: number, to: number): string {
  return binKql(column, dayStarts(zone, origin, from, to), DAY_MS, '1d');
}

/** `bin_at` in steps of `stepMs` between the starts that are a step apart, and each other bucket as its start. */
function binKql(column: string, starts: readonly number[], stepMs: number, step: string): string {
  const arms: string[] = [];
  let segment = starts[0]!;
  for (let i = 0; i + 1 < starts.length; i++) {
    if (starts[i + 1]! - starts[i]! === stepMs) continue;
    arms.push(`${column} < datetime(${iso(starts[i]!)}), bin_at(${column}, ${step}, datetime(${iso(segment)}))`);
    arms.push(`${column} < datetime(${iso(starts[i + 1]!)}), datetime(${iso(starts[i]!)})`);
    segment = starts[i + 1]!;
  }
  const last = `bin_at(${column}, ${step}, datetime(${iso(segment)}))`;
  return arms.length === 0 ? last : `case(${arms.join(', ')}, ${last})`;
}
