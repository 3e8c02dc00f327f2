/** ClickHouse spellings of the series hooks (groupArray, arrayMap and LIMIT n BY exist in 18.16). */
import type { SeriesFunctions } from '../series-functions.js';
import { jsonArray } from './functions.js';
import { isoText } from './output.js';

export const seriesFunctions: SeriesFunctions = {
  groupList: (x) => `groupArray(${x})`,
  seriesFill: (n, bins, values, fill) =>
    `arrayMap(_i -> if(has(${bins}, _i), arrayElement(${values}, indexOf(${bins}, _i)), ${fill}), range(toUInt64(${n})))`,
  seriesRange: (n, element, asDatetime) => {
    const e = element('_i');
    const value = asDatetime ? isoText(`toInt64(${e})`) : e;
    return `arrayMap(_i -> ${value}, range(toUInt64(${n})))`;
  },
  // A lambda inside another lambda cannot read a column in 18.16 ("Unknown identifier"): the JSON is made a layer later.
  listJson: (x) => jsonArray(x),
  // Never reached: capabilities.lateralJoins is false (no release has LATERAL).
  lateral: (left, subquery, alias) => `${left} CROSS JOIN (${subquery}) AS ${alias}`,
  // 18.16 has no JSON functions to list the keys of an object.
  bagKeyTypes: () => undefined,
  topPerGroup: (sql, partition, order, n, alias) =>
    `SELECT * FROM (${sql}) AS ${alias} ORDER BY ${[...partition, ...order].join(', ')} LIMIT ${n}${partition.length > 0 ? ` BY ${partition.join(', ')}` : ''}`,
};
