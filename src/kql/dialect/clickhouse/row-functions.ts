/** ClickHouse spellings of the inline row sources: UNION ALL and arrayJoin (18.16 has no VALUES table function). */
import type { RowFunctions } from '../row-functions.js';
import { functions } from './functions.js';

// A number written in the query is the smallest type that holds it (2 is a UInt8): a column of numbers is made its
// KQL type, as IN and joins compare types exactly in 18.16 ("Types of column 1 in section IN don't match").
const NUMERIC = new Set(['long', 'int', 'real']);

export const rowFunctions: RowFunctions = {
  // The branches of a UNION ALL run in parallel: each row carries its place so the table keeps its written order,
  // which make_list, serialize and take read.
  valuesTable: (rows, names, alias, types) =>
    `(SELECT ${names.join(', ')} FROM (${rows
      .map(
        (r, n) =>
          `SELECT ${n} AS __row, ${r.map((v, i) => `${NUMERIC.has(types[i]!) ? functions.cast(v, types[i]!) : v} AS ${names[i]}`).join(', ')}`,
      )
      .join(' UNION ALL ')}) ORDER BY __row) AS ${alias}`,
  // range() takes no Nullable (the count of a range is computed through Nullable casts): a NULL count is no rows.
  series: (count, alias) => `(SELECT toInt64(arrayJoin(range(toUInt64(greatest(ifNull(${count}, 0), 0))))) AS i) AS ${alias}`,
};
