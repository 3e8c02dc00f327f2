/**
 * Calendar arithmetic on a datetime of the ClickHouse dialect (an Int64 of microseconds since 1970-01-01 UTC),
 * exact over Kusto's whole range (0001-01-01 to 9999-12-31). 18.16's DateTime is a UInt32 of seconds (1970 to
 * 2106) and wraps outside it, so the calendar is integer arithmetic here: days are counted from 0000-03-01 (the
 * start of the "computational" calendar, whose years end with February, so that leap days come last), the
 * civil date of a day number is Neri and Schneider's (Euclidean affine functions, 2022: a few multiplications,
 * shifts and three divisions by constants) and the day number of a civil date Hinnant's days_from_civil.
 * Every value in Kusto's range has a non-negative day number, so ClickHouse's truncating intDiv and % floor.
 * Expressions repeat their argument's text (ClickHouse computes an identical subexpression once); a long
 * argument is bound to a lambda parameter first, so that nesting does not multiply the text.
 */
import { bind } from './json-text.js';

export const DAY = 86_400_000_000;
/** Microseconds from 0000-03-01 to 1970-01-01 (719,468 days). */
const MARCH_0000 = 719_468n * BigInt(DAY);
/** Arguments longer than this are bound to a lambda parameter before their text is repeated. */
const LONG = 240;

/** `body` of `x`, `x` bound to a name first when its text is long. */
export const withValue = (x: string, body: (x: string) => string): string => (x.length > LONG ? bind(x, body) : body(x));

/** Microseconds since 0000-03-01 (non-negative over Kusto's range). */
const shifted = (x: string) => `(${x} + toInt64(${MARCH_0000}))`;
/** Days since 0000-03-01 of the datetime `x`. */
export const dayNumber = (x: string) => `intDiv(${shifted(x)}, ${DAY})`;
/** Microseconds since midnight of the datetime `x`. */
export const timeOfDay = (x: string) => `(${shifted(x)} % toInt64(${DAY}))`;
/** The datetime (microseconds since 1970) of midnight of the day number `days`. */
export const atDay = (days: string) => `(toInt64(${days}) * ${DAY} - toInt64(${MARCH_0000}))`;

/** Year, month (1-12) and day (1-31) of a day number (days since 0000-03-01), in SQL. */
export interface CivilDate {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  /** Day of the computational year (0 = March 1st; January 1st is 306). */
  readonly marchDay: string;
  /** The computational year (starting on March 1st): the civil year, one less in January and February. */
  readonly marchYear: string;
}

/** The civil date of the day number `z` (Neri-Schneider, for z >= 0). */
export function civilOfDays(z: string): CivilDate {
  const n1 = `(4 * ${z} + 3)`;
  const century = `intDiv(${n1}, 146097)`;
  // 4 * (day of the century) + 3, then its year and day of the year by one multiplication.
  const p2 = `(2939745 * (4 * intDiv(${n1} % 146097, 4) + 3))`;
  const marchYear = `(100 * ${century} + bitShiftRight(${p2}, 32))`;
  const marchDay = `intDiv(bitAnd(${p2}, 4294967295), 11758980)`;
  const n3 = `(2141 * ${marchDay} + 197913)`;
  const january = `(${marchDay} >= 306)`;
  return {
    year: `(${marchYear} + ${january})`,
    month: `(bitShiftRight(${n3}, 16) - 12 * ${january})`,
    day: `(intDiv(bitAnd(${n3}, 65535), 2141) + 1)`,
    marchDay,
    marchYear,
  };
}

/** The civil date of the datetime `x`. */
export const civil = (x: string): CivilDate => civilOfDays(dayNumber(x));

/** Whether `y` is a leap year (1 or 0). */
export const isLeap = (y: string) => `((${y} % 4 = 0) AND ((${y} % 100 != 0) OR (${y} % 400 = 0)))`;

/**
 * The day number (days since 0000-03-01) of the start of month `m` (0 = March, 11 = February) of the
 * computational year `y` (Hinnant's days_from_civil, the leap days of whole centuries counted as Neri-Schneider).
 */
const marchMonthStart = (y: string, m: string) =>
  `(intDiv(1461 * ${y}, 4) - intDiv(${y}, 100) + intDiv(${y}, 400) + intDiv(153 * ${m} + 2, 5))`;

