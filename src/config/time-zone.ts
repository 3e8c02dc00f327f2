/** IANA time zones for everything that shows a time: validation, offsets, local midnights, ISO text with the offset. */

/** Whether `zone` is an IANA zone this runtime knows (Asia/Tokyo, UTC, America/New_York). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone of the machine mailsift runs on (TZ, else the system's), the default of organization.timeZone. */
export function serverTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormats.set(zone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Offsets already asked for, per zone, by whole second: a dashboard asks for the same days many times over. */
const offsets = new Map<string, Map<number, number>>();
const MAX_OFFSETS = 100_000;

/** Milliseconds the zone's wall clock is ahead of UTC at the second of `ms` (Intl's answer, remembered). */
function offsetMs(ms: number, zone: string): number {
  const second = Math.floor(ms / 1000);
  let known = offsets.get(zone);
  const hit = known?.get(second);
  if (hit !== undefined) return hit;
  const p: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = new Date(0);
  wall.setUTCFullYear(p.year!, p.month! - 1, p.day!);
  wall.setUTCHours(p.hour!, p.minute!, p.second!, 0);
  const offset = wall.getTime() - second * 1000;
  if (!known || known.size >= MAX_OFFSETS) offsets.set(zone, (known = new Map()));
  known.set(second, offset);
  return offset;
}

function wallClock(ms: number, zone: string): WallClock {
  const w = new Date(Math.floor(ms / 1000) * 1000 + offsetMs(ms, zone));
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
  };
}

/** Minutes the zone is ahead of UTC at an instant (Asia/Tokyo: 540; America/New_York in winter: -300). */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  return Math.round(offsetMs(ms, zone) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "+09:00", "-05:00", "+00:00". */
export function formatOffset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** An instant as local ISO 8601 with its offset: 2026-11-26T09:00:00+09:00 (milliseconds only when there are some). */
export function formatInstant(ms: number, zone: string): string {
  const w = wallClock(ms, zone);
  const frac = ((ms % 1000) + 1000) % 1000;
  const millis = frac === 0 ? '' : `.${pad(frac, 3)}`;
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${millis}` +
    formatOffset(zoneOffsetMinutes(zone, ms))
  );
}

/** The instant a wall-clock time of the zone names (`wallMs`: that wall clock read as if UTC); DST-aware. */
export function instantOfWallClock(wallMs: number, zone: string): number {
  // The offset at the wall clock can differ from the offset at the instant (a DST change between): two steps settle it.
  let t = wallMs - zoneOffsetMinutes(zone, wallMs) * 60_000;
  t = wallMs - zoneOffsetMinutes(zone, t) * 60_000;
  return t;
}

/** The wall clock of an instant in the zone, read as if UTC (2026-11-26T09:00+09:00 -> 2026-11-26T09:00Z). */
export function wallClockOf(ms: number, zone: string): number {
  return ms + zoneOffsetMinutes(zone, ms) * 60_000;
}

/** The first instant of the local day that holds `ms` (the zone's midnight, DST-aware). */
export function startOfLocalDay(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  return instantOfWallClock(Date.UTC(w.year, w.month - 1, w.day), zone);
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The short name people use for the zone at an instant: JST, EST/EDT, CET/CEST, UTC; the offset (UTC+05:30)
 * when no locale has a name for it. English names first, then Japanese (only ja-JP calls Tokyo "JST").
 */
export function zoneName(ms: number, zone: string): string {
  for (const locale of ['en-US', 'en-GB', 'ja-JP']) {
    const key = `${locale}|${zone}`;
    let f = nameFormats.get(key);
    if (!f) nameFormats.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })));
    const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (/^[A-Z]{2,5}$/.test(name)) return name;
  }
  return `UTC${formatOffset(zoneOffsetMinutes(zone, ms))}`;
}
