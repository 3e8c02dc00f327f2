/** Local time of the tenant (hour of day, day of week, local day) for baselines, with DST handled by Intl. */
import { kqlDatetime } from './kql-text.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** One instant as the tenant sees it. */
export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  /** 0 = Sunday. */
  weekday: number;
  /** Days since 1970-01-01 of the local date. */
  day: number;
  /** Local time minus UTC, ms. */
  offsetMs: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Whether `tz` is an IANA zone this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Converts instants to local parts in one zone; caches per hour since offsets change on hour boundaries. */
export class LocalClock {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly cache = new Map<number, LocalParts>();

  constructor(readonly timeZone: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
  }

  /** Local parts of an instant (ms since the epoch). */
  parts(ms: number): LocalParts {
    // Offsets of every zone in use are multiples of 15 minutes, so a quarter-hour cache is exact.
    const q = Math.floor(ms / 900_000);
    let p = this.cache.get(q);
    if (!p) {
      p = this.compute(q * 900_000);
      this.cache.set(q, p);
    }
    return p;
  }

  /** Local minus UTC at an instant, ms. */
  offset(ms: number): number {
    return this.parts(ms).offsetMs;
  }

  /** The local day number (days since 1970-01-01 local) of an instant. */
  day(ms: number): number {
    return this.parts(ms).day;
  }

  /** The UTC instant at which local day `day` begins (first instant whose local day is `day`). */
  dayStart(day: number): number {
    let t = day * DAY_MS - this.offset(day * DAY_MS);
    // One correction step covers a DST change near midnight.
    t = day * DAY_MS - this.offset(t);
    return t;
  }

  /**
   * Offset changes in [from, to): the offset before the first change, then (at, offset) pairs. Found by
   * scanning hours, which is enough for every real zone.
   */
  segments(from: number, to: number): { first: number; changes: { at: number; offsetMs: number }[] } {
    const first = this.offset(from);
    const changes: { at: number; offsetMs: number }[] = [];
    let prev = first;
    for (let t = Math.floor(from / HOUR_MS) * HOUR_MS + HOUR_MS; t < to; t += HOUR_MS) {
      const o = this.offset(t);
      if (o !== prev) {
        // Narrow to the quarter hour of the change.
        let at = t - HOUR_MS;
        while (this.offset(at) === prev) at += 900_000;
        changes.push({ at, offsetMs: o });
        prev = o;
      }
    }
    return { first, changes };
  }

  /**
   * A KQL expression for the local date of a datetime column, exact over [from, to): the date's midnight as if
   * it were UTC (dayOf() turns it into the local day number). The offsets in force enter as timespans.
   */
  localDateKql(column: string, from: number, to: number): string {
    return `bin(${this.localTimeKql(column, from, to)}, 1d)`;
  }

  /** A KQL expression for the local wall-clock time of a datetime column as a datetime (as if UTC), exact over [from, to). */
  localTimeKql(column: string, from: number, to: number): string {
    const { first, changes } = this.segments(from, to);
    const span = (ms: number) => `${Math.round(ms / 60_000)}m`;
    if (changes.length === 0) return `(${column} + ${span(first)})`;
    const arms = changes.map((c, i) => `${column} < ${kqlDatetime(c.at)}, ${span(i === 0 ? first : changes[i - 1]!.offsetMs)}`);
    return `(${column} + case(${arms.join(', ')}, ${span(changes[changes.length - 1]!.offsetMs)}))`;
  }

  private compute(ms: number): LocalParts {
    const parts: Record<string, string> = {};
    for (const p of this.fmt.formatToParts(new Date(ms))) parts[p.type] = p.value;
    const y = Number(parts.year);
    const mo = Number(parts.month);
    const d = Number(parts.day);
    const h = Number(parts.hour);
    const mi = Number(parts.minute);
    const localAsUtc = Date.UTC(y, mo - 1, d, h, mi);
    const offsetMs = localAsUtc - Math.floor(ms / 60_000) * 60_000;
    return {
      date: `${parts.year}-${parts.month}-${parts.day}`,
      hour: h,
      weekday: WEEKDAYS[parts.weekday!] ?? 0,
      day: Math.floor(localAsUtc / DAY_MS),
      offsetMs,
    };
  }
}

/** The local day number of a local date or time as localDateKql / localTimeKql return it (ISO text or ms). */
export function dayOf(localDate: unknown): number {
  return Math.floor(toEpochMs(localDate) / DAY_MS);
}

/** ms since the epoch of a datetime as KQL results carry it (ISO text), or of a number. */
export function toEpochMs(v: unknown): number {
  return typeof v === 'number' ? v : Date.parse(String(v));
}
