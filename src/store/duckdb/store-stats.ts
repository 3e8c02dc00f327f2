/** The DuckDB store's stats: rows, messages, time span and counts by status, direction and source. */
import { MESSAGE_AGGREGATE, MessageTrace } from '../../schema/index.js';
import type { QueryResult, StoreStats } from '../store.js';
import { quoteIdent } from './ddl.js';

const TRACES = quoteIdent(MessageTrace.name);

export async function storeStats(query: (sql: string) => Promise<QueryResult>): Promise<StoreStats> {
  // Distinct messages from their summary (each message once, in the hour of its first row): a count(DISTINCT) of
  // the ids holds them all in memory, and runs out of it on a store of about 100M rows.
  const totals = await query(
    `SELECT count(*), (SELECT coalesce(sum("Messages"), 0) FROM ${quoteIdent(MESSAGE_AGGREGATE.name)} WHERE "Previous" IS NULL), min("Received"), max("Received") FROM ${TRACES}`,
  );
  const [rows, messages, from, to] = totals.rows[0] as [number, number | bigint, string | null, string | null];
  const groups = async (col: string) => {
    const r = await query(`SELECT ${quoteIdent(col)}, count(*) FROM ${TRACES} GROUP BY 1 ORDER BY 2 DESC`);
    return Object.fromEntries(r.rows.map(([k, n]) => [String(k), Number(n)]));
  };
  return {
    rows,
    messages: Number(messages),
    from,
    to,
    byStatus: await groups('Status'),
    byDirection: await groups('Direction'),
    bySource: await groups('Source'),
  };
}
