/**
 * ClickHouse SQL of the simple KQL functions over dynamic values (JSON text, read through json-text.ts): building
 * them (parse_json, pack, pack_array), bags, arrays and sets, and the string functions that give or take arrays.
 */
import type { SimpleArg, SimpleFunctions } from '../simple-functions.js';
import { countGroups } from '../regex-groups.js';
import { escapeString } from './escape.js';
import { arrayText, bind, elements, isJson, members, objectText, quote, stringValue, trimmed } from './json-text.js';
import { isoText } from './datetime-text.js';
import { timespanText } from './output.js';

/** The JSON text of a value of any KQL type ('null' for NULL). */
export function toJson(a: SimpleArg): string {
  const x = a.sql;
  switch (a.type) {
    case 'dynamic':
      return `ifNull(${x}, 'null')`;
    case 'string':
      return `ifNull(${quote(x)}, 'null')`;
    case 'bool':
      return `multiIf(isNull(${x}), 'null', ${x} != 0, 'true', 'false')`;
    case 'real':
      return `multiIf(isNull(${x}), 'null', isNaN(${x}), '"NaN"', isInfinite(${x}), if(${x} > 0, '"Infinity"', '"-Infinity"'), toString(${x}))`;
    case 'datetime':
      return `if(isNull(${x}), 'null', ${quote(isoText(`assumeNotNull(${x})`))})`;
    case 'timespan':
      return `if(isNull(${x}), 'null', ${quote(timespanText(`assumeNotNull(${x})`))})`;
    default:
      return `ifNull(toString(${x}), 'null')`;
  }
}

/** Element texts of a dynamic array argument (a value of another type is an array of none). */
const list = (a: SimpleArg): string => (a.type === 'dynamic' ? elements(a.sql) : 'emptyArrayString()');
/** The greatest of two or more SQL numbers (18.16's greatest takes two). */
const greatestOf = (xs: readonly string[]): string => xs.slice(1).reduce((acc, x) => `greatest(${acc}, ${x})`, xs[0]!);
/** Elements `e` sorted as their first element's kind (strings by their value, numbers as numbers), as DuckDB's. */
const sortBy = (e: string, sort: 'arraySort' | 'arrayReverseSort'): string =>
  `multiIf(startsWith(${e}[1], '"'), ${sort}(__e -> ${stringValue('__e')}, ${e}), match(${e}[1], '^-?[0-9]'), ${sort}(__e -> toFloat64OrZero(__e), ${e}), ${sort}(${e}))`;
/** KQL's parse_json of a string: the text itself when it is JSON (as DuckDB keeps it), else the string as a JSON string. */
const parseJson = (a: SimpleArg): string =>
  a.type === 'string' ? `if(isNull(${a.sql}), NULL, if(${isJson(a.sql)}, ${a.sql}, ${quote(`assumeNotNull(${a.sql})`)}))` : toJson(a);
const pack = (args: readonly SimpleArg[]): string => {
  const parts: string[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) parts.push(`${quote(args[i]!.sql)}, ':', ${toJson(args[i + 1]!)}`);
  return parts.length === 0 ? `'{}'` : `concat('{', ${parts.join(`, ',', `)}, '}')`;
};

// RFC 3986's parts: scheme://user:password@host:port/path?query#fragment (each part optional), as the DuckDB dialect.
const URL_PARTS = escapeString(
  '^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::([0-9]+))?([^?#]*)(?:[?]([^#]*))?(?:#(.*))?$',
);
/** Kusto's parse_url: a bag of the parts (Query Parameters a bag of the decoded pairs); {} without a scheme. */
const parseUrl = (u: string): string =>
  bind(`ifNull(${u}, '')`, (x) => {
    const part = (k: number) => `replaceRegexpOne(${x}, ${URL_PARTS}, '\\\\${k}')`;
    const pairs = `arrayFilter(__p -> __p != '', splitByChar('&', ${part(7)}))`;
    const decoded = (i: number) => quote(`decodeURLComponent(splitByChar('=', __p)[${i}])`);
    const query = objectText(`arrayMap(__p -> [${decoded(1)}, ${decoded(2)}], ${pairs})`);
    const fields: [string, string][] = [
      ['Scheme', quote(part(1))],
      ['Host', quote(part(4))],
      ['Port', quote(part(5))],
      ['Path', quote(part(6))],
      ['Username', quote(part(2))],
      ['Password', quote(part(3))],
      ['Query Parameters', query],
      ['Fragment', quote(part(8))],
    ];
    const bag = `concat('{', ${fields.map(([k, v], i) => `${escapeString(`${i === 0 ? '' : ','}"${k}":`)}, ${v}`).join(', ')}, '}')`;
    return `if(${part(1)} = '', '{}', ${bag})`;
  });

