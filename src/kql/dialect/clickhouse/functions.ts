/** ClickHouse spellings of the functions and clauses the KQL compiler emits. */
import type { ColumnType } from '../../../schema/index.js';
import type { DialectFunctions } from '../dialect.js';
import { escapeString } from './escape.js';

const TYPES: Readonly<Record<ColumnType, string>> = {
  datetime: "DateTime64(6, 'UTC')",
  string: 'String',
  long: 'Int64',
  int: 'Int32',
  real: 'Float64',
  bool: 'Bool',
  dynamic: 'String',
  timespan: 'IntervalMicrosecond',
};
const TRUNC_UNITS: Readonly<Record<number, string>> = { 86_400e6: 'day', 3_600e6: 'hour', 60e6: 'minute', 1e6: 'second' };
// Microseconds from 0001-01-01 to 1970-01-01: KQL bins count from the start of .NET ticks.
const TICKS_EPOCH_US = 62_135_596_800_000_000n;

export const functions: DialectFunctions = {
  sqlType: (t) => TYPES[t],
  cast: (x, t) => (x === 'NULL' ? `CAST(NULL AS Nullable(${TYPES[t]}))` : `CAST(${x} AS ${TYPES[t]})`),
  tryCast: (x, t) => `accurateCastOrNull(${x}, ${escapeString(TYPES[t])})`,
  lower: (x) => `lowerUTF8(${x})`,
  upper: (x) => `upperUTF8(${x})`,
  length: (x) => `lengthUTF8(${x})`,
  concat: (parts) => `concat(${parts.join(', ')})`,
  substring: (x, start, len) => (len === undefined ? `substringUTF8(${x}, ${start})` : `substringUTF8(${x}, ${start}, ${len})`),
  strpos: (x, needle) => `positionUTF8(${x}, ${needle})`,
  replace: (x, a, b) => `replaceAll(${x}, ${a}, ${b})`,
  regexMatches: (x, re) => `match(${x}, ${re})`,
  regexExtract: (x, re, group) => (group === 0 ? `extract(${x}, ${re})` : `extractGroups(${x}, ${re})[${group}]`),
  regexReplace: (x, re, repl) => `replaceRegexpAll(${x}, ${re}, ${repl})`,
  containsCs: (x, needle) => `(position(${x}, ${needle}) > 0)`,
  ilike: (x, pattern) => `${x} ILIKE ${pattern}`,
  startsWithCs: (x, p) => `startsWith(${x}, ${p})`,
  endsWithCs: (x, p) => `endsWith(${x}, ${p})`,
  intervalMicros: (us) => `toIntervalMicrosecond(${Math.trunc(us)})`,
  intervalToMicros: (x) => `toInt64(${x})`,
  timestampToMicros: (x) => `toUnixTimestamp64Micro(${x})`,
  microsToTimestamp: (x) => `fromUnixTimestamp64Micro(${x}, 'UTC')`,
  dateTrunc: (unit, x) => `date_trunc('${unit}', ${x})`,
  binTimestamp: (x, us) => {
    const unit = TRUNC_UNITS[us];
    if (unit) return `date_trunc('${unit}', ${x})`;
    const step = Math.trunc(us);
    return `fromUnixTimestamp64Micro(intDiv(toUnixTimestamp64Micro(${x}) + ${TICKS_EPOCH_US}, ${step}) * ${step} - ${TICKS_EPOCH_US}, 'UTC')`;
  },
  daysToInterval: (x) => `toIntervalDay(${x})`,
  dayOfWeek: (x) => `(toDayOfWeek(${x}) % 7)`,
  hour: (x) => `toHour(${x})`,
  formatDatetime: (x, format) => `formatDateTime(${x}, ${escapeString(format)})`,
  dateDiff: (part, a, b) => `dateDiff(${escapeString(part)}, ${b}, ${a})`,
  intDivide: (a, b) => `intDiv(${a}, ${b})`,
  floor: (x) => `floor(${x})`,
  jsonExtract: (x, path) => `JSON_QUERY(${x}, ${path})`,
  jsonText: (x) => `if(JSONType(${x}) = 'String', JSONExtractString(${x}), ${x})`,
  jsonArrayLength: (x) => `toInt64(JSONLength(${x}))`,
  splitToJson: (x, d, i) =>
    i === undefined
      ? `toJSONString(splitByString(${d}, ${x}))`
      : `toJSONString(arraySlice(splitByString(${d}, ${x}), ${i < 0 ? i : i + 1}, 1))`,
  unnestJson: (x, asText) => (asText ? `arrayJoin(JSONExtract(${x}, 'Array(String)'))` : `arrayJoin(JSONExtractArrayRaw(${x}))`),
  ipv4ToNumber: (x) => `toUInt32(toIPv4OrNull(${x}))`,
  count: () => 'count()',
  countIf: (p) => `countIf(${p})`,
  dcount: (x) => `uniqExact(${x})`,
  dcountIf: (x, p) => `uniqExactIf(${x}, ${p})`,
  sum: (x) => `sum(${x})`,
  sumIf: (x, p) => `sumIf(${x}, ${p})`,
  avg: (x) => `avg(${x})`,
  min: (x) => `min(${x})`,
  max: (x) => `max(${x})`,
  percentile: (x, f) => `quantileExactLow(${f})(${x})`,
  // Sorted, as the DuckDB dialect's: repeatable results.
  makeSet: (x, limit) => `toJSONString(arraySort(${limit === undefined ? 'groupUniqArray' : `groupUniqArray(${limit})`}(${x})))`,
  makeList: (x, limit) => `toJSONString(${limit === undefined ? 'groupArray' : `groupArray(${limit})`}(${x}))`,
  argMax: (x, by) => `argMax(${x}, ${by})`,
  argMin: (x, by) => `argMin(${x}, ${by})`,
  anyValue: (x) => `any(${x})`,
  semiJoin: () => 'LEFT SEMI JOIN',
  antiJoin: () => 'LEFT ANTI JOIN',
  dedupeBy: (sql, keys, alias) => `(SELECT * FROM (${sql}) AS ${alias} LIMIT 1 BY ${keys.join(', ')})`,
};
