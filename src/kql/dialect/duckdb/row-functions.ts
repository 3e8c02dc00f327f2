/** DuckDB spellings of the inline row sources. */
import type { RowFunctions } from '../row-functions.js';

export const rowFunctions: RowFunctions = {
  valuesTable: (rows, names, alias) => `(VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}) AS ${alias}(${names.join(', ')})`,
  series: (count, alias) => `range(greatest(${count}, 0)) AS ${alias}(i)`,
};
