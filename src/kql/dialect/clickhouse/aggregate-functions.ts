/** ClickHouse spellings of the further aggregates. */
import type { AggregateFunctions } from '../aggregate-functions.js';
import { functions, jsonArray } from './functions.js';

export const aggregateFunctions: AggregateFunctions = {
  stdev: (x) => `stddevSamp(${x})`,
  stdevp: (x) => `stddevPop(${x})`,
  variance: (x) => `varSamp(${x})`,
  variancep: (x) => `varPop(${x})`,
  // 18.16 has no toJSONString: the values' JSON text, as make_set and make_list.
  makeSetIf: (x, p, type) => functions.makeSet(`if(${p}, ${x}, NULL)`, undefined, type),
  makeListIf: (x, p, type) => functions.makeList(`if(${p}, ${x}, NULL)`, undefined, type),
  anyValueIf: (x, p) => `anyIf(${x}, ${p})`,
  makeBag: (x) =>
    `concat('{', arrayStringConcat(arrayFilter(__s -> __s != '', groupArray(substring(${x}, 2, length(${x}) - 2))), ','), '}')`,
  percentilesArray: (x, fs) => jsonArray(`[${fs.map((f) => functions.percentile(x, f)).join(', ')}]`),
};
