/**
 * Rows of a SELECT kept for a group of queries (Store.materializeRows): a Memory table on the server this store
 * talks to, made from the answer the query gathered there (from every shard, through the Distributed tables), so
 * the queries that follow read it without FINAL. Dropped on release; the tables of a process that stopped before
 * releasing them are dropped by a later keep, once they are an hour old.
 */
import { randomUUID } from 'node:crypto';
import { keepAtMost } from '../keep-at-most.js';
import type { MaterializedRows } from '../store.js';
import { bindParams } from './bind-params.js';
import type { Connection } from './connection.js';
import { q } from './ddl.js';

/** A kept table's name: when it was made (ms since the epoch), then a random part. */
const KEPT_NAME = /^_kept_(\d+)_[0-9a-f]{32}$/;
/** No dashboard request keeps rows for so long (its queries time out well before): older tables were left behind. */
export const KEPT_STALE_MS = 3_600_000;
/** How often one connection looks for tables left behind. */
const SWEEP_EVERY_MS = 600_000;
const lastSweep = new WeakMap<Connection, number>();

/**
 * Drop the kept tables of this database older than KEPT_STALE_MS (a server stopped between keeping and releasing
 * them). Other servers' tables are younger than that while in use. A failure here does not stop the keep.
 */
async function dropLeftBehind(db: Connection, now: number): Promise<void> {
  if (now - (lastSweep.get(db) ?? Number.NEGATIVE_INFINITY) < SWEEP_EVERY_MS) return;
  lastSweep.set(db, now);
  try {
    const r = await db.select(`SELECT name FROM system.tables WHERE database = currentDatabase() AND startsWith(name, '_kept_')`);
    for (const [name] of r.data) {
      const made = KEPT_NAME.exec(String(name));
      if (made && now - Number(made[1]) > KEPT_STALE_MS) await db.command(`DROP TABLE IF EXISTS ${q(String(name))}`);
    }
  } catch {
    // Left for the next sweep.
  }
}

export async function keepRows(
  db: Connection,
  sql: string,
  params: readonly unknown[],
  options: { maxRows: number; signal?: AbortSignal },
): Promise<MaterializedRows | undefined> {
  const now = Date.now();
  await dropLeftBehind(db, now);
  const name = q(`_kept_${now}_${randomUUID().replaceAll('-', '')}`);
  const make = async (limit: number) => {
    await db.command(
      `CREATE TABLE ${name} ENGINE = Memory AS SELECT * FROM (${bindParams(sql, params)}) AS kept LIMIT ${limit}`,
      options.signal,
    );
    return Number((await db.select(`SELECT count() FROM ${name}`, options.signal)).data[0]![0]);
  };
  return keepAtMost(options.maxRows, name, make, () => db.command(`DROP TABLE IF EXISTS ${name}`));
}
