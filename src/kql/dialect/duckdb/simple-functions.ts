/** DuckDB SQL of the simple KQL functions (dynamic values are JSON; lists are read with from_json). */
import type { SimpleArg, SimpleFunctions } from '../simple-functions.js';
import { countGroups } from '../regex-groups.js';
import { timespanSeconds } from '../timespan-seconds.js';
import { escapeString } from './escape.js';

const list = (a: SimpleArg): string => `from_json(${a.sql}, '["json"]')`;
const json = (a: SimpleArg): string => (a.type === 'dynamic' ? a.sql : `to_json(${a.sql})`);
const sql = (args: readonly SimpleArg[]): string => args.map((a) => a.sql).join(', ');
const us = (x: string): string => `to_microseconds(CAST(${x} AS BIGINT))`;
const ADD_UNITS: Readonly<Record<string, string>> = {
  year: 'to_years',
  quarter: 'to_months',
  month: 'to_months',
  week: 'to_weeks',
  day: 'to_days',
  hour: 'to_hours',
  minute: 'to_minutes',
  second: 'to_seconds',
  millisecond: 'to_milliseconds',
  microsecond: 'to_microseconds',
};
const PARTS: Readonly<Record<string, (x: string) => string>> = {
  year: (x) => `year(${x})`,
  quarter: (x) => `quarter(${x})`,
  month: (x) => `month(${x})`,
  weekofyear: (x) => `weekofyear(${x})`,
  week_of_year: (x) => `weekofyear(${x})`,
  day: (x) => `day(${x})`,
  dayofyear: (x) => `dayofyear(${x})`,
  hour: (x) => `hour(${x})`,
  minute: (x) => `minute(${x})`,
  second: (x) => `second(${x})`,
  millisecond: (x) => `(millisecond(${x}) % 1000)`,
  microsecond: (x) => `(microsecond(${x}) % 1000000)`,
  nanosecond: (x) => `(microsecond(${x}) % 1000000 * 1000)`,
};
const part = (name: unknown): string => String(name).toLowerCase();
// Dynamic values of one kind sort as that kind (numbers as numbers), as Kusto sorts them.
const sortList = (a: SimpleArg, dir: 'ASC' | 'DESC'): string =>
  `CASE json_type(${a.sql}, '$[0]') WHEN 'VARCHAR' THEN to_json(list_sort(from_json(${a.sql}, '["varchar"]'), '${dir}')) ` +
  `WHEN 'BIGINT' THEN to_json(list_sort(from_json(${a.sql}, '["bigint"]'), '${dir}')) ` +
  `WHEN 'UBIGINT' THEN to_json(list_sort(from_json(${a.sql}, '["bigint"]'), '${dir}')) ` +
  `WHEN 'DOUBLE' THEN to_json(list_sort(from_json(${a.sql}, '["double"]'), '${dir}')) ELSE to_json(list_sort(${list(a)}, '${dir}')) END`;
const endOf = (unit: 'day' | 'week' | 'month' | 'year', [d, k]: readonly SimpleArg[]): string => {
  const n = k ? `CAST(${k.sql} AS BIGINT) + 1` : '1';
  const start =
    unit === 'week' ? `date_trunc('day', ${d!.sql}) - to_days(CAST(dayofweek(${d!.sql}) AS INTEGER))` : `date_trunc('${unit}', ${d!.sql})`;
  const step = unit === 'week' ? `to_days(CAST(7 * (${n}) AS INTEGER))` : `to_${unit}s(CAST(${n} AS INTEGER))`;
  return `(${start} + ${step} - to_microseconds(1))`;
};

