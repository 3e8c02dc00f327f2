/**
 * ClickHouse SQL of the simple KQL datetime functions. A datetime is an Int64 of microseconds since the epoch
 * (UTC): calendar parts read it as a DateTime of its whole seconds, sub-second parts and fixed-length steps are
 * integer arithmetic on the microseconds, calendar steps (months, years) go through addMonths/addYears.
 */
import type { SimpleFunctions } from '../simple-functions.js';
import { floorMod, fromCalendar, toSeconds } from './functions.js';

const SECOND = 1_000_000;
const DAY = 86_400 * SECOND;
/** Fixed-length units in microseconds. */
const STEP: Readonly<Record<string, number>> = {
  week: 7 * DAY,
  day: DAY,
  hour: 3_600 * SECOND,
  minute: 60 * SECOND,
  second: SECOND,
  millisecond: 1_000,
  microsecond: 1,
};
/** Calendar parts of the DateTime `s`, fraction parts of the microseconds `x`. */
const PARTS: Readonly<Record<string, (s: string, x: string) => string>> = {
  year: (s) => `toYear(${s})`,
  quarter: (s) => `toQuarter(${s})`,
  month: (s) => `toMonth(${s})`,
  weekofyear: (s) => `toISOWeek(${s})`,
  week_of_year: (s) => `toISOWeek(${s})`,
  day: (s) => `toDayOfMonth(${s})`,
  dayofyear: (s) => `toDayOfYear(${s})`,
  hour: (s) => `toHour(${s})`,
  minute: (s) => `toMinute(${s})`,
  second: (s) => `toSecond(${s})`,
  millisecond: (_, x) => `intDiv(${floorMod(x, SECOND)}, 1000)`,
  microsecond: (_, x) => floorMod(x, SECOND),
  nanosecond: (_, x) => `(${floorMod(x, SECOND)} * 1000)`,
};
const part = (x: string, name: string) => `toInt32(${(PARTS[name] ?? PARTS.year!)(toSeconds(x), x)})`;
const unit = (v: unknown) => String(v).toLowerCase();
/** `x` moved by `n` calendar months, its time of day and fraction kept (the day clamped to the month's end, as Kusto does). */
const addMonths = (x: string, n: string) => `(${fromCalendar(`addMonths(${toSeconds(x)}, toInt64(${n}))`)} + ${floorMod(x, SECOND)})`;
/** Two digits of a number. */
const two = (n: string) => `substring(toString(100 + toInt64(${n})), 2, 2)`;
/** The last microsecond of the period of `unit` that starts at `start(n)` periods after `x`'s. */
const endOf = (start: (n: string) => string, k?: string) => `(${start(k === undefined ? '1' : `(toInt64(${k}) + 1)`)} - 1)`;

export const timeSimpleFunctions: SimpleFunctions = {
  datetime_add: ([p, n, d]) => {
    const u = unit(p!.value);
    if (u === 'year') return addMonths(d!.sql, `12 * (${n!.sql})`);
    if (u === 'quarter') return addMonths(d!.sql, `3 * (${n!.sql})`);
    if (u === 'month') return addMonths(d!.sql, n!.sql);
    if (u === 'nanosecond') return `(${d!.sql} + intDiv(toInt64(${n!.sql}), 1000))`;
    return `(${d!.sql} + toInt64(${n!.sql}) * ${STEP[u] ?? DAY})`;
  },
  datetime_part: ([p, d]) => part(d!.sql, unit(p!.value)),
  make_datetime: ([y, m, d, h, mi, s, frac]) => {
    const date = `toDate(concat(toString(toInt64(${y!.sql})), '-', ${two(m!.sql)}, '-', ${two(d!.sql)}))`;
    const seconds = `((toInt64(${h?.sql ?? 0}) * 60 + toInt64(${mi?.sql ?? 0})) * 60 + (${s?.sql ?? 0}))`;
    const fraction = frac ? ` + (${frac.sql}) / 1e7` : '';
    return `(${fromCalendar(date)} + toInt64(round((${seconds}${fraction}) * ${SECOND})))`;
  },
  unixtime_seconds_todatetime: ([a]) => `toInt64(round((${a!.sql}) * 1e6))`,
  unixtime_milliseconds_todatetime: ([a]) => `toInt64(round((${a!.sql}) * 1e3))`,
  unixtime_microseconds_todatetime: ([a]) => `toInt64(${a!.sql})`,
  unixtime_nanoseconds_todatetime: ([a]) => `intDiv(toInt64(${a!.sql}), 1000)`,
  dayofmonth: ([a]) => part(a!.sql, 'day'),
  dayofyear: ([a]) => part(a!.sql, 'dayofyear'),
  getmonth: ([a]) => part(a!.sql, 'month'),
  monthofyear: ([a]) => part(a!.sql, 'month'),
  getyear: ([a]) => part(a!.sql, 'year'),
  week_of_year: ([a]) => part(a!.sql, 'week_of_year'),
  endofday: ([d, k]) => endOf((n) => `(${d!.sql} - ${floorMod(d!.sql, DAY)} + ${n} * ${DAY})`, k?.sql),
  endofweek: ([d, k]) =>
    endOf(
      (n) => `(${d!.sql} - ${floorMod(d!.sql, DAY)} - toInt64(toDayOfWeek(${toSeconds(d!.sql)}) % 7) * ${DAY} + ${n} * ${7 * DAY})`,
      k?.sql,
    ),
  endofmonth: ([d, k]) => endOf((n) => fromCalendar(`addMonths(toStartOfMonth(${toSeconds(d!.sql)}), toInt64(${n}))`), k?.sql),
  endofyear: ([d, k]) => endOf((n) => fromCalendar(`addYears(toStartOfYear(${toSeconds(d!.sql)}), toInt64(${n}))`), k?.sql),
};
