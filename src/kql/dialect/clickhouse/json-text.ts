/**
 * Dynamic values on ClickHouse: JSON text in a String (NULL for a missing value), read by SQL over its tokens.
 * ClickHouse 18.16 has no JSON functions but visitParam* (which find a key anywhere, at any depth): the text is
 * cut into JSON tokens by extractAll, and the depth of each token (a running sum over the brackets) tells the
 * top-level elements and members apart, exactly, at any depth of nesting. Arrays of tokens and texts live only
 * inside these expressions: every hook takes and gives JSON text (or a scalar). Lambda parameters start with '__'
 * (an alias of the query with a parameter's name would replace it in 18.16).
 */
import { escapeString } from './escape.js';

/** One JSON token: a string, a number, a literal or a punctuation mark (whitespace between tokens is skipped). */
const TOKEN = '"(?:[^"\\\\]|\\\\.)*"|-?(?:0|[1-9][0-9]*)(?:[.][0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null|[][{}:,]';
const TOKEN_RE = escapeString(TOKEN);
const TOKENS_AND_SPACE_RE = escapeString(`(?:${TOKEN}|[ \\t\\n\\r])+`);

/**
 * `body` with `value` bound to a lambda parameter: arrayMap over a one-element array (18.16 has no other way to
 * name a value inside an expression). The parameter is numbered above every one inside `body`, so no lambda in
 * it hides the name.
 */
export function bind(value: string, body: (name: string) => string): string {
  const probe = body('__j0');
  const used = [...probe.matchAll(/\b__j(\d+)\b/g)].map((m) => Number(m[1]));
  const name = `__j${Math.max(0, ...used) + 1}`;
  return `arrayElement(arrayMap(${name} -> ${body(name)}, [${value}]), 1)`;
}

/** JSON text `x` without the whitespace around it ('' for NULL): its first character tells its kind. */
export const trimmed = (x: string): string => `replaceRegexpAll(ifNull(${x}, ''), '^[ \\t\\n\\r]+|[ \\t\\n\\r]+$', '')`;

/** The tokens (an Array(String)) of JSON text `x` (NULL reads as no tokens). */
export const tokens = (x: string): string => `extractAll(ifNull(${x}, ''), ${TOKEN_RE})`;

/** Depth after each token of `t` (tokens): 1 inside the top-level array or object, 0 after its closing bracket. */
export const depths = (t: string): string => `arrayCumSum(arrayMap(__t -> multiIf(__t IN ('[', '{'), 1, __t IN (']', '}'), -1, 0), ${t}))`;

/** Whether a token is a scalar (string, number, true, false, null). */
const scalar = (t: string): string => `(NOT ${t} IN ('[', ']', '{', '}', ':', ','))`;

/**
 * The top-level parts of the array or object whose tokens are `t` (depths `d`): for each, [first, last] token
 * positions (1-based); none for [], {} and scalars.
 */
const partBounds = (t: string, d: string, body: (starts: string, ends: string) => string): string =>
  bind(`arrayFilter((__i, __t, __d) -> __t = ',' AND __d = 1, arrayEnumerate(${t}), ${t}, ${d})`, (commas) =>
    body(
      `if(length(${t}) <= 2 OR NOT ${t}[1] IN ('[', '{'), emptyArrayUInt32(), arrayMap(__c -> toUInt32(__c + 1), arrayPushFront(${commas}, 1)))`,
      `arrayMap(__c -> toUInt32(__c - 1), arrayPushBack(${commas}, length(${t})))`,
    ),
  );

/** Texts (Array(String), minified JSON) of the top-level elements of array text `x` (empty when `x` is no array). */
export function elements(x: string): string {
  return bind(tokens(x), (t) =>
    bind(depths(t), (d) =>
      partBounds(
        t,
        d,
        (starts, ends) =>
          `if(${t}[1] = '[', arrayMap((__s, __e) -> arrayStringConcat(arraySlice(${t}, __s, __e - __s + 1)), ${starts}, arrayResize(${ends}, length(${starts}))), emptyArrayString())`,
      ),
    ),
  );
}

/** Members of object text `x` as [key token, value text] pairs (Array(Array(String))); empty when `x` is no object. */
export function members(x: string): string {
  return bind(tokens(x), (t) =>
    bind(depths(t), (d) =>
      partBounds(
        t,
        d,
        (starts, ends) =>
          `if(${t}[1] = '{', arrayMap((__s, __e) -> [${t}[__s], arrayStringConcat(arraySlice(${t}, __s + 2, __e - __s - 1))], ${starts}, arrayResize(${ends}, length(${starts}))), arrayResize([emptyArrayString()], 0))`,
      ),
    ),
  );
}

/** The value of JSON string token `x` (escapes read); other tokens as they are. */
export const stringValue = (x: string): string =>
  `if(startsWith(${x}, '"'), visitParamExtractString(concat('{"v":', ${x}, '}'), 'v'), ${x})`;

/** JSON string text of String `x` (quotes, backslashes and control characters escaped). */
export function quote(x: string): string {
  const pairs: [string, string][] = [
    ['\\', '\\\\'],
    ['"', '\\"'],
    ['\n', '\\n'],
    ['\r', '\\r'],
    ['\t', '\\t'],
    ['\b', '\\b'],
    ['\f', '\\f'],
  ];
  const escaped = pairs.reduce((acc, [a, b]) => `replaceAll(${acc}, ${escapeString(a)}, ${escapeString(b)})`, x);
  return `concat('"', ${escaped}, '"')`;
}