/** The day number of the civil date y-m-d (month 1-12; a day past the month's end runs into the next). */
export function daysOfCivil(y: string, m: string, d: string): string {
  // Months counted from March of year 0: January and February belong to the year before.
  return withValue(`(toInt64(${y}) * 12 + toInt64(${m}) - 3)`, (months) => daysOfMonthIndex(months, d));
}

/** The day number of day `d` of the month `months` months after March of year 0. */
export const daysOfMonthIndex = (months: string, d: string) =>
  `(${marchMonthStart(`intDiv(${months}, 12)`, `(${months} % 12)`)} + toInt64(${d}) - 1)`;

/** Days in the month `months` months after March of year 0. */
export const monthLength = (months: string) =>
  `(${marchMonthStart(`intDiv(${months} + 1, 12)`, `((${months} + 1) % 12)`)} - ${marchMonthStart(`intDiv(${months}, 12)`, `(${months} % 12)`)})`;

/** Day of the week of the datetime `x`, 0 = Sunday (0000-03-01 was a Wednesday). */
export const dayOfWeek = (x: string) => `((${dayNumber(x)} + 3) % 7)`;

/** Day of the year (1-366) of the civil date `c`. */
export const dayOfYear = (c: CivilDate) =>
  `(${c.marchDay} + 60 + (${c.marchDay} < 306) * ${isLeap(c.marchYear)} - 365 * (${c.marchDay} >= 306))`;

/** ISO 8601 week number (1-53) of the datetime `x`: the week of its Thursday, counted in that Thursday's year. */
export function isoWeek(x: string): string {
  return withValue(dayNumber(x), (z) => {
    // Monday-based weekday 0-6 of day number z is (z + 2) % 7.
    const thursday = `(${z} - (${z} + 2) % 7 + 3)`;
    return withValue(thursday, (t) => {
      const c = civilOfDays(t);
      return `(intDiv(${t} - ${daysOfCivil(c.year, '1', '1')}, 7) + 1)`;
    });
  });
}

/** The datetime of the start of the month of the datetime `x`. */
export const startOfMonth = (x: string) => withValue(x, (v) => atDay(`(${dayNumber(v)} - ${civil(v).day} + 1)`));

/** The datetime of January 1st of the year of the datetime `x`, moved by `years` years. */
export const startOfYear = (x: string, years = '0') => withValue(x, (v) => atDay(daysOfCivil(`(${civil(v).year} + ${years})`, '1', '1')));

/** The datetime of the start of the month `months` months after that of the datetime `x`. */
export const startOfMonthPlus = (x: string, months: string) =>
  withValue(x, (v) => {
    const c = civil(v);
    return atDay(daysOfCivil(c.year, `(${c.month} + toInt64(${months}))`, '1'));
  });

/**
 * The datetime `x` moved by `n` calendar months, its time of day kept and its day clamped to the new month's
 * last (as .NET's AddMonths, which Kusto's datetime_add is).
 */
export function addMonths(x: string, n: string): string {
  return withValue(x, (v) => {
    const c = civil(v);
    const months = `(toInt64(${c.year}) * 12 + ${c.month} - 3 + toInt64(${n}))`;
    return bind(months, (m) => `(${atDay(daysOfMonthIndex(m, `least(${c.day}, ${monthLength(m)})`))} + ${timeOfDay(v)})`);
  });
}

/** Hour (0-23), minute, second and microsecond (0-999999) of the datetime `x`. */
export function clock(x: string): { hour: string; minute: string; second: string; micros: string } {
  const tod = timeOfDay(x);
  return {
    hour: `intDiv(${tod}, 3600000000)`,
    minute: `intDiv(${tod} % toInt64(3600000000), 60000000)`,
    second: `intDiv(${tod} % 60000000, 1000000)`,
    micros: `(${tod} % 1000000)`,
  };
}

/** Calendar periods counted from year 0 to the datetime `x`: years, quarters or months (datetime_diff's). */
export function periodNumber(part: string, x: string): string {
  return withValue(x, (v) => {
    const c = civil(v);
    if (part === 'month') return `(${c.year} * 12 + ${c.month})`;
    if (part === 'quarter') return `(${c.year} * 4 + intDiv(${c.month} - 1, 3))`;
    return c.year;
  });
}
