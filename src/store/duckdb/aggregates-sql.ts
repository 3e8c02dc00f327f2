/**
 * The summary tables of MessageTrace in DuckDB (src/schema/aggregates.ts): one row per hour and group, and after
 * each write the hours it touched are counted again from the rows, in the write's transaction. A recount is
 * exact whatever the write did (new rows, a newer status, a filled field, a late row, retention).
 */
import { AGGREGATE_GRAIN_MS, MessageTrace, TRACE_AGGREGATES, type TraceAggregateDef } from '../../schema/index.js';
import { quoteIdent } from './ddl.js';

/** Temporary table of the hours (TIMESTAMP, `h`) a write touched. */
export const TOUCHED = 'touched_hours';

const TRACES = quoteIdent(MessageTrace.name);
const HOUR_US = AGGREGATE_GRAIN_MS * 1000;

/** CREATE TABLE of one summary table. */
export function createAggregateSql(def: TraceAggregateDef): string {
  const dims = def.dimensions.map((d) => `${quoteIdent(d)} VARCHAR NOT NULL`);
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(def.name)} ("Received" TIMESTAMP NOT NULL, ${dims.join(', ')}, "Rows" BIGINT NOT NULL, "Bytes" BIGINT NOT NULL)`;
}

/** Rows and bytes per hour and `dims` of the rows of `from` (a table, or a table and its WHERE). */
function hourlyCountsSql(from: string, dims: readonly string[]): string {
  return `SELECT date_trunc('hour', "Received") AS "Received", ${dims.map(quoteIdent).join(', ')}, count(*) AS "Rows", sum("Size") AS "Bytes" FROM ${from} GROUP BY ALL`;
}

/** The counted rows of one summary table, from MessageTrace rows passing `where`. */
function countSql(def: TraceAggregateDef, where: string): string {
  return hourlyCountsSql(`${TRACES} WHERE ${where}`, def.dimensions);
}

/** Every summary table (or those of `defs`) counted again from all the rows (a store that had none). */
export function rebuildAggregatesSql(defs: readonly TraceAggregateDef[] = TRACE_AGGREGATES): string[] {
  return defs.flatMap((def) => [`DELETE FROM ${quoteIdent(def.name)}`, `INSERT INTO ${quoteIdent(def.name)} ${countSql(def, 'true')}`]);
}

/** A new, empty table of touched hours. */
export const NEW_TOUCHED_SQL = `CREATE OR REPLACE TEMP TABLE ${TOUCHED} (h TIMESTAMP)`;

/** Add the hours of `select`'s single TIMESTAMP column (rows a write read or wrote). */
export function touchHoursOfSql(select: string): string {
  return `INSERT INTO ${TOUCHED} SELECT DISTINCT date_trunc('hour', t) FROM (${select}) AS x(t)`;
}

/** Add hours given as ms since the epoch (whole numbers made here, never text from outside). */
export function touchHoursSql(hoursMs: Iterable<number>): string | undefined {
  const list = [...new Set([...hoursMs].map((ms) => Math.floor(ms / AGGREGATE_GRAIN_MS) * AGGREGATE_GRAIN_MS))];
  if (list.length === 0) return undefined;
  return `INSERT INTO ${TOUCHED} SELECT make_timestamp(ms * 1000) FROM unnest([${list.map((n) => `${n}::BIGINT`).join(', ')}]) AS u(ms)`;
}

/** The first and last touched hour as ms (to bound the recount's scan), or undefined when none. */
export const TOUCHED_SPAN_SQL = `SELECT epoch_ms(min(h)), epoch_ms(max(h)) FROM ${TOUCHED}`;

/** Count the touched hours [first, last] again in every summary table. */
export function recountTouchedSql(first: number, last: number): string[] {
  const lo = `make_timestamp(${Math.trunc(first)}::BIGINT * 1000)`;
  const hi = `make_timestamp(${Math.trunc(last)}::BIGINT * 1000 + ${HOUR_US})`;
  const where = `"Received" >= ${lo} AND "Received" < ${hi} AND date_trunc('hour', "Received") IN (SELECT h FROM ${TOUCHED})`;
  return TRACE_AGGREGATES.flatMap((def) => [
    `DELETE FROM ${quoteIdent(def.name)} WHERE "Received" IN (SELECT h FROM ${TOUCHED})`,
    `INSERT INTO ${quoteIdent(def.name)} ${countSql(def, where)}`,
  ]);
}

/** Retention: drop the summary rows of hours wholly before `cutoffMs` (the hour it falls in is recounted). */
export function dropHoursBeforeSql(cutoffMs: number): string[] {
  const hour = Math.floor(cutoffMs / AGGREGATE_GRAIN_MS) * AGGREGATE_GRAIN_MS;
  return TRACE_AGGREGATES.map((def) => `DELETE FROM ${quoteIdent(def.name)} WHERE "Received" < make_timestamp(${hour}::BIGINT * 1000)`);
}

/** The summary tables as they should be: a recount of all rows, each table minus what it holds (empty when exact). */
export function aggregateDriftSql(def: TraceAggregateDef): string {
  const cols = ['Received', ...def.dimensions, 'Rows', 'Bytes'].map(quoteIdent).join(', ');
  const held = `SELECT ${cols} FROM ${quoteIdent(def.name)}`;
  const counted = countSql(def, 'true');
  return `SELECT count(*) FROM ((${counted} EXCEPT ALL ${held}) UNION ALL (${held} EXCEPT ALL ${counted}))`;
}

/** Temporary tables of what a batch of new rows adds: to the domains table, and to the one being added to. */
const DELTA = 'aggregate_delta';
const TABLE_DELTA = 'aggregate_table_delta';

/** The table whose dimensions hold every other's of `defs`: counted once, the others summed from it. */
const DOMAINS = TRACE_AGGREGATES.find((d) => d.name === 'MessageTraceHourlyDomains')!;

/**
 * Add the counts of `source` (rows just inserted, none of them stored before) to every summary table: the domains
 * table's groups are counted once from the batch and the coarser tables summed from them; a table with a dimension
 * it lacks (senders, subjects) is counted from the batch. Each table's counts are made once, then added to the
 * groups it holds and inserted as the groups it lacks. Adding is exact when the write changed no stored row (an
 * update can move a row between groups: that needs recountTouchedSql).
 */
export function addCountsSql(source: string): string[] {
  const statements = [`CREATE OR REPLACE TEMP TABLE ${DELTA} AS ${hourlyCountsSql(`${source} AS x`, DOMAINS.dimensions)}`];
  for (const def of TRACE_AGGREGATES) {
    const dims = def.dimensions.map(quoteIdent).join(', ');
    const coarser = def.dimensions.every((d) => DOMAINS.dimensions.includes(d));
    const delta = def === DOMAINS ? DELTA : TABLE_DELTA;
    if (def !== DOMAINS)
      statements.push(
        `CREATE OR REPLACE TEMP TABLE ${TABLE_DELTA} AS ${
          coarser
            ? `SELECT "Received", ${dims}, sum("Rows") AS "Rows", sum("Bytes") AS "Bytes" FROM ${DELTA} GROUP BY ALL`
            : hourlyCountsSql(`${source} AS x`, def.dimensions)
        }`,
      );
    const match = ['Received', ...def.dimensions].map((c) => `a.${quoteIdent(c)} = d.${quoteIdent(c)}`).join(' AND ');
    const table = quoteIdent(def.name);
    statements.push(
      `UPDATE ${table} AS a SET "Rows" = a."Rows" + d."Rows", "Bytes" = a."Bytes" + d."Bytes" FROM ${delta} AS d WHERE ${match}`,
      `INSERT INTO ${table} ("Received", ${dims}, "Rows", "Bytes") SELECT d."Received", ${def.dimensions.map((c) => `d.${quoteIdent(c)}`).join(', ')}, d."Rows", d."Bytes" FROM ${delta} AS d ANTI JOIN ${table} AS a ON ${match}`,
    );
  }
  statements.push(`DROP TABLE ${DELTA}`, `DROP TABLE IF EXISTS ${TABLE_DELTA}`);
  return statements;
}
