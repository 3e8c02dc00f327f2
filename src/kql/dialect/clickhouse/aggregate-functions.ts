/** ClickHouse spellings of the further aggregates. */
import type { AggregateFunctions } from '../aggregate-functions.js';

export const aggregateFunctions: AggregateFunctions = {
  stdev: (x) => `stddevSamp(${x})`,
  stdevp: (x) => `stddevPop(${x})`,
  variance: (x) => `varSamp(${x})`,
  variancep: (x) => `varPop(${x})`,
  makeSetIf: (x, p) => `toJSONString(arraySort(groupUniqArrayIf(${x}, ${p})))`,
  makeListIf: (x, p) => `toJSONString(groupArrayIf(${x}, ${p}))`,
  anyValueIf: (x, p) => `anyIf(${x}, ${p})`,
  makeBag: (x) => `concat('{', arrayStringConcat(arrayFilter(s -> s != '', groupArray(substring(${x}, 2, length(${x}) - 2))), ','), '}')`,
  percentilesArray: (x, fs) => `toJSONString(quantilesExactLow(${fs.join(', ')})(${x}))`,
};
