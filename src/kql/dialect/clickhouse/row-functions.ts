/** ClickHouse spellings of the inline row sources: UNION ALL and arrayJoin (18.16 has no VALUES table function). */
import type { RowFunctions } from '../row-functions.js';

export const rowFunctions: RowFunctions = {
  valuesTable: (rows, names, alias) =>
    `(${rows.map((r) => `SELECT ${r.map((v, i) => `${v} AS ${names[i]}`).join(', ')}`).join(' UNION ALL ')}) AS ${alias}`,
  series: (count, alias) => `(SELECT arrayJoin(range(toUInt64(greatest(${count}, 0)))) AS i) AS ${alias}`,
};
