/**
 * ClickHouse spellings of the functions over ordered rows (18.16 has no window functions): the rows, ordered by
 * their query, are one array of tuples (groupArray over a single ordered stream keeps that order), each function
 * an array made by array functions alone, and ARRAY JOIN makes the rows again. No lambda reads an array column
 * from outside (ClickHouse would copy it once per element): a value of another row is reached by shifting, sorting
 * or counting whole arrays.
 */
import type { WindowArrays } from '../window-arrays.js';
import { functions } from './functions.js';

/** 1 where the bool is true, 0 where false or null. */
const flags = (restart: string) => `arrayMap(f -> toUInt8(ifNull(f, 0) != 0), ${restart})`;

/** For each element, its place from 1 in the run of equal (contiguous) values of the nondecreasing `ids`. */
const placeInRun = (ids: string) => `arrayEnumerateUniq(${ids})`;

/** 1 where the value differs from the value before (null differing from every value but null), 0 on the first. */
const changes = (xs: string) =>
  `arrayMap((a, b) -> toUInt8(ifNull(${functions.distinctFrom('a', 'b')}, 0)), ${xs}, arrayConcat(arraySlice(${xs}, 1, 1), arrayPopBack(${xs})))`;

/**
 * Running sums of the Int64 `vs` that start again at each 1 of `starts`: the running sum less the running sum
 * before the segment's first row. Those are spread over their segments by summing their differences, put in the
 * segments' first rows by sorting on the rows' places. Exact in Int64 arithmetic.
 */
function segmentedSums(vs: string, starts: string): string {
  const all = `arrayCumSum(${vs})`;
  const first = `arrayMap((f, i) -> if(i = 1, toUInt8(1), f), ${starts}, arrayEnumerate(${starts}))`;
  const before = `arrayFilter((p, f) -> f, arrayMap((c, v) -> c - v, ${all}, ${vs}), ${first})`;
  const at = `arrayFilter((i, f) -> f, arrayEnumerate(${vs}), ${first})`;
  const others = `arrayFilter((i, f) -> NOT f, arrayEnumerate(${vs}), ${first})`;
  const spread = `arraySort((v, p) -> p, arrayConcat(arrayDifference(${before}), arrayResize([toInt64(0)], length(${others}))), arrayConcat(${at}, ${others}))`;
  return `arrayMap((c, b) -> c - b, ${all}, arrayCumSum(${spread}))`;
}

export const windowArrays: WindowArrays = {
  layer: (rows, names, values, index, windows) => {
    // The rows query names its values _wv1... (its columns after `names`).
    const tuple = [...names, ...Array.from({ length: values }, (_, i) => `_wv${i + 1}`)];
    const collected = `SELECT groupArray(tuple(${tuple.join(', ')})) AS _wrs FROM (${rows})`;
    // One array is joined, of one tuple per row (its columns, its place, its window values): a second array
    // would be copied into every row when the query reads none of its elements, and 18.16 moves a WHERE on a
    // joined name into the SELECT below, where that name would be the whole array.
    const parts = ['_wrs', 'arrayEnumerate(_wrs)', ...windows.map((w) => w.array('_wrs'))];
    const params = parts.map((_, i) => `_wp${i}`);
    const zipped = `arrayMap((${params.join(', ')}) -> tuple(${params.join(', ')}), ${parts.join(', ')})`;
    const columns = [
      ...names.map((n, i) => `tupleElement(tupleElement(_wz, 1), ${i + 1}) AS ${n}`),
      `tupleElement(_wz, 2) AS ${index}`,
      ...windows.map((w, i) => `tupleElement(_wz, ${i + 3}) AS ${w.name}`),
    ];
    return `SELECT ${columns.join(', ')} FROM (SELECT ${zipped} AS _wzs FROM (${collected})) ARRAY JOIN _wzs AS _wz`;
  },
  column: (all, k) => `arrayMap(t -> tupleElement(t, ${k}), ${all})`,
  rowNumber: (all, start, restart) =>
    `arrayMap(i -> toInt64(i) + ${start - 1}, ${restart === undefined ? `arrayEnumerate(${all})` : placeInRun(`arrayCumSum(${flags(restart)})`)})`,
  shift: (all, xs, offset, fallback, forward) => {
    const fill = `arrayResize([${fallback}], least(${offset}, length(${all})), ${fallback})`;
    return forward ? `arrayConcat(arraySlice(${xs}, ${offset + 1}), ${fill})` : `arrayResize(arrayConcat(${fill}, ${xs}), length(${all}))`;
  },
  cumsum: (xs, type, restart) => {
    // Nulls add nothing; the sum is null until the first value (as SQL's running SUM).
    const to = type === 'real' ? 'toFloat64' : 'toInt64';
    const vs = `arrayMap(v -> ifNull(${to}(v), 0), ${xs})`;
    const seen = `arrayMap(v -> toInt64(isNotNull(v)), ${xs})`;
    if (restart === undefined) return `arrayMap((c, m) -> if(m = 0, NULL, c), arrayCumSum(${vs}), arrayCumSum(${seen}))`;
    // A real's sum less a sum is not the sum of the segment's values in floating point: not exact, not done.
    if (type === 'real') return undefined;
    const starts = flags(restart);
    return `arrayMap((c, m) -> if(m = 0, NULL, c), ${segmentedSums(vs, starts)}, ${segmentedSums(seen, starts)})`;
  },
  rank: (all, xs, min, restart) => {
    const starts = restart === undefined ? undefined : flags(restart);
    if (!min) {
      // +1 at each change, back to 1 at each start: a running sum kept from going below 0 forgets the rows before.
      const steps =
        starts === undefined
          ? `arrayMap(c -> toInt64(c), ${changes(xs)})`
          : `arrayMap((c, s) -> if(s = 1, toInt64(-4611686018427387904), toInt64(c)), ${changes(xs)}, ${starts})`;
      return `arrayMap(r -> r + 1, arrayCumSumNonNegative(arrayMap((v, i) -> if(i = 1, toInt64(0), v), ${steps}, arrayEnumerate(${all}))))`;
    }
    // The row's number in its segment, less its place in its run of equal values, plus 1: the run's first row number.
    const runs =
      starts === undefined ? `arrayCumSum(${changes(xs)})` : `arrayCumSum(arrayMap((c, s) -> toUInt64(c OR s), ${changes(xs)}, ${starts}))`;
    const numbers = starts === undefined ? `arrayEnumerate(${all})` : placeInRun(`arrayCumSum(${starts})`);
    return `arrayMap((n, p) -> toInt64(n) - toInt64(p) + 1, ${numbers}, ${placeInRun(runs)})`;
  },
};
