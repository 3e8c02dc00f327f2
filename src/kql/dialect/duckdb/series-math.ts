/** DuckDB spellings of the series arithmetic hooks (lists and list lambdas). */
import type { SeriesMath } from '../series-math.js';
import { escapeString } from './escape.js';

export const seriesMath: SeriesMath = {
  doubles: (json) => `from_json(${json}, '["double"]')`,
  json: (list, integers) => (integers ? `to_json(list_transform(${list}, _v -> CAST(trunc(_v) AS BIGINT)))` : `to_json(${list})`),
  allIntegers: (json) =>
    `coalesce(list_bool_and(list_transform(from_json(${json}, '["json"]'), _v -> coalesce(json_type(_v), 'NULL') IN ('BIGINT', 'UBIGINT', 'NULL'))) AND list_bool_or(list_transform(from_json(${json}, '["json"]'), _v -> coalesce(json_type(_v), 'NULL') IN ('BIGINT', 'UBIGINT'))), false)`,
  jsonNumber: (x) => `coalesce(to_json(CAST(${x} AS DOUBLE)), CAST('null' AS JSON))`,
  jsonInteger: (x) => `coalesce(to_json(CAST(${x} AS BIGINT)), CAST('null' AS JSON))`,
  object: (entries) => `json_object(${entries.map(([k, v]) => `${escapeString(k)}, ${v}`).join(', ')})`,
  len: (list) => `len(${list})`,
  // list_extract counts from the end for negative positions: those are outside the series here.
  at: (list, i) => `CASE WHEN (${i}) >= 0 THEN list_extract(${list}, (${i}) + 1) END`,
  build: (n, v, body) => `list_transform(range(CAST(greatest(${n}, 0) AS BIGINT)), ${v} -> ${body})`,
  bind: (value, v, body) => `list_extract(list_transform([${value}], ${v} -> ${body}), 1)`,
  sortedValues: (list) => `list_sort(list_filter(${list}, _v -> _v IS NOT NULL))`,
  sum: (list) => `coalesce(list_sum(${list}), 0)`,
  varianceSample: (list) => `list_var_samp(${list})`,
  count: (list) => `list_count(${list})`,
  indexOf: (list, x) => `(coalesce(list_position(${list}, ${x}), 0) - 1)`,
};
