/**
 * The summary tables of MessageTrace in DuckDB (src/schema/aggregates.ts): one row per hour (or day) and group,
 * and after each write the hours it touched are counted again from the rows, in the write's transaction, and the
 * days holding them summed again from the hourly twin. A recount is exact whatever the write did (new rows, a
 * newer status, a filled field, a late row, retention).
 */
import {
  AGGREGATE_GRAIN_MS,
  DAY_GRAIN_MS,
  HEAVY_AGGREGATES,
  HEAVY_HOURLY_AGGREGATES,
  MessageTrace,
  TRACE_AGGREGATES,
  hourlyTwin,
  type TraceAggregateDef,
} from '../../schema/index.js';
import { addDeltaSql, differingRowsSql, insertInTimeOrderSql } from './summary-sql.js';
import { addHeavyCountsSql, refreshHeavySql } from './aggregates-heavy-sql.js';
import { summaryWindow, type BatchSpan } from './batch-span.js';
import { quoteIdent, timestampAt } from './ddl.js';

/** Temporary table of the hours (TIMESTAMP, `h`) a write touched. */
export const TOUCHED = 'touched_hours';

const TRACES = quoteIdent(MessageTrace.name);

const daily = (def: TraceAggregateDef) => def.grainMs === DAY_GRAIN_MS;
const unitOf = (def: TraceAggregateDef) => (daily(def) ? 'day' : 'hour');

