/**
 * The heavy-value tables in DuckDB (HEAVY_AGGREGATES in src/schema/aggregates.ts): after the daily table they cut
 * (`of`) is exact for a write's days, the held values' rows of those days are summed again from it, and a value
 * that reached `minDayRows` on one of them for the first time is held with all its rows. Their hourly twins
 * (HEAVY_HOURLY_AGGREGATES) then take the same days' hours of the values held, and every hour of a value just held.
 */
import {
  HEAVY_AGGREGATES,
  HEAVY_HOURLY_AGGREGATES,
  TRACE_AGGREGATES,
  type HeavyAggregateDef,
  type HeavyHourlyDef,
} from '../../schema/index.js';
import { summaryWindow, type BatchSpan } from './batch-span.js';
import { addDeltaSql, differingRowsSql, insertInTimeOrderSql } from './summary-sql.js';
import { quoteIdent } from './ddl.js';

/** Temporary tables of the values a heavy table held before a write, and of a batch's counts of them. */
const HELD = 'heavy_held';
const DELTA = 'heavy_delta';

/** A table holding the rows of `of` of some values of `key`, summed to its dimensions. */
export type Cut = HeavyAggregateDef | HeavyHourlyDef;

const columns = (def: Cut) => ['Received', ...def.dimensions, 'Rows', 'Bytes'].map(quoteIdent).join(', ');

/** The values of `def.key` with `minDayRows` rows or more on a day of `of` that `where` (on its rows) selects. */
function heavyValuesSql(def: HeavyAggregateDef, where: string): string {
  const key = quoteIdent(def.key);
  return `SELECT ${key} FROM ${quoteIdent(def.of)} WHERE ${where} GROUP BY "Received", ${key} HAVING sum("Rows") >= ${def.minDayRows}`;
}

/**
 * The rows of `of` whose key is among `values` (a SELECT of one column) and that `where` selects, summed to `def`'s
 * dimensions (copied as they are when it keeps all of `of`'s).
 */
function rowsOfSql(def: Cut, values: string, where = 'true'): string {
  const from = `FROM ${quoteIdent(def.of)} WHERE ${where} AND ${quoteIdent(def.key)} IN (${values})`;
  const whole = TRACE_AGGREGATES.find((d) => d.name === def.of)!.dimensions.length === def.dimensions.length;
  if (whole) return `SELECT ${columns(def)} ${from}`;
  const dims = ['Received', ...def.dimensions].map(quoteIdent).join(', ');
  return `SELECT ${dims}, sum("Rows")::BIGINT AS "Rows", sum("Bytes")::BIGINT AS "Bytes" ${from} GROUP BY ${dims}`;
}

/** The values the heavy table of `def` holds. */
const heldSql = (def: HeavyHourlyDef) => `SELECT DISTINCT ${quoteIdent(def.key)} FROM ${quoteIdent(def.heavy)}`;

/** Every heavy table (of `defs`) made again from its daily table (a store that had no rows, a migration). */
export function rebuildHeavyDailySql(defs: readonly HeavyAggregateDef[] = HEAVY_AGGREGATES): string[] {
  return defs.flatMap((def) => [
    `DELETE FROM ${quoteIdent(def.name)}`,
    insertInTimeOrderSql(quoteIdent(def.name), rowsOfSql(def, heavyValuesSql(def, 'true')), columns(def)),
  ]);
}

/** Every hourly twin made again from its hourly table, for the values its heavy table holds. */
export function rebuildHeavyHourlySql(): string[] {
  return HEAVY_HOURLY_AGGREGATES.flatMap((def) => [
    `DELETE FROM ${quoteIdent(def.name)}`,
    insertInTimeOrderSql(quoteIdent(def.name), rowsOfSql(def, heldSql(def)), columns(def)),
  ]);
}

/** The heavy tables, then their hourly twins, made again. */
export const rebuildHeavySql = (): string[] => [...rebuildHeavyDailySql(), ...rebuildHeavyHourlySql()];

/**
 * The days `days` (a parenthesised SELECT or list of day-start TIMESTAMPs) made again in every heavy table from its
 * daily table, which must be exact for them by then; values that became heavy on them are added with all their rows.
 */
