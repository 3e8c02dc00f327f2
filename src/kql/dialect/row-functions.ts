/** Dialect hooks for rows that come from the query itself (datatable, range). `x` are SQL fragments. */
import type { ColumnType } from '../../schema/index.js';

/** SQL spellings of inline row sources. */
export interface RowFunctions {
  /** A FROM item holding `rows` (each a list of SQL values) as columns `names` (quoted identifiers) of KQL `types`. */
  valuesTable(rows: readonly (readonly string[])[], names: readonly string[], alias: string, types: readonly ColumnType[]): string;
  /** A FROM item with one BIGINT column `i` counting 0 .. count-1 (none when count < 1). */
  series(count: string, alias: string): string;
}
