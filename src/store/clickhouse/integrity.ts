/**
 * The ClickHouse store's own health check: every table answers a read, and no replica of its database is read-only
 * or has lost its ZooKeeper session. Versions of a key are merged by FINAL on every read, so duplicate keys are no
 * problem here (the DuckDB store checks for them).
 */
import { Findings, Indicators, IntelMatches, MessageEvents, MessageTrace, Watchlist } from '../../schema/index.js';
import { aggregateProblems } from './aggregates.js';
import { heavyProblems } from './aggregates-heavy.js';
import { messageProblems } from './aggregates-messages.js';
import { messageStateProblems } from './aggregates-message-states.js';
import { firstLine, type Connection } from './connection.js';
import { q } from './ddl.js';

export async function checkIntegrity(db: Connection): Promise<string[]> {
  const problems: string[] = [];
  for (const table of [MessageTrace, MessageEvents, Indicators, IntelMatches, Watchlist, Findings]) {
    try {
      await db.select(`SELECT count() FROM ${q(table.name)}`);
    } catch (e) {
      problems.push(`${table.name} cannot be read: ${firstLine(e)}`);
    }
  }
  const replicas = await db
    .select(
      'SELECT table, replica_name, is_readonly, is_session_expired FROM system.replicas WHERE database = currentDatabase() AND (is_readonly OR is_session_expired)',
    )
    .catch((e: unknown) => ({ data: [] as unknown[][], error: e }));
  if ('error' in replicas) problems.push(`the replicas cannot be listed: ${firstLine(replicas.error)}`);
  for (const [table, replica, readonly, expired] of replicas.data)
    problems.push(
      `replica ${String(replica)} of ${String(table)} is ${Number(expired) ? 'without its ZooKeeper session' : Number(readonly) ? 'read-only' : 'unhealthy'}`,
    );
  problems.push(
    ...(await aggregateProblems(db)),
    ...(await heavyProblems(db)),
    ...(await messageProblems(db)),
    ...(await messageStateProblems(db)),
  );
  return problems;
}