export function refreshHeavySql(days: string): string[] {
  const daily = HEAVY_AGGREGATES.flatMap((def) => {
    const table = quoteIdent(def.name);
    const key = quoteIdent(def.key);
    const onDays = `"Received" IN ${days}`;
    return [
      `CREATE OR REPLACE TEMP TABLE ${HELD} AS SELECT DISTINCT ${key} FROM ${table}`,
      `DELETE FROM ${table} WHERE ${onDays}`,
      insertInTimeOrderSql(table, rowsOfSql(def, `SELECT ${key} FROM ${HELD}`, onDays), columns(def)),
      insertInTimeOrderSql(table, rowsOfSql(def, `${heavyValuesSql(def, onDays)} EXCEPT SELECT ${key} FROM ${HELD}`), columns(def)),
      `DROP TABLE ${HELD}`,
    ];
  });
  // The hourly twins: the days' hours of the values held now, and every other hour of those held since this write.
  const hourly = HEAVY_HOURLY_AGGREGATES.flatMap((def) => {
    const table = quoteIdent(def.name);
    const key = quoteIdent(def.key);
    const onDays = `date_trunc('day', "Received") IN ${days}`;
    return [
      `CREATE OR REPLACE TEMP TABLE ${HELD} AS SELECT DISTINCT ${key} FROM ${table} WHERE NOT (${onDays})`,
      `DELETE FROM ${table} WHERE ${onDays}`,
      insertInTimeOrderSql(table, rowsOfSql(def, heldSql(def), onDays), columns(def)),
      insertInTimeOrderSql(table, rowsOfSql(def, `${heldSql(def)} EXCEPT SELECT ${key} FROM ${HELD}`, `NOT (${onDays})`), columns(def)),
      `DROP TABLE ${HELD}`,
    ];
  });
  return [...daily, ...hourly];
}

/**
 * A batch of new rows only (no stored row changed): each heavy table and hourly twin adds the batch's counts of the
 * values it held (`deltas`: each summary table's counts of the batch, by table name, summed to its dimensions here),
 * then takes in with all their rows the values of the batch that reached `minDayRows` on one of `days` (within
 * `span`, the batch's). Copying the held values' days again (refreshHeavySql) gives the same, at the cost of every
 * held row of those days.
 */
export function addHeavyCountsSql(deltas: ReadonlyMap<string, string>, days: string, span: BatchSpan): string[] {
  const window = summaryWindow(span, 'a."Received"');
  return HEAVY_AGGREGATES.flatMap((def) => {
    const key = quoteIdent(def.key);
    const held = `SELECT ${key} FROM ${HELD}`;
    /** The batch's counts of the held values in `of`'s delta, summed to `cut`'s dimensions. */
    const heldDelta = (cut: Cut) => {
      const dims = ['Received', ...cut.dimensions].map(quoteIdent).join(', ');
      return `CREATE OR REPLACE TEMP TABLE ${DELTA} AS SELECT ${dims}, sum("Rows")::BIGINT AS "Rows", sum("Bytes")::BIGINT AS "Bytes" FROM ${deltas.get(cut.of)} WHERE ${key} IN (${held}) GROUP BY ${dims}`;
    };
    const twins = HEAVY_HOURLY_AGGREGATES.filter((h) => h.heavy === def.name);
    return [
      `CREATE OR REPLACE TEMP TABLE ${HELD} AS SELECT DISTINCT ${key} FROM ${quoteIdent(def.name)}`,
      heldDelta(def),
      ...addDeltaSql(def, DELTA, window),
      // Only a value not held whose rows the batch added can have become heavy on one of its days.
      insertInTimeOrderSql(
        quoteIdent(def.name),
        rowsOfSql(
          def,
          heavyValuesSql(
            def,
            `"Received" IN ${days} AND ${summaryWindow(span)} AND ${key} IN (SELECT ${key} FROM ${deltas.get(def.of)} EXCEPT ${held})`,
          ),
        ),
        columns(def),
      ),
      ...twins.flatMap((twin) => [
        heldDelta(twin),
        ...addDeltaSql(twin, DELTA, window),
        insertInTimeOrderSql(quoteIdent(twin.name), rowsOfSql(twin, `${heldSql(twin)} EXCEPT ${held}`), columns(twin)),
      ]),
      `DROP TABLE ${DELTA}`,
      `DROP TABLE ${HELD}`,
    ];
  });
}

/**
 * A heavy table (an hourly twin) against what it must hold, in rows that differ: the rows of `of` of the values it
 * holds and of those it must (a heavy table: those with `minDayRows` on some day; a twin: those its heavy table
 * holds). Its daily (hourly) table is compared with a recount on its own.
 */
export function heavyDriftSql(def: Cut): string {
  const mustHold = 'heavy' in def ? heldSql(def) : heavyValuesSql(def, 'true');
  const due = rowsOfSql(def, `SELECT ${quoteIdent(def.key)} FROM ${quoteIdent(def.name)} UNION ${mustHold}`);
  return differingRowsSql(`SELECT ${columns(def)} FROM ${quoteIdent(def.name)}`, due);
}
