/** Intel matching's reads in DuckDB: distinct values of an entity column, then counts for the matched ones. */
import { MessageTrace } from '../../schema/index.js';
import type { EntityColumn, EntityValueStats, QueryResult, TimeWindow } from '../store.js';
import { quoteIdent } from './ddl.js';

type Read = (sql: string, params: readonly unknown[]) => Promise<QueryResult>;

/** Matched values per statement: few scans, quick to bind. */
const CHUNK = 5000;

function windowSql(window: TimeWindow, params: unknown[]): string {
  const where: string[] = [];
  if (window.from !== undefined) {
    params.push(new Date(window.from).toISOString());
    where.push(`"Received" >= CAST($${params.length} AS TIMESTAMP)`);
  }
  if (window.to !== undefined) {
    params.push(new Date(window.to).toISOString());
    where.push(`"Received" < CAST($${params.length} AS TIMESTAMP)`);
  }
  return where.map((w) => ` AND ${w}`).join('');
}

/** Distinct non-empty values of a column over a window. */
export async function distinctValues(read: Read, column: EntityColumn, window: TimeWindow = {}): Promise<string[]> {
  const params: unknown[] = [];
  const col = quoteIdent(column);
  const r = await read(
    `SELECT DISTINCT ${col} FROM ${quoteIdent(MessageTrace.name)} WHERE ${col} <> ''${windowSql(window, params)}`,
    params,
  );
  return r.rows.map((row) => String(row[0]));
}

/** Distinct messages, first and last time per value. */
export async function entityValueStats(
  read: Read,
  column: EntityColumn,
  values: readonly string[],
  window: TimeWindow = {},
): Promise<EntityValueStats[]> {
  const out: EntityValueStats[] = [];
  const col = quoteIdent(column);
  for (let start = 0; start < values.length; start += CHUNK) {
    const params: unknown[] = [];
    const win = windowSql(window, params);
    const marks = values.slice(start, start + CHUNK).map((v) => {
      params.push(v);
      return `$${params.length}`;
    });
    const r = await read(
      `SELECT ${col}, count(DISTINCT "MessageTraceId"), min("Received"), max("Received") FROM ${quoteIdent(MessageTrace.name)} ` +
        `WHERE ${col} IN (${marks.join(', ')})${win} GROUP BY 1`,
      params,
    );
    for (const [value, messages, first, last] of r.rows)
      out.push({ value: String(value), messages: Number(messages), first: String(first), last: String(last) });
  }
  return out;
}
