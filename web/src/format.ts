// Number, size and time formatting exactly as UI.md says: 1,234,567; 1.5 MiB; times in the viewer's zone with its name, UTC on hover.

const COUNT = new Intl.NumberFormat('en-US');
const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 1234567 -> "1,234,567". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** Bytes in binary units with one decimal: 1536 -> "1.5 KiB". */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${COUNT.format(v)} B` : `${v.toFixed(1)} ${units[i]}`;
}

/** A value by its format. */
export function formatValue(n: number, format: 'count' | 'bytes' = 'count'): string {
  return format === 'bytes' ? formatBytes(n) : formatCount(n);
}

/** +12.3% / -4% / "new". */
export function formatChange(now: number, before: number): string | undefined {
  if (before === 0) return undefined;
  const pct = ((now - before) / before) * 100;
  return `${pct > 0 ? '+' : ''}${PERCENT.format(pct)}%`;
}

/** The viewer's IANA time zone. */
export const TIME_ZONE: string = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

// en-US names only a few zones (PST, EST); these are the ones our users expect to read.
const ZONE_NAMES: Record<string, string> = {
  'Asia/Tokyo': 'JST',
  'Asia/Seoul': 'KST',
  'Asia/Shanghai': 'CST',
  'Asia/Hong_Kong': 'HKT',
  'Asia/Singapore': 'SGT',
  'Asia/Kolkata': 'IST',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
};

/** Short name of the viewer's zone at `t` ("JST", "PST", "GMT+2"). */
export function zoneName(t: number = Date.now()): string {
  const known = ZONE_NAMES[TIME_ZONE];
  if (known) return known;
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(t).find((p) => p.type === 'timeZoneName');
  return part?.value ?? TIME_ZONE;
}

/** Minutes the viewer's zone is ahead of UTC now (Tokyo: 540). */
export function zoneOffsetMinutes(t: number = Date.now()): number {
  return -new Date(t).getTimezoneOffset();
}

const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const DATE = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const HOUR = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** "Nov 28, 2026, 14:05 JST". */
export function formatTime(t: number | string): string {
  const ms = typeof t === 'string' ? Date.parse(t) : t;
  if (Number.isNaN(ms)) return String(t);
  return `${DATE_TIME.format(ms)} ${zoneName(ms)}`;
}

const CLOCK = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hour12: false });

/** A moment near `now`: "14:05 JST" on the viewer's today, else "Nov 27, 14:05 JST". */
export function formatMoment(t: number, now: number = Date.now()): string {
  if (Number.isNaN(t)) return String(t);
  const sameDay = DATE.format(t) === DATE.format(now) && Math.abs(now - t) < 86_400_000;
  return `${sameDay ? CLOCK.format(t) : HOUR.format(t)} ${zoneName(t)}`;
}

/** The same time in UTC, for tooltips. */
export function formatUtc(t: number | string): string {
  const ms = typeof t === 'string' ? Date.parse(t) : t;
  if (Number.isNaN(ms)) return String(t);
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** An axis label for a time bucket: days as "Nov 28", hours as "Nov 28, 14:00". */
export function formatBucket(t: number | string, hourly: boolean): string {
  const ms = typeof t === 'string' ? Date.parse(t) : t;
  return hourly ? HOUR.format(ms) : DATE.format(ms);
}

/** "12 min ago": only for freshness indicators. */
export function formatAgo(t: number, now: number = Date.now()): string {
  const s = Math.round((now - t) / 1000);
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} days ago`;
}

/** A cell of a result table as text, by its KQL type. */
export function formatCell(value: unknown, type: string, bytes = false): string {
  if (value === null || value === undefined) return '';
  if (type === 'datetime' && typeof value === 'string') return formatTime(value);
  if (typeof value === 'number') return bytes ? formatBytes(value) : type === 'real' ? PERCENT.format(value) : formatCount(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
