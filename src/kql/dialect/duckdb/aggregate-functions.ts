/** DuckDB spellings of the further aggregates. */
import type { AggregateFunctions } from '../aggregate-functions.js';

export const aggregateFunctions: AggregateFunctions = {
  stdev: (x) => `stddev_samp(${x})`,
  stdevp: (x) => `stddev_pop(${x})`,
  variance: (x) => `var_samp(${x})`,
  variancep: (x) => `var_pop(${x})`,
  makeSetIf: (x, p) => `to_json(coalesce(list(DISTINCT ${x} ORDER BY ${x}) FILTER (WHERE ${p}), []))`,
  makeListIf: (x, p) => `to_json(coalesce(list(${x}) FILTER (WHERE ${p}), []))`,
  anyValueIf: (x, p) => `any_value(${x}) FILTER (WHERE ${p})`,
  makeBag: (x) =>
    `coalesce(list_reduce(list(${x}) FILTER (WHERE json_type(${x}) = 'OBJECT'), (_a, _b) -> json_merge_patch(_a, _b)), '{}'::JSON)`,
  percentilesArray: (x, fs) => `to_json(quantile_disc(${x}, [${fs.join(', ')}]))`,
};
