/**
 * Daily bins in the viewer's zone that stay on local midnights when the clocks change (DST): the bucket starts
 * for the chart, and the KQL that bins by local day when a fixed 24-hour step would drift by an hour.
 */
import { instantOfWallClock, wallClockOf, zoneOffsetMinutes } from '../../config/index.js';
import { kqlString } from './filter-kql.js';

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
  const wallOrigin = wallClockOf(origin, zone);
  let k = Math.floor((wallClockOf(from, zone) - wallOrigin) / DAY_MS);
  const starts: number[] = [];
  for (let t = instantOfWallClock(wallOrigin + k * DAY_MS, zone); t < to && starts.length < MAX_STARTS;) {
    starts.push(t);
    t = instantOfWallClock(wallOrigin + ++k * DAY_MS, zone);
  }
  return starts.some((t, i) => i > 0 && t - starts[i - 1]! !== DAY_MS) ? starts : undefined;
}

/** KQL for the local day (from `origin`'s wall-clock time) of a datetime column: a UTC instant, DST-aware. */
export function localDayBinKql(column: string, zone: string, origin: number): string {
  const z = kqlString(zone);
  const wall = new Date(wallClockOf(origin, zone)).toISOString();
  return `datetime_local_to_utc(bin_at(datetime_utc_to_local(${column}, ${z}), 1d, datetime(${wall})), ${z})`;
}
