/**
 * The distinct-messages summary in DuckDB (MESSAGE_AGGREGATE in src/schema/aggregates.ts). A message's entries
 * depend only on the times of its rows, and a write never changes a stored row's time (a re-read record keeps its
 * first Received): so before a merge, the stored rows of the batch's messages and the batch's new keys give each
 * message's entries before and after it, and the difference is written in the same transaction.
 */
import { AGGREGATE_GRAIN_MS, MESSAGE_AGGREGATE, MessageTrace } from '../../schema/index.js';
import { quoteIdent, timestampAt } from './ddl.js';
import { STORED_OF_BATCH } from './merge-sql.js';
import { differingRowsSql, insertInTimeOrderSql } from './summary-sql.js';

const TABLE = quoteIdent(MESSAGE_AGGREGATE.name);
const TRACES = quoteIdent(MessageTrace.name);
/**
 * The stored rows of the batch's messages before its merge (STORED_OF_BATCH, merge-sql.ts), and temporary tables of
 * one write: the rows of the batch's messages after it, their entries, the change per hour.
 */
const OLD = STORED_OF_BATCH;
const NEW = 'msg_rows_new';
const NEW_ENTRIES = 'msg_entries_new';
const DELTA = 'msg_first_delta';

export const CREATE_MESSAGES_SQL = `CREATE TABLE IF NOT EXISTS ${TABLE} ("Received" TIMESTAMP NOT NULL, "Previous" TIMESTAMP, "MessageTraceId" VARCHAR, "Messages" BIGINT NOT NULL)`;

/** Each message's hours (hr) with the time of its last row before that hour (prev, NULL for its first hour). */
function entriesSql(rows: string): string {
  return `SELECT id, hr, lag(last) OVER (PARTITION BY id ORDER BY hr) AS prev FROM (SELECT "MessageTraceId" AS id, date_trunc('hour', "Received") AS hr, max("Received") AS last FROM ${rows} GROUP BY ALL)`;
}

/**
 * The same rows as entriesSql, found faster: a message whose rows are all in one hour (nearly all) has one entry,
 * that hour with no earlier row, found by one grouping by message; only the others go through their hours in order
 * (1M rows, the distinct-messages table recounted: 60 against 95 ms).
 */
function quickEntriesSql(rows: string): string {
  const hours = `SELECT "MessageTraceId" AS id, min(date_trunc('hour', "Received")) AS h1, max(date_trunc('hour', "Received")) AS h2 FROM ${rows} GROUP BY id`;
  const others = `(SELECT * FROM ${rows} WHERE "MessageTraceId" IN (SELECT id FROM m WHERE h1 <> h2))`;
  return `WITH m AS (${hours}) SELECT id, h1 AS hr, NULL::TIMESTAMP AS prev FROM m WHERE h1 = h2 UNION ALL ${entriesSql(others)}`;
}

/**
 * The table's rows as a count of the entries of `rows` (MessageTraceId, Received). The drift check counts them by
 * their definition (entriesSql) and writes count them with quickEntriesSql, so each holds the other.
 */
function countedSql(rows: string, entries: (rows: string) => string = entriesSql): string {
  return `SELECT hr AS "Received", prev AS "Previous", CASE WHEN prev IS NULL THEN NULL ELSE id END AS "MessageTraceId", count(*) AS "Messages" FROM (${entries(rows)}) GROUP BY ALL`;
}

const ALL_ROWS = TRACES;

/** The table counted again from all the rows. */
export function rebuildMessagesSql(): string[] {
  return [`DELETE FROM ${TABLE}`, insertInTimeOrderSql(TABLE, countedSql(ALL_ROWS, quickEntriesSql))];
}

/** Add DELTA (hr, d) to the counts of messages first seen in each hour (Previous NULL); counts of 0 go. */
const APPLY_DELTA_SQL = [
  `UPDATE ${TABLE} AS t SET "Messages" = t."Messages" + d.d FROM ${DELTA} AS d WHERE t."Received" = d.hr AND t."Previous" IS NULL`,
  insertInTimeOrderSql(
    TABLE,
    `SELECT d.hr AS "Received", NULL AS "Previous", NULL AS "MessageTraceId", d.d AS "Messages" FROM ${DELTA} AS d WHERE NOT EXISTS (SELECT 1 FROM ${TABLE} AS t WHERE t."Received" = d.hr AND t."Previous" IS NULL)`,
  ),
  `DELETE FROM ${TABLE} WHERE "Previous" IS NULL AND "Messages" = 0`,
  `DROP TABLE ${DELTA}`,
];

