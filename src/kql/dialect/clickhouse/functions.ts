/**
 * ClickHouse spellings of the functions and clauses the KQL compiler emits, in the subset that ClickHouse 18.16
 * (Debian's package) and current releases both run: no DateTime64, so a datetime is an Int64 of microseconds
 * since the epoch (UTC) and a timespan an Int64 of microseconds; times are integer arithmetic, exactly.
 */
import type { ColumnType } from '../../../schema/index.js';
import type { DialectFunctions } from '../dialect.js';
import { escapeString } from './escape.js';
import { clock, dayOfWeek, periodNumber, startOfMonth, startOfYear } from './calendar.js';
import { datetimeFromText } from './datetime-parse.js';
import { formatDatetime } from './datetime-text.js';
import { arrayText, bind, element, elements, member, members, stringValue, trimmed } from './json-text.js';

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
const NEVER = escapeString('|[^\\s\\S]');
const IPV4 = escapeString('^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$');

/** The non-negative remainder of x / m (ClickHouse's % keeps the dividend's sign). */
// The divisor is made an Int64: Int64 % 3600000000 is an Int32 in 18.16, which overflows.
export const floorMod = (x: string, m: number | string) => `((${x} % toInt64(${m}) + toInt64(${m})) % toInt64(${m}))`;

/** The JSON text of a scalar (string values quoted and escaped as JSON; numbers as they print). */
const jsonScalar = (v: string) =>
  `if(toTypeName(${v}) IN ('String', 'Nullable(String)'), concat('"', replaceAll(replaceAll(replaceAll(replaceAll(toString(${v}), '\\\\', '\\\\\\\\'), '"', '\\\\"'), '\\n', '\\\\n'), '\\r', '\\\\r'), '"'), toString(${v}))`;
/** The (still escaped) texts of the strings of a JSON array of strings. */
export const jsonStrings = (x: string) => `extractAll(${x}, ${escapeString('"((?:[^"\\\\]|\\\\.)*)"')})`;
/** A JSON array text of an array expression. */
// arrayStringConcat takes no Nullable(String): a NULL element is JSON's null. Lambda parameters start with '__':
// in 18.16 a query's alias of the same name replaces them (SELECT 5 AS v, arrayMap(v -> v + 1, [1]) gives [6]).
export const jsonArray = (arr: string) =>
  `concat('[', arrayStringConcat(arrayMap(__v -> ifNull(${jsonScalar('__v')}, 'null'), ${arr}), ','), ']')`;
/** A JSON array text of an array expression whose elements may be null (written null): jsonArray writes them so. */
export const jsonArrayOfNullable = jsonArray;
/** A JSON array text of an array of values of KQL `type` (dynamic values are JSON text already). */
const valuesJson = (arr: string, type: ColumnType | undefined) => (type === 'dynamic' ? arrayText(arr) : jsonArray(arr));

/** Microseconds of KQL timespan text ([-][d.]hh:mm:ss[.fffffff]); NULL when it is not one. */
function timespanFromText(t: string): string {
  const shape = escapeString('^-?([0-9]+[.])?[0-9]{1,2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?$');
  const part = (re: string) => `toInt64OrZero(extract(${t}, ${escapeString(re)}))`;
  const frac = `toInt64OrZero(substring(concat(extract(${t}, ${escapeString(':[0-9]{2}:[0-9]{2}[.]([0-9]+)$')}), '000000'), 1, 6))`;
  const abs = `(${part('^-?([0-9]+)[.][0-9]{1,2}:')} * ${DAY_US} + ${part('([0-9]{1,2}):[0-9]{2}:[0-9]{2}')} * 3600000000 + ${part(':([0-9]{2}):[0-9]{2}')} * 60000000 + ${part(':[0-9]{2}:([0-9]{2})')} * 1000000 + ${frac})`;
  return `if(match(${t}, ${shape}), if(startsWith(${t}, '-'), -${abs}, ${abs}), NULL)`;
}

