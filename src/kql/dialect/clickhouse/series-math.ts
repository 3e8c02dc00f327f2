/** ClickHouse spellings of the series arithmetic hooks (arrayMap and friends, all in 18.16; no JSON functions there). */
import type { SeriesMath } from '../series-math.js';
import { escapeString } from './escape.js';

/** The element texts of a JSON array of numbers ('' for '[]'). */
const parts = (json: string): string =>
  `if(replaceRegexpAll(${json}, '[\\\\[\\\\] \\\\n\\\\r\\\\t]', '') = '', emptyArrayString(), splitByChar(',', replaceRegexpAll(${json}, '[\\\\[\\\\] \\\\n\\\\r\\\\t]', '')))`;

// A double is written as DuckDB's to_json writes one (2.0, not 2): the case tables compare both engines' text.
const jsonNumber = (x: string): string =>
  `if(isNull(${x}) OR NOT isFinite(assumeNotNull(${x})), 'null', if(assumeNotNull(${x}) = floor(assumeNotNull(${x})) AND abs(assumeNotNull(${x})) < 1e15, concat(toString(toInt64(assumeNotNull(${x}))), '.0'), toString(assumeNotNull(${x}))))`;

export const seriesMath: SeriesMath = {
  doubles: (json) => `arrayMap(_p -> toFloat64OrNull(_p), ${parts(json)})`,
  json: (list, integers) =>
    `concat('[', arrayStringConcat(arrayMap(_v -> ${integers ? "if(isNull(_v), 'null', toString(toInt64(trunc(assumeNotNull(_v)))))" : jsonNumber('_v')}, ${list}), ','), ']')`,
  allIntegers: (json) =>
    `(arrayAll(_p -> match(_p, '^(-?[0-9]+|null)$'), ${parts(json)}) AND arrayExists(_p -> match(_p, '^-?[0-9]+$'), ${parts(json)}))`,
  jsonNumber,
  jsonInteger: (x) => `if(isNull(${x}), 'null', toString(toInt64(assumeNotNull(${x}))))`,
  object: (entries) =>
    `concat('{', ${entries.map(([k, v], i) => `${escapeString(`${i ? ',' : ''}${JSON.stringify(k)}:`)}, ${v}`).join(', ')}, '}')`,
  len: (list) => `toInt64(length(${list}))`,
  // The index is made unsigned: 18.16 reads arrayElement(a, <constant Int64>) inside a lambda as element 0.
  at: (list, i) => `if((${i}) >= 0 AND (${i}) < length(${list}), arrayElement(${list}, toUInt64(assumeNotNull(${i})) + 1), NULL)`,
  build: (n, v, body) => `arrayMap(${v} -> ${body}, range(toUInt64(greatest(${n}, 0))))`,
  bind: (value, v, body) => `arrayElement(arrayMap(${v} -> ${body}, [${value}]), 1)`,
  sortedValues: (list) => `arraySort(arrayMap(_v -> assumeNotNull(_v), arrayFilter(_v -> isNotNull(_v), ${list})))`,
  sum: (list) => `arraySum(arrayMap(_v -> assumeNotNull(_v), arrayFilter(_v -> isNotNull(_v), ${list})))`,
  varianceSample: (list) => `arrayReduce('varSampStable', arrayMap(_v -> assumeNotNull(_v), arrayFilter(_v -> isNotNull(_v), ${list})))`,
  count: (list) => `toInt64(length(arrayFilter(_v -> isNotNull(_v), ${list})))`,
  indexOf: (list, x) => `(toInt64(indexOf(${list}, ${x})) - 1)`,
};
