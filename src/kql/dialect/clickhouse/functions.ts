/**
 * ClickHouse spellings of the functions and clauses the KQL compiler emits, in the subset that ClickHouse 18.16
 * (Debian's package) and current releases both run: no DateTime64, so a datetime is an Int64 of microseconds
 * since the epoch (UTC) and a timespan an Int64 of microseconds; times are integer arithmetic, exactly.
 */
import type { ColumnType } from '../../../schema/index.js';
import type { DialectFunctions } from '../dialect.js';
import { escapeString } from './escape.js';

const TYPES: Readonly<Record<ColumnType, string>> = {
  datetime: 'Int64',
  string: 'String',
  long: 'Int64',
  int: 'Int32',
  real: 'Float64',
  bool: 'UInt8',
  dynamic: 'String',
  timespan: 'Int64',
};
const DAY_US = 86_400_000_000;
// Microseconds from 0001-01-01 to 1970-01-01: KQL bins count from the start of .NET ticks.
const TICKS_EPOCH_US = 62_135_596_800_000_000n;
const UNIT_US: Readonly<Record<string, number>> = { day: DAY_US, hour: 3_600e6, minute: 60e6, second: 1e6 };
const IPV4 = escapeString('^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$');

/** The non-negative remainder of x / m (ClickHouse's % keeps the dividend's sign). */
const floorMod = (x: string, m: number | string) => `((${x} % ${m} + ${m}) % ${m})`;
/** A DateTime (whole seconds, UTC) of a microsecond count, for the calendar functions. */
export const toSeconds = (x: string) => `toDateTime(intDiv(${x}, 1000000), 'UTC')`;
/** Microseconds of a Date or DateTime made by the calendar functions. */
const fromCalendar = (x: string) => `(toInt64(toUnixTimestamp(toDateTime(${x}, 'UTC'))) * 1000000)`;

/** The JSON text of a scalar (string values quoted and escaped as JSON; numbers as they print). */
const jsonScalar = (v: string) =>
  `if(toTypeName(${v}) IN ('String', 'Nullable(String)'), concat('"', replaceAll(replaceAll(replaceAll(replaceAll(toString(${v}), '\\\\', '\\\\\\\\'), '"', '\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '"'), toString(${v}))`;
/** A JSON array text of an array expression. */
const jsonArray = (arr: string) => `concat('[', arrayStringConcat(arrayMap(v -> ${jsonScalar('v')}, ${arr}), ','), ']')`;

