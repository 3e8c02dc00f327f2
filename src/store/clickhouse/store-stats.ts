/** The ClickHouse store's stats: rows, messages, time span and counts by status, direction and source. */
import { MESSAGE_AGGREGATE } from '../../schema/index.js';
import type { StoreStats } from '../store.js';
import type { Connection } from './connection.js';
import { q } from './ddl.js';

/** `traces`: the FROM of MessageTrace's current rows. */
export async function storeStats(db: Connection, traces: string): Promise<StoreStats> {
  // Distinct messages from their summary (each message once, in the hour of its first row: Previous = Received),
  // not uniqExact of the ids, which holds them all in memory.
  const totals = await db.select(
    `SELECT count(), (SELECT sum(Messages) FROM ${q(MESSAGE_AGGREGATE.name)} WHERE Previous = Received), min(Received), max(Received) FROM ${traces}`,
  );
  const [rows, messages, from, to] = totals.data[0]!.map(Number) as [number, number, number, number];
  const groups = async (col: string) => {
    const r = await db.select(`SELECT ${q(col)}, count() AS n FROM ${traces} GROUP BY ${q(col)} ORDER BY n DESC`);
    return Object.fromEntries(r.data.map(([k, n]) => [String(k), Number(n)]));
  };
  const iso = (us: number) => (rows === 0 ? null : new Date(Math.round(us / 1000)).toISOString());
  return {
    rows,
    messages,
    from: iso(from),
    to: iso(to),
    byStatus: await groups('Status'),
    byDirection: await groups('Direction'),
    bySource: await groups('Source'),
  };
}
