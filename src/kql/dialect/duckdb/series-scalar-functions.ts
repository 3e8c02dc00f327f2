/** DuckDB SQL of the series_* functions over make-series arrays (JSON arrays of numbers, read as lists of doubles). */
import type { SimpleArg, SimpleFunctions } from '../simple-functions.js';

const numbers = (a: SimpleArg): string => `from_json(${a.sql}, '["double"]')`;
/** Element i (0-based) of list `l`, null past its end. */
const at = (l: string, i: string): string => `list_extract(${l}, ${i} + 1)`;
const elementwise = (op: string) => (args: readonly SimpleArg[]) => {
  const [a, b] = args.map(numbers);
  return `to_json(list_transform(range(greatest(len(${a}), len(${b}))), _i -> ${at(a!, '_i')} ${op} ${at(b!, '_i')}))`;
};

/** Whether list element `x` is missing: null, or equal to the given placeholder. */
const missing = (x: string, placeholder: SimpleArg | undefined): string =>
  placeholder ? `(${x} IS NULL OR ${x} = ${placeholder.sql})` : `${x} IS NULL`;

export const seriesScalarFunctions: SimpleFunctions = {
  series_stats_dynamic: ([s, ignore]) => {
    const l = numbers(s!);
    const stats = (v: (k: string) => string): string =>
      `json_object('min', ${v(`list_min(${l})`)}, 'min_idx', ${v(`list_position(${l}, list_min(${l})) - 1`)}, 'max', ${v(`list_max(${l})`)}, ` +
      `'max_idx', ${v(`list_position(${l}, list_max(${l})) - 1`)}, 'avg', ${v(`list_avg(${l})`)}, 'stdev', ${v(`list_stddev_samp(${l})`)}, ` +
      `'variance', ${v(`list_var_samp(${l})`)}, 'sum', ${v(`list_sum(${l})`)}, 'len', len(${l}))`;
    // Without ignore_nonfinite, a null in the series makes every statistic null (Kusto's documented default).
    const strict = ignore ? `NOT coalesce(${ignore.sql}, false)` : 'true';
    return `CASE WHEN ${strict} AND list_count(${l}) < len(${l}) THEN ${stats(() => 'NULL')} ELSE ${stats((x) => x)} END`;
  },
  series_fill_const: ([s, c, p]) =>
    `to_json(list_transform(${numbers(s!)}, _x -> CASE WHEN ${missing('_x', p)} THEN ${c!.sql} ELSE _x END))`,
  // The last (first) present value at or before (after) each element; missing ones at the start (end) stay.
  series_fill_forward: ([s, p]) => {
    const l = numbers(s!);
    return `to_json(list_transform(range(1, len(${l}) + 1), _i -> coalesce(list_last(list_filter(list_slice(${l}, 1, _i), _x -> NOT ${missing('_x', p)})), ${at(l, '_i - 1')})))`;
  },
  series_fill_backward: ([s, p]) => {
    const l = numbers(s!);
    return `to_json(list_transform(range(1, len(${l}) + 1), _i -> coalesce(list_first(list_filter(list_slice(${l}, _i, len(${l})), _x -> NOT ${missing('_x', p)})), ${at(l, '_i - 1')})))`;
  },
  series_add: elementwise('+'),
  series_subtract: elementwise('-'),
  series_multiply: elementwise('*'),
  series_divide: elementwise('/'),
};
