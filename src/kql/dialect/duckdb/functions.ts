/** DuckDB spellings of the functions and clauses the KQL compiler emits. */
import type { ColumnType } from '../../../schema/index.js';
import type { DialectFunctions } from '../dialect.js';
import { escapeString } from './escape.js';
import { expandElements } from './list-functions.js';

const TYPES: Readonly<Record<ColumnType, string>> = {
  datetime: 'TIMESTAMP',
  string: 'VARCHAR',
  long: 'BIGINT',
  int: 'INTEGER',
  real: 'DOUBLE',
  bool: 'BOOLEAN',
  dynamic: 'JSON',
  timespan: 'INTERVAL',
};
const TRUNC_UNITS: Readonly<Record<number, string>> = { 86_400e6: 'day', 3_600e6: 'hour', 60e6: 'minute', 1e6: 'second' };
const IPV4 = escapeString('^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$');

/** A timespan of KQL's text ([-][d.]hh:mm:ss[.fffffff]); other text as DuckDB reads intervals ('1 day'), else NULL. */
function timespanFromText(t: string): string {
  const part = (re: string) => `coalesce(TRY_CAST(nullif(regexp_extract(${t}, '${re}', 1), '') AS BIGINT), 0)`;
  const frac = `coalesce(TRY_CAST(nullif(rpad(left(regexp_extract(${t}, ':[0-9]{2}:[0-9]{2}[.]([0-9]+)$', 1), 6), 6, '0'), '000000') AS BIGINT), 0)`;
  const abs = `(${part('^-?([0-9]+)[.][0-9]{1,2}:')} * 86400000000 + ${part('([0-9]{1,2}):[0-9]{2}:[0-9]{2}')} * 3600000000 + ${part(':([0-9]{2}):[0-9]{2}')} * 60000000 + ${part(':[0-9]{2}:([0-9]{2})')} * 1000000 + ${frac})`;
  return `CASE WHEN regexp_matches(${t}, '^-?([0-9]+[.])?[0-9]{1,2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?$') THEN to_microseconds(CASE WHEN starts_with(${t}, '-') THEN -${abs} ELSE ${abs} END) ELSE TRY_CAST(${t} AS INTERVAL) END`;
}

