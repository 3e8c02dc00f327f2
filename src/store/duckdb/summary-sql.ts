/**
 * SQL shared by every summary table in DuckDB (the summaries of src/schema/aggregates.ts, the distinct-message ones
 * and the heavy-value tables): adding a write's counts, and comparing a table with what it must hold.
 */
import type { TraceAggregateDef } from '../../schema/index.js';
import { quoteIdent } from './ddl.js';

/**
 * Add the counts of `delta` (rows of the table's columns, one per group) to the groups of `def`'s table: summed where
 * it has them, inserted where not. `window`, a condition on the table's rows (alias a) that holds for every group of
 * the delta, spares reading the rest of the table.
 */
export function addDeltaSql(def: TraceAggregateDef, delta: string, window = 'true'): string[] {
  const dims = def.dimensions.map(quoteIdent).join(', ');
  const match = ['Received', ...def.dimensions].map((c) => `a.${quoteIdent(c)} = d.${quoteIdent(c)}`).join(' AND ');
  const table = quoteIdent(def.name);
  return [
    `UPDATE ${table} AS a SET "Rows" = a."Rows" + d."Rows", "Bytes" = a."Bytes" + d."Bytes" FROM ${delta} AS d WHERE ${match} AND ${window}`,
    insertInTimeOrderSql(
      table,
      `SELECT d."Received", ${def.dimensions.map((c) => `d.${quoteIdent(c)}`).join(', ')}, d."Rows", d."Bytes" FROM ${delta} AS d ANTI JOIN (SELECT * FROM ${table} AS a WHERE ${window}) AS a ON ${match}`,
      `"Received", ${dims}, "Rows", "Bytes"`,
    ),
  ];
}

/**
 * INSERT of `select` (rows with a Received column) into the summary table `table` (quoted; its `columns` when given)
 * in time order. A GROUP BY hands its groups out in hash order, so a month of summary rows written as they come
 * leaves every row group spanning the month, and a read of a few hours scans the whole table (the hourly domains of
 * the 98.5M-row month: 7.4M rows for 23 hours); in time order, the zone maps skip all but the row groups of those
 * hours.
 */
export function insertInTimeOrderSql(table: string, select: string, columns?: string): string {
  return `INSERT INTO ${table}${columns ? ` (${columns})` : ''} SELECT * FROM (${select}) ORDER BY "Received"`;
}

/** How many rows of `held` and `due` (two SELECTs of the same columns) are not matched one for one by the other (0: equal). */
export function differingRowsSql(held: string, due: string): string {
  return `SELECT count(*) FROM (((${due}) EXCEPT ALL (${held})) UNION ALL ((${held}) EXCEPT ALL (${due})))`;
}