/** CREATE TABLE of one summary table. */
export function createAggregateSql(def: TraceAggregateDef): string {
  const dims = def.dimensions.map((d) => `${quoteIdent(d)} VARCHAR NOT NULL`);
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(def.name)} ("Received" TIMESTAMP NOT NULL, ${dims.join(', ')}, "Rows" BIGINT NOT NULL, "Bytes" BIGINT NOT NULL)`;
}

/** The measures of MessageTrace rows counted, and of summary rows summed. */
const COUNTED = 'count(*) AS "Rows", sum("Size") AS "Bytes"';
const SUMMED = 'sum("Rows") AS "Rows", sum("Bytes") AS "Bytes"';

/** `measures` per hour (or day) and `dims` of the rows of `from` (a table or delta, and its WHERE). */
function groupedSql(from: string, dims: readonly string[], unit: 'hour' | 'day', measures: string): string {
  return `SELECT date_trunc('${unit}', "Received") AS "Received", ${dims.map(quoteIdent).join(', ')}, ${measures} FROM ${from} GROUP BY ALL`;
}

/** The counted rows of one summary table, from MessageTrace rows passing `where`. */
function countSql(def: TraceAggregateDef, where: string): string {
  return groupedSql(`${TRACES} WHERE ${where}`, def.dimensions, unitOf(def), COUNTED);
}

/**
 * The rows of one summary table as a write keeps them: an hourly table counted from the MessageTrace rows passing
 * `where`, a daily table summed from its hourly twin's rows passing it (the twin is exact by then).
 */
function keptSql(def: TraceAggregateDef, where: string): string {
  return daily(def)
    ? groupedSql(`${quoteIdent(hourlyTwin(def).name)} WHERE ${where}`, def.dimensions, 'day', SUMMED)
    : countSql(def, where);
}

/** Replace the rows of `def` that `stale` selects (a WHERE, or all) with `select`. */
function replaceSql(def: TraceAggregateDef, stale: string, select: string): string[] {
  return [`DELETE FROM ${quoteIdent(def.name)}${stale ? ` WHERE ${stale}` : ''}`, insertInTimeOrderSql(quoteIdent(def.name), select)];
}

/**
 * The hourly tables of `defs` in the order a write counts them: those of the most dimensions first, each with the
 * smallest listed before it whose dimensions hold all of its own (TRACE_AGGREGATES lists them smallest first), whose
 * counts it is summed from instead of counting the rows again (the status and countries tables from the domains
 * table); a table without one is counted from the rows.
 */
function hourlyCountOrder(defs: readonly TraceAggregateDef[]): { def: TraceAggregateDef; finer?: TraceAggregateDef }[] {
  const hourly = defs.filter((def) => !daily(def)).sort((a, b) => b.dimensions.length - a.dimensions.length);
  return hourly.map((def, i) => {
    const counted = hourly.slice(0, i);
    const finer = TRACE_AGGREGATES.find((b) => counted.includes(b) && def.dimensions.every((d) => b.dimensions.includes(d)));
    return finer ? { def, finer } : { def };
  });
}

/**
 * Every summary table (or those of `defs`) counted again from all the rows (a store that had none): the hourly
 * ones first (hourlyCountOrder), then the daily ones from them.
 */
export function rebuildAggregatesSql(defs: readonly TraceAggregateDef[] = TRACE_AGGREGATES): string[] {
  return [
    ...hourlyCountOrder(defs).flatMap(({ def, finer }) =>
      replaceSql(def, '', finer ? groupedSql(quoteIdent(finer.name), def.dimensions, 'hour', SUMMED) : keptSql(def, 'true')),
    ),
    ...defs.filter(daily).flatMap((def) => replaceSql(def, '', keptSql(def, 'true'))),
  ];
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

/**
 * Count the touched hours [first, last] again in every hourly table (hourlyCountOrder: from the rows, or summed from a
 * finer table's hours just counted), then sum the days holding them again from the hourly twins.
 */
export function recountTouchedSql(first: number, last: number): string[] {
  const lo = timestampAt(first);
  const hi = timestampAt(last + AGGREGATE_GRAIN_MS);
  const where = `"Received" >= ${lo} AND "Received" < ${hi} AND date_trunc('hour', "Received") IN (SELECT h FROM ${TOUCHED})`;
  const days = `(SELECT DISTINCT date_trunc('day', h) FROM ${TOUCHED})`;
  const dayLo = `date_trunc('day', ${lo})`;
  const dayHi = `date_trunc('day', ${hi} - INTERVAL 1 MICROSECOND) + INTERVAL 1 DAY`;
  const inDays = `"Received" >= ${dayLo} AND "Received" < ${dayHi} AND date_trunc('day', "Received") IN ${days}`;
  const hours = `"Received" IN (SELECT h FROM ${TOUCHED})`;
  return [
    ...hourlyCountOrder(TRACE_AGGREGATES).flatMap(({ def, finer }) =>
      replaceSql(
        def,
        hours,
        finer ? groupedSql(`${quoteIdent(finer.name)} WHERE ${hours}`, def.dimensions, 'hour', SUMMED) : keptSql(def, where),
      ),
    ),
    ...TRACE_AGGREGATES.filter(daily).flatMap((def) => replaceSql(def, `"Received" IN ${days}`, keptSql(def, inDays))),
    ...refreshHeavySql(days),
  ];
}

/**
 * Retention: drop the summary rows (and the heavy tables' rows) of hours (days) wholly before `cutoffMs` (the one it
 * falls in is recounted).
 */
export function dropHoursBeforeSql(cutoffMs: number): string[] {
  return [...TRACE_AGGREGATES, ...HEAVY_AGGREGATES, ...HEAVY_HOURLY_AGGREGATES].map((def) => {
    const start = Math.floor(cutoffMs / def.grainMs) * def.grainMs;
    return `DELETE FROM ${quoteIdent(def.name)} WHERE "Received" < ${timestampAt(start)}`;
  });
}

/** The summary tables as they should be: a recount of all rows, each table minus what it holds (empty when exact). */
export function aggregateDriftSql(def: TraceAggregateDef): string {
  const cols = ['Received', ...def.dimensions, 'Rows', 'Bytes'].map(quoteIdent).join(', ');
  const held = `SELECT ${cols} FROM ${quoteIdent(def.name)}`;
  const counted = countSql(def, 'true');
  return differingRowsSql(held, counted);
}

/**
 * Add the counts of `source` (rows just inserted, none of them stored before, Received within `span`) to every
 * summary table, reading only the summary rows of the span's days: the hourly tables in hourlyCountOrder, each
 * counted from the batch or summed from a finer table's counts of it (the domains table's groups counted once, the
 * status and countries tables summed from them); a daily table is its hourly twin's counts summed per day.
 * Each table's counts are made once into a temporary table, then added to the groups it holds and inserted as the
 * groups it lacks. Adding is exact when the write changed no stored row (an update can move a row between groups:
 * that needs recountTouchedSql).
 */
export function addCountsSql(source: string, span: BatchSpan): string[] {
  const deltas = new Map<TraceAggregateDef, string>();
  const statements: string[] = [];
  const made = (def: TraceAggregateDef, select: string) => {
    const name = `aggregate_delta_${deltas.size}`;
    deltas.set(def, name);
    statements.push(`CREATE OR REPLACE TEMP TABLE ${name} AS ${select}`, ...addDeltaSql(def, name, summaryWindow(span, 'a."Received"')));
  };
  for (const { def, finer } of hourlyCountOrder(TRACE_AGGREGATES))
    made(
      def,
      finer
        ? groupedSql(deltas.get(finer)!, def.dimensions, 'hour', SUMMED)
        : groupedSql(`${source} AS x`, def.dimensions, 'hour', COUNTED),
    );
  for (const def of TRACE_AGGREGATES.filter(daily)) made(def, groupedSql(deltas.get(hourlyTwin(def))!, def.dimensions, 'day', SUMMED));
  // The heavy tables add the counts of the values they hold, and take in the values that became heavy.
  const byName = new Map([...deltas].map(([def, delta]) => [def.name, delta]));
  const dayDelta = [...deltas].find(([def]) => daily(def))![1];
  statements.push(...addHeavyCountsSql(byName, `(SELECT DISTINCT "Received" FROM ${dayDelta})`, span));
  statements.push(...[...deltas.values()].map((d) => `DROP TABLE ${d}`));
  return statements;
}
