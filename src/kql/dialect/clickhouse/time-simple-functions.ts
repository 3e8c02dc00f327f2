/**
 * ClickHouse SQL of the simple KQL datetime functions. A datetime is an Int64 of microseconds since the epoch
 * (UTC): fixed-length steps and clock parts are integer arithmetic on the microseconds, calendar parts and steps
 * (months, years) the integer calendar of calendar.ts, exact from year 1 to 9999 (18.16's DateTime wraps
 * outside 1970-2106).
 */
import type { SimpleFunctions } from '../simple-functions.js';
import {
  DAY,
  addMonths,
  atDay,
  civil,
  clock,
  dayOfWeek,
  dayOfYear,
  daysOfCivil,
  isoWeek,
  startOfMonthPlus,
  startOfYear,
  withValue,
} from './calendar.js';
import { floorMod } from './functions.js';

const SECOND = 1_000_000;
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
/** Parts of the datetime `x`. */
const PARTS: Readonly<Record<string, (x: string) => string>> = {
  year: (x) => civil(x).year,
  quarter: (x) => `(intDiv(${civil(x).month} - 1, 3) + 1)`,
  month: (x) => civil(x).month,
  weekofyear: (x) => isoWeek(x),
  week_of_year: (x) => isoWeek(x),
  day: (x) => civil(x).day,
  dayofyear: (x) => dayOfYear(civil(x)),
  hour: (x) => clock(x).hour,
  minute: (x) => clock(x).minute,
  second: (x) => clock(x).second,
  millisecond: (x) => `intDiv(${clock(x).micros}, 1000)`,
  microsecond: (x) => clock(x).micros,
  nanosecond: (x) => `(${clock(x).micros} * 1000)`,
};
const part = (x: string, name: string) => `toInt32(${withValue(x, PARTS[name] ?? PARTS.year!)})`;
const unit = (v: unknown) => String(v).toLowerCase();
/** The last microsecond of the period that starts at `start(n)`, `n` periods after `x`'s. */
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
    const seconds = `((toInt64(${h?.sql ?? 0}) * 60 + toInt64(${mi?.sql ?? 0})) * 60 + (${s?.sql ?? 0}))`;
    const fraction = frac ? ` + (${frac.sql}) / 1e7` : '';
    return `(${atDay(daysOfCivil(y!.sql, m!.sql, d!.sql))} + toInt64(round((${seconds}${fraction}) * ${SECOND})))`;
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
  endofweek: ([d, k]) => endOf((n) => `(${d!.sql} - ${floorMod(d!.sql, DAY)} - ${dayOfWeek(d!.sql)} * ${DAY} + ${n} * ${7 * DAY})`, k?.sql),
  endofmonth: ([d, k]) => endOf((n) => startOfMonthPlus(d!.sql, n), k?.sql),
  endofyear: ([d, k]) => endOf((n) => startOfYear(d!.sql, n), k?.sql),
};
