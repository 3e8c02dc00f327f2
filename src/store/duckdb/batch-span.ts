/**
 * The span of a batch's Received, and the parts of stored tables a write reads by it: MessageTrace within
 * LOOKUP_SLACK_MS of it (where the stored rows of its keys and messages are), and the summary rows its rows count
 * in. Bounds are constants, so DuckDB skips the row groups outside them by their min and max.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DAY_GRAIN_MS } from '../../schema/index.js';
import { LOOKUP_SLACK_MS } from '../trace-merge.js';
import { timestampAt } from './ddl.js';

/** The first and last Received of a batch, in ms since the epoch. */
export interface BatchSpan {
  from: number;
  to: number;
}

/** The span of `column` over the rows of `table` (a table or view); undefined when it has none. */
export async function batchSpan(c: DuckDBConnection, table: string, column = '"Received"'): Promise<BatchSpan | undefined> {
  const [from, to] = (await c.runAndReadAll(`SELECT epoch_ms(min(${column})), epoch_ms(max(${column})) FROM ${table}`)).getRowsJS()[0]!;
  return from === null || to === null ? undefined : { from: Number(from), to: Number(to) };
}

/** Stored MessageTrace rows (`column`: their Received) that can share a key or a message with the batch. */
export function lookupWindow(span: BatchSpan, column = '"Received"'): string {
  return `${column} BETWEEN ${timestampAt(span.from - LOOKUP_SLACK_MS)} AND ${timestampAt(span.to + LOOKUP_SLACK_MS + 1)}`;
}

/** Rows whose `column` lies within the span itself (a table whose key holds the time, MessageEvents). */
export function spanWindow(span: BatchSpan, column: string): string {
  return `${column} BETWEEN ${timestampAt(span.from)} AND ${timestampAt(span.to + 1)}`;
}

/** Rows of a summary table, hourly or daily (`column`: their Received), that the batch's rows count in. */
export function summaryWindow(span: BatchSpan, column = '"Received"'): string {
  return spanWindow({ from: Math.floor(span.from / DAY_GRAIN_MS) * DAY_GRAIN_MS, to: span.to }, column);
}