/** A JSON array text of an Array(String) of element texts. */
export const arrayText = (texts: string): string => `concat('[', arrayStringConcat(${texts}, ','), ']')`;

/** A JSON object text of an Array(Array(String)) of [key token, value text] pairs. */
export const objectText = (pairs: string): string =>
  `concat('{', arrayStringConcat(arrayMap(__m -> concat(__m[1], ':', __m[2]), ${pairs}), ','), '}')`;

/** Element `i` (0-based Int64; negative from the end) of array text `x`, as JSON text; NULL when there is none. */
export function element(x: string, i: string): string {
  return bind(elements(x), (e) =>
    bind(`toInt64(${i})`, (k) => `if(${k} >= length(${e}) OR -${k} > length(${e}), NULL, ${e}[if(${k} >= 0, ${k} + 1, ${k})])`),
  );
}

/** Member `key` (a String, the key's value) of object text `x`, as JSON text; NULL when there is none. */
export function member(x: string, key: string): string {
  return bind(members(x), (m) =>
    bind(`arrayFirstIndex(__m -> ${stringValue('__m[1]')} = ${key}, ${m})`, (at) => `if(${at} = 0, NULL, ${m}[${at}][2])`),
  );
}

/**
 * Whether String `x` is one JSON value: only tokens and whitespace, brackets that close in order and of their
 * kind, and each token where JSON allows it (a key and ':' before each member's value, ',' between parts).
 */
export function isJson(x: string): string {
  return bind(tokens(x), (t) =>
    bind(depths(t), (d) => {
      // Open brackets at each depth as bits: '[' in __a, '{' in _b; a bracket closed of the other kind leaves one negative.
      const bits = (open: string, close: string) =>
        `arrayCumSum(arrayMap((__t, __d) -> multiIf(__t = '${open}', bitShiftLeft(toInt64(1), __d), __t = '${close}', -bitShiftLeft(toInt64(1), __d + 1), toInt64(0)), ${t}, ${d}))`;
      return bind(bits('[', ']'), (a) =>
        bind(bits('{', '}'), (b) => {
          // Each token with the two before it and the two after it ('' past either end).
          const at = (k: number) =>
            `arrayMap(__i -> if(__i + ${k} BETWEEN 1 AND length(${t}), ${t}[__i + ${k}], ''), arrayEnumerate(${t}))`;
          const [prev, prev2, next, next2] = [at(-1), at(-2), at(1), at(2)];
          const value = (v: string) => `((${v} != '' AND ${scalar(v)}) OR ${v} IN ('[', '{'))`;
          const key = `(startsWith(__n, '"') AND __nn = ':')`;
          // What may follow each token; ',' and ':' read the innermost open bracket (bit __d of __a set: an array).
          const ok =
            `arrayAll((__t, __n, __nn, __p, __pp, __d, __a) -> multiIf(` +
            `__t = ',', if(bitTest(__a, __d), ${value('__n')}, ${key}), ` +
            `__t = ':', startsWith(__p, '"') AND __pp IN ('{', ',') AND NOT bitTest(__a, __d) AND ${value('__n')}, ` +
            `__t = '[', ${value('__n')} OR __n = ']', ` +
            `__t = '{', __n = '}' OR ${key}, ` +
            `__n IN (',', ']', '}', ':', '')), ` +
            `${t}, ${next}, ${next2}, ${prev}, ${prev2}, ${d}, ${a})`;
          return (
            `(length(${t}) > 0 AND ${value(`${t}[1]`)} AND replaceRegexpAll(ifNull(${x}, ''), ${TOKENS_AND_SPACE_RE}, '') = '' AND ` +
            `arrayAll(__v -> __v >= 0, ${d}) AND ${d}[-1] = 0 AND arrayCount(__v -> __v = 0, ${d}) = 1 AND ` +
            `arrayAll(__v -> __v >= 0, ${a}) AND arrayAll(__v -> __v >= 0, ${b}) AND ${ok})`
          );
        }),
      );
    }),
  );
}

/**
 * A SELECT of the distinct (key, type) pairs of the objects in `column` of the subquery `sql`, the types named
 * as DuckDB's json_type names them (what evaluate bag_unpack reads to choose its columns).
 */
export function bagKeyTypes(sql: string, column: string, alias: string): string {
  const type = `multiIf(__v = 'null', 'NULL', startsWith(__v, '"'), 'VARCHAR', __v IN ('true', 'false'), 'BOOLEAN', startsWith(__v, '['), 'ARRAY', startsWith(__v, '{'), 'OBJECT', match(__v, '[.eE]'), 'DOUBLE', 'BIGINT')`;
  return (
    `SELECT DISTINCT ${stringValue('__m[1]')} AS __k, arrayElement(arrayMap(__v -> ${type}, [__m[2]]), 1) AS __t ` +
    `FROM (SELECT arrayJoin(${members(column)}) AS __m FROM (${sql}) AS ${alias}) AS ${alias}_k ORDER BY __k, __t`
  );
}