/**
 * Before `stage` (MessageTraceId, RecipientAddress, Received; one row per key) is merged, STORED_OF_BATCH made:
 * the entries of its messages change from those of their stored rows to those of their stored rows plus the
 * stage's new keys. STORED_OF_BATCH stays for the merge, which finds the batch's stored keys in it and then drops it.
 */
export function countStagedMessagesSql(stage: string): string[] {
  const firsts = (entries: string, sign: number) => `SELECT hr, ${sign} AS d FROM ${entries} WHERE prev IS NULL`;
  return [
    `CREATE OR REPLACE TEMP TABLE ${NEW} AS SELECT "MessageTraceId", "RecipientAddress", "Received" FROM ${OLD} UNION ALL SELECT s."MessageTraceId", s."RecipientAddress", s."Received" FROM ${stage} AS s ANTI JOIN ${OLD} AS o ON s."MessageTraceId" = o."MessageTraceId" AND s."RecipientAddress" = o."RecipientAddress"`,
    // The entries after the merge, found once for both statements that read them.
    `CREATE OR REPLACE TEMP TABLE ${NEW_ENTRIES} AS ${quickEntriesSql(NEW)}`,
    `DELETE FROM ${TABLE} WHERE "MessageTraceId" IN (SELECT "MessageTraceId" FROM ${OLD})`,
    insertInTimeOrderSql(TABLE, `SELECT hr AS "Received", prev, id, 1 FROM ${NEW_ENTRIES} WHERE prev IS NOT NULL`),
    `CREATE OR REPLACE TEMP TABLE ${DELTA} AS SELECT hr, sum(d) AS d FROM (${firsts(NEW_ENTRIES, 1)} UNION ALL ${firsts(`(${quickEntriesSql(OLD)})`, -1)}) GROUP BY hr HAVING sum(d) <> 0`,
    ...APPLY_DELTA_SQL,
    `DROP TABLE ${NEW_ENTRIES}`,
    `DROP TABLE ${NEW}`,
  ];
}

/**
 * Retention, after the rows before `cutoffMs` went: hours wholly before it go, the hour it cuts through is
 * counted again (what is left of it has no earlier row), and later entries whose previous row went count as
 * first seen.
 */
export function trimMessagesSql(cutoffMs: number): string[] {
  const hourMs = Math.floor(cutoffMs / AGGREGATE_GRAIN_MS) * AGGREGATE_GRAIN_MS;
  const hour = timestampAt(hourMs);
  const cutoff = timestampAt(cutoffMs);
  const cut =
    hourMs === cutoffMs
      ? []
      : [
          `DELETE FROM ${TABLE} WHERE "Received" = ${hour}`,
          `INSERT INTO ${TABLE} SELECT ${hour}, NULL, NULL, count(DISTINCT "MessageTraceId") FROM ${TRACES} WHERE "Received" >= ${hour} AND "Received" < ${timestampAt(hourMs + AGGREGATE_GRAIN_MS)} HAVING count(*) > 0`,
        ];
  return [
    `DELETE FROM ${TABLE} WHERE "Received" < ${hour}`,
    ...cut,
    `CREATE OR REPLACE TEMP TABLE ${DELTA} AS SELECT "Received" AS hr, count(*) AS d FROM ${TABLE} WHERE "Previous" < ${cutoff} GROUP BY hr`,
    `DELETE FROM ${TABLE} WHERE "Previous" < ${cutoff}`,
    ...APPLY_DELTA_SQL,
  ];
}

/** Rows of the table that differ from a recount of all the rows (0 when exact). */
export function messagesDriftSql(): string {
  const held = `SELECT "Received", "Previous", "MessageTraceId", "Messages" FROM ${TABLE}`;
  const counted = countedSql(ALL_ROWS);
  return differingRowsSql(held, counted);
}
