/**
 * Rows of a SELECT kept for a group of queries (Store.materializeRows): a Memory table on the server this store
 * talks to, made from the answer the query gathered there (from every shard, through the Distributed tables), so
 * the queries that follow read it without FINAL. Dropped on release.
 */
import { randomUUID } from 'node:crypto';
import { keepAtMost } from '../keep-at-most.js';
import type { MaterializedRows } from '../store.js';
import { bindParams } from './bind-params.js';
import type { Connection } from './connection.js';
import { q } from './ddl.js';

export async function keepRows(
  db: Connection,
  sql: string,
  params: readonly unknown[],
  options: { maxRows: number; signal?: AbortSignal },
): Promise<MaterializedRows | undefined> {
  const name = q(`_kept_${randomUUID().replaceAll('-', '')}`);
  const make = async (limit: number) => {
    await db.command(
      `CREATE TABLE ${name} ENGINE = Memory AS SELECT * FROM (${bindParams(sql, params)}) AS kept LIMIT ${limit}`,
      options.signal,
    );
    return Number((await db.select(`SELECT count() FROM ${name}`, options.signal)).data[0]![0]);
  };
  return keepAtMost(options.maxRows, name, make, () => db.command(`DROP TABLE IF EXISTS ${name}`));
}
