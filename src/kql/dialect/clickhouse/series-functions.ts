/** ClickHouse spellings of the series hooks (groupArray, arrayMap and LIMIT n BY exist in 18.16). */
import type { SeriesFunctions } from '../series-functions.js';
import { formatDatetime } from './datetime-text.js';
import { jsonArrayOfNullable } from './functions.js';
import { bagKeyTypes } from './json-text.js';
import { textFunctions } from './text-functions.js';

/** Kusto's ISO text with 7 fraction digits ('2026-11-01T00:00:00.0000000Z') of an Int64 of microseconds. */
function isoTicks(us: string): string {
  const frac = `((${us} % 1000000 + 1000000) % 1000000)`;
  return `concat(${formatDatetime(us, '%Y-%m-%dT%H:%M:%S.')}, ${textFunctions.padLeft(`${frac} * 10`, 7)}, 'Z')`;
}

export const seriesFunctions: SeriesFunctions = {
  groupList: (x) => `groupArray(${x})`,
  seriesFill: (n, bins, values, fill) =>
    // 18.16 drops a subquery's column that only a lambda reads ("Unknown identifier"): the lists are read outside it too.
    `arrayMap(_i -> if(has(${bins}, _i), arrayElement(${values}, indexOf(${bins}, _i)), ${fill}), range(toUInt64(${n} + 0 * length(${bins}) + 0 * length(${values}))))`,
  seriesRange: (n, element, asDatetime) => {
    const e = element('_i');
    const value = asDatetime ? isoTicks(`toInt64(${e})`) : e;
    return `arrayMap(_i -> ${value}, range(toUInt64(${n})))`;
  },
  // make-series lists hold nulls where the default is null.
  listJson: (x) => jsonArrayOfNullable(x),
  // Never reached: capabilities.lateralJoins is false (no release has LATERAL).
  lateral: (left, subquery, alias) => `${left} CROSS JOIN (${subquery}) AS ${alias}`,
  bagKeyTypes,
  topPerGroup: (sql, partition, order, n, alias) =>
    `SELECT * FROM (${sql}) AS ${alias} ORDER BY ${[...partition, ...order].join(', ')} LIMIT ${n}${partition.length > 0 ? ` BY ${partition.join(', ')}` : ''}`,
};