export const functions: DialectFunctions = {
  sqlType: (t) => TYPES[t],
  // Nullable: a NULL cast to a plain type is an error in ClickHouse, and KQL casts keep nulls.
  cast: (x, t) => `CAST(${x} AS Nullable(${TYPES[t]}))`,
  tryCast: (x, t) => {
    if (t === 'string' || t === 'dynamic') return `toString(${x})`;
    if (t === 'long') return `toInt64OrNull(toString(${x}))`;
    if (t === 'timespan') return timespanFromText(`toString(${x})`);
    if (t === 'int') return `toInt32OrNull(toString(${x}))`;
    if (t === 'real') return `toFloat64OrNull(toString(${x}))`;
    if (t === 'bool') return `multiIf(lower(toString(${x})) IN ('true', '1'), 1, lower(toString(${x})) IN ('false', '0'), 0, NULL)`;
    return datetimeFromText(`toString(${x})`);
  },
  lower: (x) => `lowerUTF8(${x})`,
  upper: (x) => `upperUTF8(${x})`,
  length: (x) => `lengthUTF8(${x})`,
  concat: (parts) => (parts.length === 1 ? `concat(${parts[0]}, '')` : `concat(${parts.join(', ')})`),
  // 18.16's substringUTF8 wants its length, and both numbers unsigned (an Int64 start is refused).
  substring: (x, start, len) => `substringUTF8(${x}, toUInt64(${start}), toUInt64(${len ?? '2147483647'}))`,
  strpos: (x, needle) => `positionUTF8(${x}, ${needle})`,
  replace: (x, a, b) => `replaceAll(${x}, ${a}, ${b})`,
  // 18.16 looks for a pattern's required substring case-sensitively before matching, which breaks (?i): an
  // alternative that never matches turns that shortcut off.
  regexMatches: (x, re) => `match(${x}, concat(${re}, ${NEVER}))`,
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
  intervalToMicros: (x) => `(${x})`,
  timestampToMicros: (x) => `(${x})`,
  microsToTimestamp: (x) => `(${x})`,
  dateTrunc: (unit, x) => {
    if (unit === 'month') return startOfMonth(x);
    if (unit === 'year') return startOfYear(x);
    return `(${x} - ${floorMod(x, UNIT_US[unit]!)})`;
  },
  binTimestamp: (x, us) => {
    const step = Math.trunc(us);
    const offset = Number(TICKS_EPOCH_US % BigInt(step));
    return offset === 0 ? `(${x} - ${floorMod(x, step)})` : `(${x} - ${floorMod(`(${x} + ${offset})`, step)})`;
  },
  daysToInterval: (x) => `(toInt64(${x}) * ${DAY_US})`,
  // Typed: a bare 3600000000 is a UInt32, and Int64 % UInt32 is an Int32 in 18.16 (it overflows).
  integer: (n) => `toInt64(${typeof n === 'bigint' ? n : Math.trunc(n)})`,
  bool: (v) => (v ? '1' : '0'),
  // No IS DISTINCT FROM in 18.16.
  distinctFrom: (a, b) => `if(isNull(${a}) OR isNull(${b}), isNull(${a}) != isNull(${b}), ${a} != ${b})`,
  dayOfWeek,
  hour: (x) => clock(x).hour,
  // 18.16 has no DateTime64: the wall clock is the zone's DateTime printed and read back as UTC (and the other
  // way round). intDiv and % both truncate toward zero, so seconds * 10^6 + remainder is the value again.
  utcToLocal: (x, zone) =>
    `(toInt64(toUnixTimestamp(toDateTime(toString(toDateTime(intDiv(${x}, 1000000), ${escapeString(zone)})), 'UTC'))) * 1000000 + (${x}) % toInt64(1000000))`,
  localToUtc: (x, zone) =>
    `(toInt64(toUnixTimestamp(toDateTime(toString(toDateTime(intDiv(${x}, 1000000), 'UTC')), ${escapeString(zone)}))) * 1000000 + (${x}) % toInt64(1000000))`,
  formatDatetime,
  dateDiff: (part, a, b) => {
    // Fixed units are integer arithmetic (18.16's dateDiff stops at seconds, and at 1970); the divisor an Int64:
    // intDiv of a negative Int64 by a UInt64 constant reads it as unsigned.
    const unit = UNIT_US[part] ?? (part === 'millisecond' ? 1000 : part === 'microsecond' ? 1 : undefined);
    if (unit !== undefined) {
      const u = `toInt64(${unit})`;
      return `(intDiv(${a} - ${floorMod(a, unit)}, ${u}) - intDiv(${b} - ${floorMod(b, unit)}, ${u}))`;
    }
    // Calendar units: the periods of each counted from year 0.
    return `(${periodNumber(part, a)} - ${periodNumber(part, b)})`;
  },
  intDivide: (a, b) => `intDiv(${a}, ${b})`,
  floor: (x) => `floor(${x})`,
  // A path is one step, '$[i]', '$[#-i]' (from the end) or '$."key"' (see json-text.ts for how the text is read).
  jsonExtract: (x, path) =>
    bind(
      x,
      (v) =>
        `if(startsWith(${path}, '$['), ${element(v, `toInt64OrZero(extract(${path}, '^[$][[]#?(-?[0-9]+)[]]$'))`)}, ${member(v, `visitParamExtractString(concat('{"k":', extract(${path}, '^[$][.](.*)$'), '}'), 'k')`)})`,
    ),
  jsonText: (x) => stringValue(trimmed(x)),
  jsonArrayLength: (x) => bind(x, (v) => `if(startsWith(${trimmed(v)}, '['), toInt64(length(${elements(v)})), NULL)`),
  splitToJson: (x, d, i) =>
    jsonArray(i === undefined ? `splitByString(${d}, ${x})` : `arraySlice(splitByString(${d}, ${x}), ${i < 0 ? i : i + 1}, 1)`),
  // An array gives its elements, a bag one bag per key (as Kusto's mv-expand).
  unnestJson: (x, asText) => {
    const parts = bind(
      `ifNull(${x}, '')`,
      (v) => `if(startsWith(${trimmed(v)}, '{'), arrayMap(__m -> concat('{', __m[1], ':', __m[2], '}'), ${members(v)}), ${elements(v)})`,
    );
    // A JSON null element is a null.
    return `arrayJoin(arrayMap(__e -> if(__e = 'null', NULL, ${asText ? stringValue('__e') : '__e'}), ${parts}))`;
  },
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
  // DuckDB's quantile_disc: the value at rank ceil(n * f) (1-based) of the sorted values.
  // Of no values: NULL (arrayElement past the end would give 0).
  percentile: (x, f) =>
    `if(count(${x}) = 0, NULL, arrayElement(arraySort(groupArray(${x})), toUInt64(greatest(ceil(count(${x}) * ${f}), 1))))`,
  // Sorted, then cut, as the DuckDB dialect's: repeatable results (and 18.16's groupUniqArray takes no size).
  makeSet: (x, limit, type) =>
    valuesJson(limit === undefined ? `arraySort(groupUniqArray(${x}))` : `arraySlice(arraySort(groupUniqArray(${x})), 1, ${limit})`, type),
  makeList: (x, limit, type) => valuesJson(`${limit === undefined ? 'groupArray' : `groupArray(${limit})`}(${x})`, type),
  argMax: (x, by) => `argMax(${x}, ${by})`,
  argMin: (x, by) => `argMin(${x}, ${by})`,
  anyValue: (x) => `any(${x})`,
  // 18.16 has no SEMI JOIN: ANY keeps one right row per left row, and only left columns are read.
  semiJoin: () => 'ANY INNER JOIN',
  // On a cluster a subquery of a join or IN runs on each shard unless GLOBAL (and there, in the default database).
  join: (keyword) => `GLOBAL ${keyword}`,
  inSubquery: (negated) => (negated ? 'GLOBAL NOT IN' : 'GLOBAL IN'),
  // 18.16 has no ANTI JOIN (it came in 20.x).
  antiJoin: () => undefined,
  // Non-null copies (18.16 leaves a right row with a NULL key out of a RIGHT or FULL JOIN altogether): a flag that
  // differs between the sides where the key is null, and the value.
  joinKeyCopies: (x, side) => [`if(isNull(${x}), ${side === 'left' ? 1 : 2}, 0)`, `assumeNotNull(${x})`],
  // rowNumberInAllBlocks counts the rows where the SELECT runs (on a cluster: the server the query came to).
  rowWithValues: (values) => `tuple(${['rowNumberInAllBlocks()', ...values].join(', ')})`,
  rowValue: (x, i) => `tupleElement(${x}, ${i + 1})`,
  // 18.16 moves an outer filter on a column computed with IN (subquery) into that subquery's GROUP BY, and fails
  // ("not under aggregate function"): it moves none into a subquery with a LIMIT.
  fenced: (sql) => `${sql} LIMIT 9223372036854775807`,
  // An ON takes equalities only: nulls compare through isNull and the value a null stands on.
  notDistinctOn: (a, b) => `isNull(${a}) = isNull(${b}) AND assumeNotNull(${a}) = assumeNotNull(${b})`,
  dedupeBy: (sql, keys, alias) => `(SELECT * FROM (${sql}) AS ${alias} LIMIT 1 BY ${keys.join(', ')})`,
};
