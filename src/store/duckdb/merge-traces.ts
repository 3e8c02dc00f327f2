/**
 * Merging a staged batch into MessageTrace inside the caller's transaction, the summary tables kept exact.
 * The stored keys of the batch are found once (a join reading only MessageTrace's key columns); a batch of
 * keys not stored yet (a new export, a fresh store) then needs neither the UPDATE nor the anti-join against
 * the whole table, and its rows are added to the summaries from the batch itself instead of a recount.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MessageTrace } from '../../schema/index.js';
import { countStagedMessages, recountHours, RETURNING_RECEIVED } from './aggregates.js';
import { STORED_OF_BATCH } from './aggregates-messages-sql.js';
import { addCountsSql } from './aggregates-sql.js';
import { insertAllSql, notStoredSql, STORED_KEYS, storedKeysSql, updateTracesSql } from './merge-sql.js';

/** What a merge did: rows of the stage that updated a stored row, and rows inserted. */
export interface MergeResult {
  /** One per updated row: its MessageTraceId and RecipientAddress. */
  updatedKeys: [string, string][];
  /** The inserted rows' keys when asked for (`keys`), else empty. */
  insertedKeys: [string, string][];
  updated: number;
  ingested: number;
}

/**
 * Merge `stage` (rows of MessageTrace's columns, unique by key) into MessageTrace. `keysFrom` is a table with the
 * same keys as the stage that is cheaper to read (e.g. the raw rows under an enriching view).
 */
export async function mergeTraceStage(
  c: DuckDBConnection,
  stage: string,
  options: { keysFrom?: string; keys?: boolean } = {},
): Promise<MergeResult> {
  // The distinct-messages summary takes the batch's change first; the stored rows of its messages it reads hold
  // every stored key of the batch, a smaller table to find them in than MessageTrace.
  const keys = options.keysFrom ?? stage;
  await countStagedMessages(c, keys);
  await c.run(storedKeysSql(keys, STORED_OF_BATCH));
  const stored = Number((await c.runAndReadAll(`SELECT count(*) FROM ${STORED_KEYS}`)).getRowsJS()[0]![0]);
  const changed =
    stored > 0
      ? (
          await c.runAndReadAll(`${updateTracesSql(stage)} RETURNING "MessageTraceId", "RecipientAddress", ${RETURNING_RECEIVED}`)
        ).getRowsJS()
      : [];
  const fresh = stored > 0 ? notStoredSql(stage) : stage;
  const insert = insertAllSql(MessageTrace, fresh);
  let insertedKeys: [string, string][] = [];
  let ingested: number;
  if (options.keys) {
    insertedKeys = (await c.runAndReadAll(`${insert} RETURNING "MessageTraceId", "RecipientAddress"`))
      .getRowsJS()
      .map((r) => [String(r[0]), String(r[1])]);
    ingested = insertedKeys.length;
  } else {
    ingested = Number((await c.run(insert)).rowsChanged);
  }
  if (changed.length > 0)
    await recountHours(
      c,
      stage,
      changed.map((r) => Number(r[2])),
    );
  else if (ingested > 0) for (const sql of addCountsSql(fresh)) await c.run(sql);
  await c.run(`DROP TABLE ${STORED_KEYS}`);
  await c.run(`DROP TABLE IF EXISTS ${STORED_OF_BATCH}`);
  return {
    updatedKeys: changed.map((r) => [String(r[0]), String(r[1])]),
    insertedKeys,
    updated: changed.length,
    ingested,
  };
}