export const functions: DialectFunctions = {
  sqlType: (t) => TYPES[t],
  cast: (x, t) => `CAST(${x} AS ${TYPES[t]})`,
  tryCast: (x, t) => (t === 'timespan' ? timespanFromText(`CAST(${x} AS VARCHAR)`) : `TRY_CAST(${x} AS ${TYPES[t]})`),
  lower: (x) => `lower(${x})`,
  upper: (x) => `upper(${x})`,
  length: (x) => `length(${x})`,
  concat: (parts) => `concat(${parts.join(', ')})`,
  substring: (x, start, len) => (len === undefined ? `substring(${x}, ${start})` : `substring(${x}, ${start}, ${len})`),
  strpos: (x, needle) => `strpos(${x}, ${needle})`,
  replace: (x, a, b) => `replace(${x}, ${a}, ${b})`,
  regexMatches: (x, re) => `regexp_matches(${x}, ${re})`,
  regexExtract: (x, re, group) => `regexp_extract(${x}, ${re}, ${group})`,
  regexReplace: (x, re, repl) => `regexp_replace(${x}, ${re}, ${repl}, 'g')`,
  containsCs: (x, needle) => `contains(${x}, ${needle})`,
  ilike: (x, pattern) => `${x} ILIKE ${pattern}`,
  startsWithCs: (x, p) => `starts_with(${x}, ${p})`,
  endsWithCs: (x, p) => `ends_with(${x}, ${p})`,
  intervalMicros: (us) => `to_microseconds(${Math.trunc(us)})`,
  intervalToMicros: (x) => `epoch_us(${x})`,
  timestampToMicros: (x) => `epoch_us(${x})`,
  microsToTimestamp: (x) => `make_timestamp(${x})`,
  dateTrunc: (unit, x) => `date_trunc('${unit}', ${x})`,
  binTimestamp: (x, us) => {
    const unit = TRUNC_UNITS[us];
    if (unit) return `date_trunc('${unit}', ${x})`;
    // KQL bins count from 0001-01-01 (the start of .NET ticks).
    return `time_bucket(to_microseconds(${Math.trunc(us)}), ${x}, TIMESTAMP '0001-01-01 00:00:00')`;
  },
  daysToInterval: (x) => `to_days(CAST(${x} AS INTEGER))`,
  integer: (n) => (typeof n === 'bigint' ? `CAST(${n} AS BIGINT)` : String(Math.trunc(n))),
  bool: (v) => (v ? 'TRUE' : 'FALSE'),
  distinctFrom: (a, b) => `${a} IS DISTINCT FROM ${b}`,
  dayOfWeek: (x) => `dayofweek(${x})`,
  hour: (x) => `hour(${x})`,
  // ICU's timezone(): a TIMESTAMPTZ becomes the zone's wall clock, a plain TIMESTAMP is read as that wall clock.
  utcToLocal: (x, zone) => `timezone(${escapeString(zone)}, timezone('UTC', ${x}))`,
  localToUtc: (x, zone) => `timezone('UTC', timezone(${escapeString(zone)}, ${x}))`,
  formatDatetime: (x, format) => `strftime(${x}, ${escapeString(format)})`,
  dateDiff: (part, a, b) => `date_diff(${escapeString(part)}, ${b}, ${a})`,
  intDivide: (a, b) => `(${a} // ${b})`,
  floor: (x) => `floor(${x})`,
  jsonExtract: (x, path) => `json_extract(${x}, ${path})`,
  jsonText: (x) => `json_extract_string(${x}, '$')`,
  // Kusto: the length of an array, null for anything else (a bag, a scalar, null).
  jsonArrayLength: (x) => `CASE WHEN json_type(${x}) = 'ARRAY' THEN CAST(json_array_length(${x}) AS BIGINT) END`,
  splitToJson: (x, d, i) =>
    i === undefined
      ? `to_json(string_split(${x}, ${d}))`
      : `to_json(list_slice(string_split(${x}, ${d}), ${i < 0 ? i : i + 1}, ${i < 0 ? i : i + 1}))`,
  unnestJson: (x, asText) => `unnest(${expandElements(x, asText)})`,
  ipv4ToNumber: (x) =>
    `CASE WHEN regexp_matches(${x}, ${IPV4}) THEN ` +
    [1, 2, 3, 4].map((i) => `CAST(split_part(${x}, '.', ${i}) AS BIGINT) * ${2 ** (8 * (4 - i))}`).join(' + ') +
    ' END',
  count: () => 'count(*)',
  countIf: (p) => `count_if(${p})`,
  // KQL's dcount is an estimate; distinct 64-bit hashes are exact but for a collision (about 1 in 2^40 at 4M
  // values) and a quarter faster than distinct strings. NULLs are not values, as in count(DISTINCT).
  dcount: (x) => `count(DISTINCT hash(${x})) FILTER (WHERE ${x} IS NOT NULL)`,
  dcountIf: (x, p) => `count(DISTINCT hash(${x})) FILTER (WHERE ${x} IS NOT NULL AND (${p}))`,
  sum: (x) => `sum(${x})`,
  sumIf: (x, p) => `sum(${x}) FILTER (WHERE ${p})`,
  avg: (x) => `avg(${x})`,
  min: (x) => `min(${x})`,
  max: (x) => `max(${x})`,
  percentile: (x, f) => `quantile_disc(${x}, ${f})`,
  // KQL leaves the order of make_set open; sorted values make results repeatable.
  makeSet: (x, limit) =>
    limit === undefined
      ? `to_json(list(DISTINCT ${x} ORDER BY ${x}))`
      : `to_json(list_slice(list(DISTINCT ${x} ORDER BY ${x}), 1, ${limit}))`,
  makeList: (x, limit) => (limit === undefined ? `to_json(list(${x}))` : `to_json(list_slice(list(${x}), 1, ${limit}))`),
  argMax: (x, by) => `arg_max(${x}, ${by})`,
  argMin: (x, by) => `arg_min(${x}, ${by})`,
  anyValue: (x) => `any_value(${x})`,
  semiJoin: () => 'SEMI JOIN',
  join: (keyword) => keyword,
  inSubquery: (negated) => (negated ? 'NOT IN' : 'IN'),
  antiJoin: () => 'ANTI JOIN',
  // Never read (DuckDB keeps each side's key columns).
  joinKeyCopies: (x) => [x],
  // Never read (DuckDB has LATERAL joins).
  rowWithValues: (values) => `row(row_number() OVER (), ${values.join(', ')})`,
  rowValue: (x, i) => `struct_extract(${x}, ${i + 1})`,
  fenced: (sql) => sql,
  notDistinctOn: (a, b) => `NOT ${a} IS DISTINCT FROM ${b}`,
  dedupeBy: (sql, keys, alias) => `(SELECT DISTINCT ON (${keys.join(', ')}) * FROM (${sql}) AS ${alias})`,
};