export const simpleFunctions: SimpleFunctions = {
  sqrt: ([a]) => `sqrt(${a!.sql})`,
  exp: ([a]) => `exp(${a!.sql})`,
  log: ([a]) => `ln(${a!.sql})`,
  log10: ([a]) => `log10(${a!.sql})`,
  log2: ([a]) => `log2(${a!.sql})`,
  pow: ([a, b]) => `pow(${a!.sql}, ${b!.sql})`,
  sign: ([a]) => `CAST(sign(${a!.sql}) AS DOUBLE)`,
  ceiling: ([a]) => `CAST(ceil(${a!.sql}) AS DOUBLE)`,
  isnan: ([a]) => `isnan(CAST(${a!.sql} AS DOUBLE))`,
  isinf: ([a]) => `isinf(CAST(${a!.sql} AS DOUBLE))`,
  isfinite: ([a]) => `isfinite(CAST(${a!.sql} AS DOUBLE))`,
  max_of: (args) => `greatest(${sql(args)})`,
  min_of: (args) => `least(${sql(args)})`,
  binary_and: ([a, b]) => `(CAST(${a!.sql} AS BIGINT) & CAST(${b!.sql} AS BIGINT))`,
  binary_or: ([a, b]) => `(CAST(${a!.sql} AS BIGINT) | CAST(${b!.sql} AS BIGINT))`,
  binary_xor: ([a, b]) => `xor(CAST(${a!.sql} AS BIGINT), CAST(${b!.sql} AS BIGINT))`,
  binary_shift_left: ([a, b]) => `(CAST(${a!.sql} AS BIGINT) << CAST(${b!.sql} AS BIGINT))`,
  binary_shift_right: ([a, b]) => `(CAST(${a!.sql} AS BIGINT) >> CAST(${b!.sql} AS BIGINT))`,
  reverse: ([a]) => `reverse(${a!.sql})`,
  url_decode: ([a]) => `url_decode(${a!.sql})`,
  base64_encode_tostring: ([a]) => `to_base64(encode(${a!.sql}))`,
  base64_decode_tostring: ([a]) => `decode(from_base64(${a!.sql}))`,
  hash_sha256: ([a]) => `sha256(${a!.sql})`,
  hash_md5: ([a]) => `md5(${a!.sql})`,
  strrep: ([a, n, d]) =>
    d
      ? `array_to_string(list_transform(range(CAST(${n!.sql} AS BIGINT)), _i -> ${a!.sql}), ${d.sql})`
      : `repeat(${a!.sql}, CAST(${n!.sql} AS BIGINT))`,
  countof: ([a, s, kind]) =>
    kind?.value === 'regex'
      ? `CAST(len(regexp_extract_all(${a!.sql}, ${s!.sql})) AS BIGINT)`
      : `CAST((length(${a!.sql}) - length(replace(${a!.sql}, ${s!.sql}, ''))) // greatest(length(${s!.sql}), 1) AS BIGINT)`,
  strcat_array: ([a, d]) => `array_to_string(from_json(${a!.sql}, '["varchar"]'), ${d!.sql})`,
  extract_all: ([re, s]) => {
    const groups = countGroups(String(re!.value));
    if (groups <= 1) return `to_json(regexp_extract_all(${s!.sql}, ${re!.sql}, ${groups}))`;
    const parts = Array.from({ length: groups }, (_, i) => `regexp_extract(_m, ${re!.sql}, ${i + 1})`);
    return `to_json(list_transform(regexp_extract_all(${s!.sql}, ${re!.sql}, 0), _m -> [${parts.join(', ')}]))`;
  },
  parse_ipv4: ([a]) =>
    `CASE WHEN regexp_matches(${a!.sql}, '^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$') THEN ` +
    [1, 2, 3, 4].map((i) => `CAST(split_part(${a!.sql}, '.', ${i}) AS BIGINT) * ${2 ** (8 * (4 - i))}`).join(' + ') +
    ' END',
  ipv4_compare: ([a, b]) => {
    const n = (x: string): string =>
      [1, 2, 3, 4].map((i) => `TRY_CAST(split_part(${x}, '.', ${i}) AS BIGINT) * ${2 ** (8 * (4 - i))}`).join(' + ');
    return `CAST(sign((${n(a!.sql)}) - (${n(b!.sql)})) AS BIGINT)`;
  },
  gettype: ([a]) =>
    a!.type === 'dynamic'
      ? `CASE json_type(${a!.sql}) WHEN 'ARRAY' THEN 'array' WHEN 'OBJECT' THEN 'dictionary' WHEN 'VARCHAR' THEN 'string' ` +
        `WHEN 'BIGINT' THEN 'long' WHEN 'UBIGINT' THEN 'long' WHEN 'DOUBLE' THEN 'real' WHEN 'BOOLEAN' THEN 'bool' ELSE 'null' END`
      : escapeString(a!.type),
  parse_json: ([a]) =>
    a!.type === 'string' ? `CASE WHEN json_valid(${a!.sql}) THEN CAST(${a!.sql} AS JSON) ELSE to_json(${a!.sql}) END` : json(a!),
  todynamic: ([a]) =>
    a!.type === 'string' ? `CASE WHEN json_valid(${a!.sql}) THEN CAST(${a!.sql} AS JSON) ELSE to_json(${a!.sql}) END` : json(a!),
  pack: (args) => `json_object(${args.map((a, i) => (i % 2 === 0 ? a.sql : json(a))).join(', ')})`,
  bag_pack: (args) => `json_object(${args.map((a, i) => (i % 2 === 0 ? a.sql : json(a))).join(', ')})`,
  pack_array: (args) => `json_array(${args.map(json).join(', ')})`,
  bag_keys: ([a]) => `to_json(json_keys(${a!.sql}))`,
  // Kusto keeps the first bag's value for a key in several bags.
  bag_merge: (args) => args.reduce((acc, a) => `json_merge_patch(${a.sql}, ${acc})`, args[0]!.sql).replace(/^/, ''),
  array_concat: (args) => `to_json(list_concat(${args.map(list).join(', ')}))`,
  array_slice: ([a, s, e]) => {
    const from = `CASE WHEN ${s!.sql} < 0 THEN ${s!.sql} ELSE ${s!.sql} + 1 END`;
    const to = `CASE WHEN ${e!.sql} < 0 THEN ${e!.sql} ELSE ${e!.sql} + 1 END`;
    return `to_json(list_slice(${list(a!)}, ${from}, ${to}))`;
  },
  array_index_of: ([a, v]) => `CAST(coalesce(list_position(${list(a!)}, ${json(v!)}), 0) - 1 AS BIGINT)`,
  array_reverse: ([a]) => `to_json(list_reverse(${list(a!)}))`,
  array_sum: ([a]) => `list_sum(from_json(${a!.sql}, '["double"]'))`,
  array_sort_asc: ([a]) => sortList(a!, 'ASC'),
  array_sort_desc: ([a]) => sortList(a!, 'DESC'),
  set_has_element: ([a, v]) => `list_contains(${list(a!)}, ${json(v!)})`,
  set_union: (args) => `to_json(list_distinct(list_concat(${args.map(list).join(', ')})))`,
  set_intersect: (args) => `to_json(${args.slice(1).reduce((acc, a) => `list_intersect(${acc}, ${list(a)})`, list(args[0]!))})`,
  set_difference: ([a, ...rest]) =>
    `to_json(list_distinct(list_filter(${list(a!)}, _x -> NOT list_contains(list_concat(${rest.map(list).join(', ')}), _x))))`,
  jaccard_index: ([a, b]) =>
    `CAST(len(list_intersect(list_distinct(${list(a!)}), list_distinct(${list(b!)}))) AS DOUBLE) / nullif(len(list_distinct(list_concat(${list(a!)}, ${list(b!)}))), 0)`,
  dcount_hll: ([a]) => `CAST(json_array_length(${a!.sql}) AS BIGINT)`,
  datetime_add: ([p, n, d]) => {
    const unit = part(p!.value);
    if (unit === 'nanosecond') return `(${d!.sql} + to_microseconds(CAST(${n!.sql} // 1000 AS BIGINT)))`;
    const f = ADD_UNITS[unit] ?? 'to_days';
    const count = unit === 'quarter' ? `3 * (${n!.sql})` : n!.sql;
    return `(${d!.sql} + ${f}(CAST(${count} AS ${f === 'to_days' || f === 'to_years' || f === 'to_months' || f === 'to_weeks' ? 'INTEGER' : 'BIGINT'})))`;
  },
  datetime_part: ([p, d]) => `CAST(${(PARTS[part(p!.value)] ?? PARTS['year']!)(d!.sql)} AS INTEGER)`,
  make_datetime: ([y, m, d, h, mi, s, frac]) =>
    `make_timestamp(CAST(${y!.sql} AS BIGINT), CAST(${m!.sql} AS BIGINT), CAST(${d!.sql} AS BIGINT), ` +
    `CAST(${h?.sql ?? 0} AS BIGINT), CAST(${mi?.sql ?? 0} AS BIGINT), CAST(${s?.sql ?? 0} AS DOUBLE)${frac ? ` + ${frac.sql} / 1e7` : ''})`,
  make_timespan: (args) => us(`round(${timespanSeconds(args)} * 1e6)`),
  unixtime_seconds_todatetime: ([a]) => `make_timestamp(CAST(round((${a!.sql}) * 1e6) AS BIGINT))`,
  unixtime_milliseconds_todatetime: ([a]) => `make_timestamp(CAST(round((${a!.sql}) * 1e3) AS BIGINT))`,
  unixtime_microseconds_todatetime: ([a]) => `make_timestamp(CAST(${a!.sql} AS BIGINT))`,
  unixtime_nanoseconds_todatetime: ([a]) => `make_timestamp(CAST((${a!.sql}) // 1000 AS BIGINT))`,
  dayofmonth: ([a]) => `CAST(day(${a!.sql}) AS INTEGER)`,
  dayofyear: ([a]) => `CAST(dayofyear(${a!.sql}) AS INTEGER)`,
  getmonth: ([a]) => `CAST(month(${a!.sql}) AS INTEGER)`,
  monthofyear: ([a]) => `CAST(month(${a!.sql}) AS INTEGER)`,
  getyear: ([a]) => `CAST(year(${a!.sql}) AS INTEGER)`,
  week_of_year: ([a]) => `CAST(weekofyear(${a!.sql}) AS INTEGER)`,
  endofday: (args) => endOf('day', args),
  endofweek: (args) => endOf('week', args),
  endofmonth: (args) => endOf('month', args),
  endofyear: (args) => endOf('year', args),
};
