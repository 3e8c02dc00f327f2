/** Keeping the summary tables exact inside a write transaction of the DuckDB store (see aggregates-sql.ts). */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  DAY_GRAIN_MS,
  HEAVY_AGGREGATES,
  HEAVY_HOURLY_AGGREGATES,
  MESSAGE_AGGREGATE,
  MESSAGE_STATE_AGGREGATE,
  TRACE_AGGREGATES,
} from '../../schema/index.js';
import { heavyDriftSql, rebuildHeavySql } from './aggregates-heavy-sql.js';
import type { QueryResult } from '../store.js';
import {
  aggregateDriftSql,
  dropHoursBeforeSql,
  NEW_TOUCHED_SQL,
  rebuildAggregatesSql,
  recountTouchedSql,
  TOUCHED,
  TOUCHED_SPAN_SQL,
  touchHoursOfSql,
  touchHoursSql,
} from './aggregates-sql.js';
import { countStagedMessagesSql, messagesDriftSql, rebuildMessagesSql, trimMessagesSql } from './aggregates-messages-sql.js';
import { messageStatesDriftSql, rebuildMessageStatesSql, trimMessageStatesSql } from './aggregates-message-states-sql.js';
import { firstLine } from './engine-message.js';

/** What an UPDATE of MessageTrace returns so the hours of the rows it changed are known (their stored Received). */
export const RETURNING_RECEIVED = 'epoch_ms("Received")';

/** Every summary table counted again from all the rows, in order (a store that had none, or whose rows SQL changed). */
export const rebuildSummariesSql = (): string[] => [
  ...rebuildAggregatesSql(),
  ...rebuildHeavySql(),
  ...rebuildMessagesSql(),
  ...rebuildMessageStatesSql(),
];

/**
 * Count again, in every summary table, the hours of the rows of `stage` (a table or view with a Received column)
 * and the hours `updatedMs` (ms since the epoch) of stored rows an update changed.
 */
export async function recountHours(c: DuckDBConnection, stage: string | undefined, updatedMs: Iterable<number>): Promise<void> {
  await c.run(NEW_TOUCHED_SQL);
  if (stage) await c.run(touchHoursOfSql(`SELECT "Received" FROM ${stage}`));
  const more = touchHoursSql(updatedMs);
  if (more) await c.run(more);
  const [first, last] = (await c.runAndReadAll(TOUCHED_SPAN_SQL)).getRowsJS()[0]!;
  if (first !== null && first !== undefined) for (const sql of recountTouchedSql(Number(first), Number(last))) await c.run(sql);
  await c.run(`DROP TABLE ${TOUCHED}`);
}

/**
 * Before `stage` (a table or view with the columns of MessageTrace, one row per key) is merged into MessageTrace,
 * STORED_OF_BATCH made (storedOfBatchSql): the distinct-messages summary takes the change the merge makes to the
 * times of its messages' rows.
 */
export async function countStagedMessages(c: DuckDBConnection, stage: string): Promise<void> {
  for (const sql of countStagedMessagesSql(stage)) await c.run(sql);
}

/**
 * Retention: the summary rows of hours (days) before `cutoffMs` go; the hour it cuts through is counted again,
 * and the day holding it summed again.
 */
export async function trimAggregates(c: DuckDBConnection, cutoffMs: number): Promise<void> {
  for (const sql of dropHoursBeforeSql(cutoffMs)) await c.run(sql);
  for (const sql of trimMessagesSql(cutoffMs)) await c.run(sql);
  for (const sql of trimMessageStatesSql(cutoffMs)) await c.run(sql);
  if (cutoffMs % DAY_GRAIN_MS !== 0) await recountHours(c, undefined, [cutoffMs]);
}

/** Summary tables that differ from a recount of the rows (each named with how many of its rows differ). */
export async function aggregateProblems(query: (sql: string) => Promise<QueryResult>): Promise<string[]> {
  const problems: string[] = [];
  /** Rows of `sql` (a drift count), or the reason it could not run, said as a problem of `name`. */
  const drift = async (name: string, sql: string): Promise<number | undefined> => {
    try {
      return Number((await query(sql)).rows[0]?.[0] ?? 0);
    } catch (e) {
      problems.push(`${name} could not be compared with a recount of MessageTrace: ${firstLine(e)}`);
      return undefined;
    }
  };
  for (const def of TRACE_AGGREGATES) {
    const n = await drift(def.name, aggregateDriftSql(def));
    if (n)
      problems.push(
        `${def.name} differs from a recount of MessageTrace in ${n} rows (mailsift rebuilds it at the next write of those hours)`,
      );
  }
  for (const def of [...HEAVY_AGGREGATES, ...HEAVY_HOURLY_AGGREGATES]) {
    const n = await drift(def.name, heavyDriftSql(def));
    if (n) problems.push(`${def.name} differs from the rows of ${def.of} it must hold in ${n} rows`);
  }
  const n = await drift(MESSAGE_AGGREGATE.name, messagesDriftSql());
  if (n) problems.push(`${MESSAGE_AGGREGATE.name} differs from a recount of MessageTrace in ${n} rows`);
  const states = await drift(MESSAGE_STATE_AGGREGATE.name, messageStatesDriftSql());
  if (states) problems.push(`${MESSAGE_STATE_AGGREGATE.name} differs from a recount of MessageTrace in ${states} rows`);
  return problems;
}