export const functions: DialectFunctions = {
  sqlType: (t) => TYPES[t],
  cast: (x, t) => (x === 'NULL' ? `CAST(NULL AS Nullable(${TYPES[t]}))` : `CAST(${x} AS ${TYPES[t]})`),
  tryCast: (x, t) => {
    if (t === 'string' || t === 'dynamic') return `toString(${x})`;
    if (t === 'long' || t === 'timespan') return `toInt64OrNull(toString(${x}))`;
    if (t === 'int') return `toInt32OrNull(toString(${x}))`;
    if (t === 'real') return `toFloat64OrNull(toString(${x}))`;
    if (t === 'bool') return `multiIf(lower(toString(${x})) IN ('true', '1'), 1, lower(toString(${x})) IN ('false', '0'), 0, NULL)`;
    // datetime: ISO text read to whole seconds plus the fraction's digits.
    const text = `toString(${x})`;
    const secs = `toInt64(toUnixTimestamp(parseDateTimeBestEffortOrNull(${text})))`;
    const frac = `toInt64OrZero(substring(concat(extract(${text}, '[.,]([0-9]{1,6})'), '000000'), 1, 6))`;
    return `(${secs} * 1000000 + ${frac})`;
  },
  lower: (x) => `lowerUTF8(${x})`,
  upper: (x) => `upperUTF8(${x})`,
  length: (x) => `lengthUTF8(${x})`,
  concat: (parts) => (parts.length === 1 ? `concat(${parts[0]}, '')` : `concat(${parts.join(', ')})`),
  substring: (x, start, len) => (len === undefined ? `substringUTF8(${x}, ${start})` : `substringUTF8(${x}, ${start}, ${len})`),
  strpos: (x, needle) => `positionUTF8(${x}, ${needle})`,
  replace: (x, a, b) => `replaceAll(${x}, ${a}, ${b})`,
  regexMatches: (x, re) => `match(${x}, ${re})`,
  // 18.16 has no extractGroups: the group is what replaceRegexpOne leaves of the whole string.
  regexExtract: (x, re, group) =>
    `if(match(${x}, ${re}), replaceRegexpOne(${x}, concat('(?s)^.*?(?:', ${re}, ').*$'), '\\\\${group}'), '')`,
  regexReplace: (x, re, repl) => `replaceRegexpAll(${x}, ${re}, ${repl})`,
  containsCs: (x, needle) => `(position(${x}, ${needle}) > 0)`,
  // No ILIKE in 18.16.
  ilike: (x, pattern) => `(lowerUTF8(${x}) LIKE lowerUTF8(${pattern}))`,
  startsWithCs: (x, p) => `startsWith(${x}, ${p})`,
  endsWithCs: (x, p) => `endsWith(${x}, ${p})`,
  intervalMicros: (us) => `toInt64(${Math.trunc(us)})`,
  intervalToMicros: (x) => x,
  timestampToMicros: (x) => x,
  microsToTimestamp: (x) => x,
  dateTrunc: (unit, x) => {
    if (unit === 'month') return fromCalendar(`toStartOfMonth(${toSeconds(x)})`);
    if (unit === 'year') return fromCalendar(`toStartOfYear(${toSeconds(x)})`);
    return `(${x} - ${floorMod(x, UNIT_US[unit]!)})`;
  },
  binTimestamp: (x, us) => {
    const step = Math.trunc(us);
    const offset = Number(TICKS_EPOCH_US % BigInt(step));
    return offset === 0 ? `(${x} - ${floorMod(x, step)})` : `(${x} - ${floorMod(`(${x} + ${offset})`, step)})`;
  },
  daysToInterval: (x) => `(toInt64(${x}) * ${DAY_US})`,
  dayOfWeek: (x) => `(toDayOfWeek(${toSeconds(x)}) % 7)`,
  hour: (x) => `toHour(${toSeconds(x)})`,
  formatDatetime: (x, format) => {
    // formatDateTime knows whole seconds only: the fraction (%f micro, %g milli) is spliced in as digits.
    const parts = format.split(/(%f|%g)/);
    const pieces = parts
      .filter((p) => p !== '')
      .map((p) =>
        p === '%f'
          ? `substring(toString(1000000 + ${floorMod(x, 1000000)}), 2, 6)`
          : p === '%g'
            ? `substring(toString(1000 + intDiv(${floorMod(x, 1000000)}, 1000)), 2, 3)`
            : `formatDateTime(${toSeconds(x)}, ${escapeString(p.replace(/%-([mdHIMS])/g, '%$1'))})`,
      );
    return pieces.length === 1 ? pieces[0]! : `concat(${pieces.join(', ')})`;
  },
  dateDiff: (part, a, b) => {
    const unit = UNIT_US[part];
    if (unit !== undefined) return `(intDiv(${a} - ${floorMod(a, unit)}, ${unit}) - intDiv(${b} - ${floorMod(b, unit)}, ${unit}))`;
    return `dateDiff(${escapeString(part)}, ${toSeconds(b)}, ${toSeconds(a)})`;
  },
  intDivide: (a, b) => `intDiv(${a}, ${b})`,
  floor: (x) => `floor(${x})`,
  // 18.16 reads JSON only through visitParam*: a top-level key path ('$.name') is all it can follow.
  jsonExtract: (x, path) => `visitParamExtractRaw(${x}, replaceRegexpOne(${path}, '^[$][.]', ''))`,
  jsonText: (x) => `if(startsWith(${x}, '"'), visitParamExtractString(concat('{"v":', ${x}, '}'), 'v'), ${x})`,
  jsonArrayLength: (x) => `toInt64(length(JSONExtractArrayRaw(${x})))`,
  splitToJson: (x, d) => jsonArray(`splitByString(${d}, ${x})`),
  unnestJson: (x, asText) =>
    asText
      ? `arrayJoin(arrayMap(v -> visitParamExtractString(concat('{"v":', v, '}'), 'v'), JSONExtractArrayRaw(${x})))`
      : `arrayJoin(JSONExtractArrayRaw(${x}))`,
  ipv4ToNumber: (x) => `if(match(${x}, ${IPV4}), toInt64(IPv4StringToNum(${x})), NULL)`,
  count: () => 'count()',
  countIf: (p) => `countIf(${p})`,
  dcount: (x) => `uniqExact(${x})`,
  dcountIf: (x, p) => `uniqExactIf(${x}, ${p})`,
  sum: (x) => `sum(${x})`,
  sumIf: (x, p) => `sumIf(${x}, ${p})`,
  avg: (x) => `avg(${x})`,
  min: (x) => `min(${x})`,
  max: (x) => `max(${x})`,
  // The lower of two middle values, as DuckDB's quantile_disc: the element at index floor((n - 1) * f) once sorted.
  percentile: (x, f) => `arrayElement(arraySort(groupArray(${x})), toUInt64(floor((count(${x}) - 1) * ${f})) + 1)`,
  // Sorted, as the DuckDB dialect's: repeatable results.
  makeSet: (x, limit) => jsonArray(`arraySort(${limit === undefined ? 'groupUniqArray' : `groupUniqArray(${limit})`}(${x}))`),
  makeList: (x, limit) => jsonArray(`${limit === undefined ? 'groupArray' : `groupArray(${limit})`}(${x})`),
  argMax: (x, by) => `argMax(${x}, ${by})`,
  argMin: (x, by) => `argMin(${x}, ${by})`,
  anyValue: (x) => `any(${x})`,
  semiJoin: () => 'ANY INNER JOIN',
  antiJoin: () => 'LEFT ANTI JOIN',
  dedupeBy: (sql, keys, alias) => `(SELECT * FROM (${sql}) AS ${alias} LIMIT 1 BY ${keys.join(', ')})`,
};