export const dynamicFunctions: SimpleFunctions = {
  parse_url: ([u]) => `if(isNull(${u!.sql}), '{}', ${parseUrl(u!.sql)})`,
  gettype: ([a]) =>
    a!.type === 'dynamic'
      ? bind(
          `if(isNull(${a!.sql}), 'null', ${trimmed(a!.sql)})`,
          (x) =>
            `multiIf(${x} = 'null', 'null', startsWith(${x}, '['), 'array', startsWith(${x}, '{'), 'dictionary', startsWith(${x}, '"'), 'string', ` +
            `${x} IN ('true', 'false'), 'bool', match(${x}, '[.eE]'), 'real', 'long')`,
        )
      : escapeString(a!.type),
  parse_json: ([a]) => parseJson(a!),
  todynamic: ([a]) => parseJson(a!),
  pack,
  bag_pack: pack,
  pack_array: (args) => (args.length === 0 ? `'[]'` : `concat('[', ${args.map(toJson).join(`, ',', `)}, ']')`),
  bag_keys: ([a]) => arrayText(`arrayMap(__m -> __m[1], ${members(a!.sql)})`),
  // Kusto keeps the first bag's value for a key in several bags.
  bag_merge: (args) =>
    bind(`arrayConcat(${args.map((a) => members(a.sql)).join(', ')})`, (m) =>
      objectText(`arrayFilter((__m, __i) -> arrayFirstIndex(__o -> __o[1] = __m[1], ${m}) = __i, ${m}, arrayEnumerate(${m}))`),
    ),
  // Top-level keys only (Kusto also takes JSONPath keys such as '$.a.b'), as the DuckDB dialect.
  bag_remove_keys: ([bag, keys]) =>
    bind(`arrayMap(__k -> ${stringValue('__k')}, ${list(keys!)})`, (k) =>
      objectText(`arrayFilter(__m -> NOT has(${k}, ${stringValue('__m[1]')}), ${members(bag!.sql)})`),
    ),
  array_concat: (args) => arrayText(`arrayConcat(${args.map(list).join(', ')})`),
  array_slice: ([a, s, e]) =>
    bind(list(a!), (x) =>
      bind(`if(${s!.sql} < 0, greatest(toInt64(length(${x})) + ${s!.sql}, 0), toInt64(${s!.sql}))`, (from) =>
        bind(`if(${e!.sql} < 0, toInt64(length(${x})) + ${e!.sql}, least(toInt64(${e!.sql}), toInt64(length(${x})) - 1))`, (to) =>
          arrayText(`if(${to} < ${from}, emptyArrayString(), arraySlice(${x}, ${from} + 1, ${to} - ${from} + 1))`),
        ),
      ),
    ),
  array_index_of: ([a, v]) => `(toInt64(indexOf(${list(a!)}, ${toJson(v!)})) - 1)`,
  array_reverse: ([a]) => arrayText(`arrayReverse(${list(a!)})`),
  array_sum: ([a]) => bind(list(a!), (x) => `if(length(${x}) = 0, NULL, arraySum(arrayMap(__e -> ifNull(toFloat64OrNull(__e), 0), ${x})))`),
  array_sort_asc: ([a]) => bind(list(a!), (x) => arrayText(sortBy(x, 'arraySort'))),
  array_sort_desc: ([a]) => bind(list(a!), (x) => arrayText(sortBy(x, 'arrayReverseSort'))),
  set_has_element: ([a, v]) => `has(${list(a!)}, ${toJson(v!)})`,
  set_union: (args) => arrayText(`arrayDistinct(arrayConcat(${args.map(list).join(', ')}))`),
  set_intersect: (args) =>
    arrayText(args.length === 1 ? `arrayDistinct(${list(args[0]!)})` : `arrayIntersect(${args.map(list).join(', ')})`),
  set_difference: ([a, ...rest]) =>
    bind(`arrayConcat(${rest.map(list).join(', ')})`, (r) =>
      arrayText(`arrayDistinct(arrayFilter(__e -> NOT has(${r}, __e), ${list(a!)}))`),
    ),
  jaccard_index: ([a, b]) =>
    bind(`arrayDistinct(${list(a!)})`, (x) =>
      bind(
        `arrayDistinct(${list(b!)})`,
        (y) => `length(arrayIntersect(${x}, ${y})) / nullIf(length(arrayDistinct(arrayConcat(${x}, ${y}))), 0)`,
      ),
    ),
  zip: (args) =>
    bind(`[${args.map(list).join(', ')}]`, (xs) =>
      arrayText(
        `arrayMap(__i -> concat('[', arrayStringConcat(arrayMap(__x -> if(__i < length(__x), __x[__i + 1], 'null'), ${xs}), ','), ']'), range(toUInt64(${greatestOf(
          args.map((_, i) => `length(${xs}[${i + 1}])`),
        )})))`,
      ),
    ),
  array_iff: ([c, t, f]) => {
    // A dynamic branch gives its element at the same position ('null' past its end), another its value.
    const branch = (a: SimpleArg, body: (pick: (i: string) => string) => string) =>
      a.type === 'dynamic' ? bind(list(a), (x) => body((i) => `if(${i} <= length(${x}), ${x}[${i}], 'null')`)) : body(() => toJson(a));
    return bind(list(c!), (x) =>
      branch(t!, (yes) =>
        branch(f!, (no) =>
          arrayText(
            `arrayMap(__i -> multiIf(${x}[__i] = 'true', ${yes('__i')}, ${x}[__i] = 'false', ${no('__i')}, 'null'), arrayEnumerate(${x}))`,
          ),
        ),
      ),
    );
  },
  strcat_array: ([a, d]) => `arrayStringConcat(arrayMap(__e -> ${stringValue('__e')}, ${list(a!)}), ${d!.sql})`,
  extract_all: ([re, s]) => {
    const groups = countGroups(String(re!.value));
    if (groups <= 1) return arrayText(`arrayMap(__m -> ${quote('__m')}, extractAll(${s!.sql}, ${re!.sql}))`);
    // Several groups: each whole match, then each group of it read by the expression anchored on the match.
    const whole = `extractAll(${s!.sql}, concat('(', ${re!.sql}, ')'))`;
    const part = (k: number) => quote(`replaceRegexpOne(__m, concat('^(?:', ${re!.sql}, ')$'), '\\\\${k}')`);
    const parts = Array.from({ length: groups }, (_, i) => part(i + 1));
    return arrayText(`arrayMap(__m -> concat('[', ${parts.join(`, ',', `)}, ']'), ${whole})`);
  },
  dcount_hll: ([a]) => `toInt64(length(${list(a!)}))`,
};
