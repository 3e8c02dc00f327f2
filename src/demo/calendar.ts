/** The demo window hour by hour in the tenant's local time: weekdays, holidays and the business rhythm. */
import { japaneseHolidays } from './holidays.js';

const HOUR_MS = 3_600_000;

/** Relative mail volume by local hour on a working day: lunch dip at 12, trickle at night. */
const WORKDAY_CURVE = [
  0.05, 0.04, 0.03, 0.03, 0.03, 0.05, 0.15, 0.45, 1.2, 1.9, 1.9, 1.7, 0.95, 1.55, 1.75, 1.75, 1.65, 1.35, 0.9, 0.6, 0.4, 0.28, 0.18, 0.1,
];
/** Relative volume by local hour on weekends and holidays (scaled to ~15% of a working day). */
const OFF_DAY_CURVE = [
  0.1, 0.08, 0.06, 0.05, 0.05, 0.06, 0.1, 0.2, 0.35, 0.5, 0.6, 0.6, 0.5, 0.55, 0.6, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3, 0.2, 0.15,
];
const WORKDAY_SUM = WORKDAY_CURVE.reduce((a, b) => a + b, 0);
const OFF_DAY_SUM = OFF_DAY_CURVE.reduce((a, b) => a + b, 0);
/** Share of a working day's business mail sent on a weekend day or holiday. */
export const OFF_DAY_SHARE = 0.13;

/** One UTC hour of the window, as the tenant sees it. */
export interface HourInfo {
  readonly index: number;
  /** Start of the hour, ms since the epoch (UTC). */
  readonly utc: number;
  /** Local time minus UTC, in ms, at this hour. */
  readonly offsetMs: number;
  readonly localDate: string;
  readonly localHour: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  readonly workday: boolean;
  /** Business volume of this hour as a fraction of an average working day's. */
  readonly share: number;
}

/** One local calendar day touched by the window. */
export interface LocalDay {
  readonly date: string;
  readonly weekday: number;
  readonly workday: boolean;
  /** Indexes of the window's hours that fall on this day. */
  readonly hours: number[];
}

/** Hour table of the window in one time zone. */
export class Calendar {
  readonly hours: HourInfo[] = [];
  readonly days: LocalDay[] = [];

  constructor(
    readonly start: number,
    readonly dayCount: number,
    readonly timeZone: string,
    private readonly holidays: boolean,
  ) {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    const holidaySets = new Map<number, Set<string>>();
    const byDate = new Map<string, LocalDay>();
    for (let i = 0; i < dayCount * 24; i++) {
      const utc = start + i * HOUR_MS;
      const parts: Record<string, string> = {};
      for (const p of fmt.formatToParts(utc)) parts[p.type] = p.value;
      const y = Number(parts.year);
      const mo = Number(parts.month);
      const d = Number(parts.day);
      const h = Number(parts.hour);
      const localDate = `${parts.year}-${parts.month}-${parts.day}`;
      const offsetMs = Date.UTC(y, mo - 1, d, h) - utc;
      const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
      let isHoliday = false;
      if (holidays) {
        let set = holidaySets.get(y);
        if (!set) holidaySets.set(y, (set = japaneseHolidays(y)));
        isHoliday = set.has(localDate);
      }
      const workday = weekday !== 0 && weekday !== 6 && !isHoliday;
      this.hours.push({ index: i, utc, offsetMs, localDate, localHour: h, weekday, workday, share: hourShare(h, weekday, workday) });
      let day = byDate.get(localDate);
      if (!day) {
        day = { date: localDate, weekday, workday, hours: [] };
        byDate.set(localDate, day);
        this.days.push(day);
      }
      day.hours.push(i);
    }
  }

  /** End of the window (exclusive). */
  get end(): number {
    return this.start + this.dayCount * 24 * HOUR_MS;
  }

  /** The hour containing instant t, or undefined outside the window. */
  hourAt(t: number): HourInfo | undefined {
    return this.hours[Math.floor((t - this.start) / HOUR_MS)];
  }

  /** UTC instant of a local wall-clock time on a local day of the window. */
  localTime(day: LocalDay, hour: number, minute = 0): number {
    const [y, m, d] = day.date.split('-').map(Number) as [number, number, number];
    const wall = Date.UTC(y, m - 1, d, hour, minute);
    const guess = wall - this.hours[day.hours[0]!]!.offsetMs;
    // Across a daylight-saving change the offset of the target hour differs from the day's first.
    const at = this.hourAt(guess);
    return at ? wall - at.offsetMs : guess;
  }

  /** Whether a local date (yyyy-mm-dd), inside the window or not, is a working day. */
  isWorkday(date: string): boolean {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return !this.holidays || !japaneseHolidays(Number(date.slice(0, 4))).has(date);
  }

  /** The next working day after a local date. */
  nextWorkday(date: string): string {
    let t = Date.parse(`${date}T00:00:00Z`);
    let next: string;
    do {
      t += 86_400_000;
      next = new Date(t).toISOString().slice(0, 10);
    } while (!this.isWorkday(next));
    return next;
  }

  /** Local days wholly inside the window. */
  fullDays(): LocalDay[] {
    return this.days.filter((d) => d.hours.length >= 24);
  }
}

function hourShare(hour: number, weekday: number, workday: boolean): number {
  if (!workday) return (OFF_DAY_CURVE[hour]! / OFF_DAY_SUM) * OFF_DAY_SHARE;
  let w = WORKDAY_CURVE[hour]!;
  // Monday morning: the weekend's backlog; Friday evening: people leave early.
  if (weekday === 1) w *= hour >= 8 && hour <= 11 ? 1.35 : 1.03;
  if (weekday === 5) w *= hour >= 16 ? 0.85 : 0.97;
  return w / WORKDAY_SUM;
}
