// Number, size and time formatting as UI.md says (1,234,567; 1.5 MiB; times in the viewer's zone with its name, UTC on
// hover), in the viewer's language and chosen zone: set both with configureFormat() before rendering.
import { strings } from './strings';

/** The browser's IANA time zone. */
export const BROWSER_TIME_ZONE: string = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

let locale = 'en-US';
let zone = BROWSER_TIME_ZONE;
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** Language tag (en-US, ja-JP) and IANA zone used by every formatter from now on. */
export function configureFormat(options: { locale: string; timeZone: string }): void {
  locale = options.locale;
  zone = isTimeZone(options.timeZone) ? options.timeZone : BROWSER_TIME_ZONE;
  cache.clear();
}

/** The zone times are shown in. */
export function currentTimeZone(): string {
  return zone;
}

/** Whether the browser knows `z` as an IANA zone. */
export function isTimeZone(z: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: z });
    return z.length > 0;
  } catch {
    return false;
  }
}

function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: zone, hourCycle: 'h23', ...options })));
  return f;
}

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** 1234567 -> "1,234,567". */
export function formatCount(n: number): string {
  return numberFormat('count', {}).format(n);
}

/** A decimal with at most one fraction digit. */
export function formatDecimal(n: number): string {
  return numberFormat('decimal', { maximumFractionDigits: 1 }).format(n);
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
  return i === 0
    ? `${formatCount(v)} B`
    : `${numberFormat('bytes', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)} ${units[i]}`;
}

/** A value by its format. */
export function formatValue(n: number, format: 'count' | 'bytes' = 'count'): string {
  return format === 'bytes' ? formatBytes(n) : formatCount(n);
}

/** +12.3% / -4% / "new". */
export function formatChange(now: number, before: number): string | undefined {
  if (before === 0) return undefined;
  const pct = ((now - before) / before) * 100;
  return `${pct > 0 ? '+' : ''}${formatDecimal(pct)}%`;
}

// Intl names only a few zones in short form (en: PST, EST; ja: JST); these are the ones our users expect to read.
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

/** Short name of the shown zone at `t` ("JST", "EST", "GMT+2"). */
export function zoneName(t: number = Date.now()): string {
  const known = ZONE_NAMES[zone];
  if (known) return known;
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(t)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

const toMs = (t: number | string) => (typeof t === 'string' ? Date.parse(t) : t);

/** "Nov 28, 2026, 14:05 JST" / "2026年11月28日 14:05 JST". */
export function formatTime(t: number | string): string {
  const ms = toMs(t);
  if (Number.isNaN(ms)) return String(t);
  const f = dateFormat('dateTime', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `${f.format(ms)} ${zoneName(ms)}`;
}

const dayOf = (ms: number) => dateFormat('day', { year: 'numeric', month: 'numeric', day: 'numeric' }).format(ms);

/** A moment near `now`: "14:05 JST" on the viewer's today, else "Nov 27, 14:05 JST". */
export function formatMoment(t: number, now: number = Date.now()): string {
  if (Number.isNaN(t)) return String(t);
  const sameDay = dayOf(t) === dayOf(now) && Math.abs(now - t) < 86_400_000;
  const f = sameDay
    ? dateFormat('clock', { hour: '2-digit', minute: '2-digit' })
    : dateFormat('hour', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `${f.format(t)} ${zoneName(t)}`;
}

/** The same time in UTC, for tooltips. */
export function formatUtc(t: number | string): string {
  const ms = toMs(t);
  if (Number.isNaN(ms)) return String(t);
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** An axis label for a time bucket: days as "Nov 28" / "11月28日", hours as "Nov 28, 14:00". */
export function formatBucket(t: number | string, hourly: boolean): string {
  const ms = toMs(t);
  return hourly
    ? dateFormat('hour', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms)
    : dateFormat('date', { month: 'short', day: 'numeric' }).format(ms);
}

/** "12 min ago": only for freshness indicators. */
export function formatAgo(t: number, now: number = Date.now()): string {
  const s = Math.round((now - t) / 1000);
  if (s < 60) return strings.time.secondsAgo(s);
  if (s < 3600) return strings.time.minutesAgo(Math.round(s / 60));
  if (s < 86400) return strings.time.hoursAgo(Math.round(s / 3600));
  return strings.time.daysAgo(Math.round(s / 86400));
}

/** Wall-clock text "YYYY-MM-DDTHH:mm" of an instant in the shown zone (for datetime-local inputs). */
export function toZoneInput(t: number): string {
  const p = Object.fromEntries(
    dateFormat('input', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(t)
      .map((x) => [x.type, x.value]),
  );
  // A fixed en-style order regardless of the language: parts are read by type.
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The instant whose wall-clock time in the shown zone is `text` ("YYYY-MM-DDTHH:mm"); NaN when unreadable. */
export function fromZoneInput(text: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(text);
  if (!m) return NaN;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Two steps settle the offset, also next to a DST change.
  let t = asUtc - offsetMs(asUtc);
  t = asUtc - offsetMs(t);
  return t;
}

function offsetMs(t: number): number {
  const local = toZoneInput(t);
  const asUtc = Date.parse(`${local}:00Z`);
  return asUtc - Math.floor(t / 60_000) * 60_000;
}

/** A cell of a result table as text, by its KQL type. */
export function formatCell(value: unknown, type: string, bytes = false): string {
  if (value === null || value === undefined) return '';
  if (type === 'datetime' && typeof value === 'string') return formatTime(value);
  if (typeof value === 'number') return bytes ? formatBytes(value) : type === 'real' ? formatDecimal(value) : formatCount(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
