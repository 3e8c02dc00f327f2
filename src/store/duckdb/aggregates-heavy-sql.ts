/**
 * The heavy-value tables in DuckDB (HEAVY_AGGREGATES in src/schema/aggregates.ts): after the daily table they cut
 * (`of`) is exact for a write's days, the held values' rows of those days are summed again from it, and a value
 * that reached `minDayRows` on one of them for the first time is held with all its rows.
 */
import { HEAVY_AGGREGATES, type HeavyAggregateDef } from '../../schema/index.js';
import { quoteIdent } from './ddl.js';

/** Temporary table of the values a heavy table held before a write. */
const HELD = 'heavy_held';

const columns = (def: HeavyAggregateDef) => ['Received', ...def.dimensions, 'Rows', 'Bytes'].map(quoteIdent).join(', ');

/** The values of `def.key` with `minDayRows` rows or more on a day of `of` that `where` (on its rows) selects. */
function heavyValuesSql(def: HeavyAggregateDef, where: string): string {
  const key = quoteIdent(def.key);
  return `SELECT ${key} FROM ${quoteIdent(def.of)} WHERE ${where} GROUP BY "Received", ${key} HAVING sum("Rows") >= ${def.minDayRows}`;
}

/** The rows of `of` whose key is among `values` (a SELECT of one column) and that `where` selects, summed to `def`'s dimensions. */
function rowsOfSql(def: HeavyAggregateDef, values: string, where = 'true'): string {
  const dims = ['Received', ...def.dimensions].map(quoteIdent).join(', ');
  return `SELECT ${dims}, sum("Rows")::BIGINT AS "Rows", sum("Bytes")::BIGINT AS "Bytes" FROM ${quoteIdent(def.of)} WHERE ${where} AND ${quoteIdent(def.key)} IN (${values}) GROUP BY ${dims}`;
}

/** Every heavy table made again from its daily table (a store that had no rows, a migration). */
export function rebuildHeavySql(): string[] {
  return HEAVY_AGGREGATES.flatMap((def) => [
    `DELETE FROM ${quoteIdent(def.name)}`,
    `INSERT INTO ${quoteIdent(def.name)} (${columns(def)}) ${rowsOfSql(def, heavyValuesSql(def, 'true'))}`,
  ]);
}

/**
 * The days `days` (a parenthesised SELECT or list of day-start TIMESTAMPs) made again in every heavy table from its
 * daily table, which must be exact for them by then; values that became heavy on them are added with all their rows.
 */
export function refreshHeavySql(days: string): string[] {
  return HEAVY_AGGREGATES.flatMap((def) => {
    const table = quoteIdent(def.name);
    const key = quoteIdent(def.key);
    const onDays = `"Received" IN ${days}`;
    return [
      `CREATE OR REPLACE TEMP TABLE ${HELD} AS SELECT DISTINCT ${key} FROM ${table}`,
      `DELETE FROM ${table} WHERE ${onDays}`,
      `INSERT INTO ${table} (${columns(def)}) ${rowsOfSql(def, `SELECT ${key} FROM ${HELD}`, onDays)}`,
      `INSERT INTO ${table} (${columns(def)}) ${rowsOfSql(def, `${heavyValuesSql(def, onDays)} EXCEPT SELECT ${key} FROM ${HELD}`)}`,
      `DROP TABLE ${HELD}`,
    ];
  });
}

/** Retention: the days wholly before `cutoffMs` go (the day it cuts through is made again by the recount). */
export function dropHeavyBeforeSql(cutoffMs: number): string[] {
  return HEAVY_AGGREGATES.map((def) => {
    const start = Math.floor(cutoffMs / def.grainMs) * def.grainMs;
    return `DELETE FROM ${quoteIdent(def.name)} WHERE "Received" < make_timestamp(${start}::BIGINT * 1000)`;
  });
}

/**
 * A heavy table against what it must hold, in rows that differ: all the rows of `of` of the values it holds and of
 * those it must (`minDayRows` on some day). Its daily table is compared with a recount on its own.
 */
export function heavyDriftSql(def: HeavyAggregateDef): string {
  const key = quoteIdent(def.key);
  const held = `SELECT ${columns(def)} FROM ${quoteIdent(def.name)}`;
  const due = rowsOfSql(def, `SELECT ${key} FROM ${quoteIdent(def.name)} UNION ${heavyValuesSql(def, 'true')}`);
  return `SELECT count(*) FROM ((${due} EXCEPT ALL ${held}) UNION ALL (${held} EXCEPT ALL ${due}))`;
}
