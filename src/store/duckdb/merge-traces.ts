/**
 * Merging a staged batch into MessageTrace inside the caller's transaction, the summary tables kept exact.
 * The stored keys of the batch are found once (a join reading only MessageTrace's key columns); a batch of
 * keys not stored yet (a new export, a fresh store) then needs neither the UPDATE nor the anti-join against
 * the whole table, and its rows are added to the summaries from the batch itself instead of a recount.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MessageTrace } from '../../schema/index.js';
import { countStagedMessages, recountHours, RETURNING_RECEIVED } from './aggregates.js';
import { countMergedStatesSql } from './aggregates-message-states-sql.js';
import { addCountsSql } from './aggregates-sql.js';
import { batchSpan, type BatchSpan } from './batch-span.js';
import { insertAllSql, notStoredSql, STORED_KEYS, STORED_OF_BATCH, storedKeysSql, storedOfBatchSql, updateTracesSql } from './merge-sql.js';

/** What a merge did: rows of the stage that updated a stored row, and rows inserted. */
export interface MergeResult {
  /** One per updated row: its MessageTraceId and RecipientAddress. */
  updatedKeys: [string, string][];
  /** The inserted rows' keys when asked for (`keys`), else empty. */
  insertedKeys: [string, string][];
  updated: number;
  ingested: number;
  /** The first and last Received of the stage (undefined: it had no rows). */
  span?: BatchSpan;
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
  // The stored rows of the batch's messages (read for the distinct-messages summary) hold every stored key of the
  // batch, a smaller table to find them in than MessageTrace.
  const keys = options.keysFrom ?? stage;
  // Stored rows are looked for near the batch's times only (LOOKUP_SLACK_MS), however long the store's span.
  const span = await batchSpan(c, keys);
  if (!span) return { updatedKeys: [], insertedKeys: [], updated: 0, ingested: 0 };
  await c.run(storedOfBatchSql(keys, span));
  await c.run(storedKeysSql(keys, STORED_OF_BATCH));
  const [stored, batch] = (await c.runAndReadAll(`SELECT (SELECT count(*) FROM ${STORED_KEYS}), (SELECT count(*) FROM ${keys})`))
    .getRowsJS()[0]!
    .map(Number) as [number, number];
  // The summary takes the batch's change first. Only new keys change it (a merge never changes a stored row's
  // time): a batch of stored keys alone (the same file again) leaves it as it is, and inserts nothing.
  const hasNew = batch > stored;
  if (hasNew) await countStagedMessages(c, keys);
  const changed =
    stored > 0
      ? (
          await c.runAndReadAll(`${updateTracesSql(stage)} RETURNING "MessageTraceId", "RecipientAddress", ${RETURNING_RECEIVED}`)
        ).getRowsJS()
      : [];
  const fresh = stored > 0 ? notStoredSql(stage) : stage;
  const insert = insertAllSql(MessageTrace, fresh);
  let insertedKeys: [string, string][] = [];
  let ingested = 0;
  if (hasNew && options.keys) {
    insertedKeys = (await c.runAndReadAll(`${insert} RETURNING "MessageTraceId", "RecipientAddress"`))
      .getRowsJS()
      .map((r) => [String(r[0]), String(r[1])]);
    ingested = insertedKeys.length;
  } else if (hasNew) {
    ingested = Number((await c.run(insert)).rowsChanged);
  }
  if (hasNew || changed.length > 0)
    for (const sql of countMergedStatesSql(stage, STORED_OF_BATCH, changed.length > 0, span)) await c.run(sql);
  if (changed.length > 0)
    await recountHours(
      c,
      stage,
      changed.map((r) => Number(r[2])),
    );
  else if (ingested > 0) for (const sql of addCountsSql(fresh, span)) await c.run(sql);
  await c.run(`DROP TABLE ${STORED_KEYS}`);
  await c.run(`DROP TABLE IF EXISTS ${STORED_OF_BATCH}`);
  return {
    updatedKeys: changed.map((r) => [String(r[0]), String(r[1])]),
    insertedKeys,
    updated: changed.length,
    ingested,
    span,
  };
}
