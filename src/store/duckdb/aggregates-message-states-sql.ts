/**
 * The distinct-messages-by-state summary in DuckDB (MESSAGE_STATE_AGGREGATE in src/schema/aggregates.ts). A
 * message's entries depend on the hours of its rows and their Status and Direction, so a write counts the entries of
 * the batch's messages from their rows before it (the stored rows the merge reads anyway) and after it, and adds the
 * difference, in the same transaction.
 */
import { AGGREGATE_GRAIN_MS, MESSAGE_STATE_AGGREGATE, MessageTrace, PAIR_SEPARATOR, STATE_SEPARATOR } from '../../schema/index.js';
import { lookupWindow, type BatchSpan } from './batch-span.js';
import { quoteIdent, timestampAt } from './ddl.js';
import { differingRowsSql, insertInTimeOrderSql } from './summary-sql.js';

const TABLE = quoteIdent(MESSAGE_STATE_AGGREGATE.name);
const TRACES = quoteIdent(MessageTrace.name);
const KEYS = ['Received', 'States', 'Status', 'Direction', 'MessageTraceId'].map(quoteIdent);
/** Temporary tables of one write: the rows of the batch's messages after it, and the change of the summary. */
const AFTER = 'msg_state_rows_after';
const DELTA = 'msg_state_delta';
const RETAINED = 'msg_state_retained';

export const CREATE_MESSAGE_STATES_SQL = `CREATE TABLE IF NOT EXISTS ${TABLE} ("Received" TIMESTAMP NOT NULL, "States" VARCHAR NOT NULL, "Status" VARCHAR NOT NULL, "Direction" VARCHAR NOT NULL, "MessageTraceId" VARCHAR NOT NULL, "Messages" BIGINT NOT NULL)`;

const sep = (s: string) => `chr(${s.charCodeAt(0)})`;

/** The most distinct (Status, Direction) pairs a count can tell apart: bits of a HUGEINT (the schema allows 45). */
const MAX_PAIRS = 127;

/**
 * The summary's rows as a count of `rows` (a FROM item with MessageTraceId, Received, Status and Direction) gives
 * them, `sign` times. Each pair present is given a bit, so a message's states are one number: a message whose rows
 * are all in one hour is found with one grouping by message (its first and last hour, the states of all its rows),
 * and only the others are grouped by message and hour. Each entry is then written once per state it holds.
 */
function countedSql(rows: string, sign = 1): string {
  const r = `SELECT "MessageTraceId" AS id, date_trunc('hour', "Received") AS hr, "Status" || ${sep(PAIR_SEPARATOR)} || "Direction" AS pair FROM ${rows}`;
  const bits = `SELECT pair, CASE WHEN n > ${MAX_PAIRS} THEN error('more than ${MAX_PAIRS} distinct (Status, Direction) pairs') ELSE n - 1 END AS i FROM (SELECT pair, row_number() OVER (ORDER BY pair) AS n FROM (SELECT DISTINCT pair FROM r))`;
  const flagged = `SELECT r.id, r.hr, 1::HUGEINT << d.i AS bit FROM r JOIN d ON r.pair = d.pair`;
  const perMessage = `SELECT id, min(hr) AS h1, max(hr) AS h2, bit_or(bit) AS mask FROM b GROUP BY id`;
  const entries = [
    `SELECT h1 AS hr, mask, '' AS mid, count(*) AS n FROM m WHERE h1 = h2 GROUP BY h1, mask`,
    `SELECT hr, bit_or(bit) AS mask, id AS mid, 1 AS n FROM b WHERE id IN (SELECT id FROM m WHERE h1 <> h2) GROUP BY id, hr`,
  ].join(' UNION ALL ');
  const names = `SELECT mask, string_agg(d.pair, ${sep(STATE_SEPARATOR)} ORDER BY d.pair) AS st FROM (SELECT DISTINCT mask FROM e) AS x JOIN d ON (x.mask >> d.i) & 1 = 1 GROUP BY mask`;
  return [
    `WITH r AS (${r}), d AS (${bits}), b AS (${flagged}), m AS (${perMessage}), e AS (${entries}), s AS (${names})`,
    `SELECT e.hr AS "Received", s.st AS "States", split_part(d.pair, ${sep(PAIR_SEPARATOR)}, 1) AS "Status", split_part(d.pair, ${sep(PAIR_SEPARATOR)}, 2) AS "Direction", e.mid AS "MessageTraceId", ${sign} * e.n AS "Messages"`,
    `FROM e JOIN s ON e.mask = s.mask JOIN d ON (e.mask >> d.i) & 1 = 1`,
  ].join(' ');
}

const on = (a: string, b: string) => KEYS.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');

/** Add DELTA (the summary's columns) to the summary: counts summed per row, rows that come to none dropped. */
const ADD_DELTA_SQL = [
  `UPDATE ${TABLE} AS t SET "Messages" = t."Messages" + d."Messages" FROM ${DELTA} AS d WHERE ${on('t', 'd')}`,
  insertInTimeOrderSql(TABLE, `SELECT d.* FROM ${DELTA} AS d ANTI JOIN ${TABLE} AS t ON ${on('t', 'd')}`),
  `DELETE FROM ${TABLE} WHERE "Messages" = 0`,
  `DROP TABLE ${DELTA}`,
];

/** The table counted again from all the rows. */
export function rebuildMessageStatesSql(): string[] {
  return [`DELETE FROM ${TABLE}`, insertInTimeOrderSql(TABLE, countedSql(TRACES))];
}

/**
 * After a merge of `stage` (the batch, MessageTrace's columns, one row per key): `before` holds the stored rows of
 * the batch's messages as they were (MessageTraceId, RecipientAddress, Received, Status, Direction). Their rows after
 * it are `before` and the stage's new keys when the merge updated no stored row; else they are read again from
 * MessageTrace, within the times of both (a row keeps its time), inside the lookup window of the stage's `span`.
 */
export function countMergedStatesSql(stage: string, before: string, updated: boolean, span: BatchSpan): string[] {
  const cols = '"MessageTraceId", "RecipientAddress", "Received", "Status", "Direction"';
  const after = updated
    ? `SELECT ${cols} FROM ${TRACES} WHERE ${lookupWindow(span)} AND "MessageTraceId" IN (SELECT "MessageTraceId" FROM ${stage}) AND "Received" BETWEEN (SELECT least(min(b."Received"), (SELECT min("Received") FROM ${stage})) FROM ${before} AS b) AND (SELECT greatest(max(b."Received"), (SELECT max("Received") FROM ${stage})) FROM ${before} AS b)`
    : `SELECT ${cols} FROM ${before} UNION ALL SELECT s."MessageTraceId", s."RecipientAddress", s."Received", s."Status", s."Direction" FROM ${stage} AS s ANTI JOIN ${before} AS b ON s."MessageTraceId" = b."MessageTraceId" AND s."RecipientAddress" = b."RecipientAddress"`;
  return [
    `CREATE OR REPLACE TEMP TABLE ${AFTER} AS ${after}`,
    `CREATE OR REPLACE TEMP TABLE ${DELTA} AS SELECT ${KEYS.join(', ')}, sum("Messages") AS "Messages" FROM ((${countedSql(AFTER)}) UNION ALL (${countedSql(before, -1)})) GROUP BY ALL HAVING sum("Messages") <> 0`,
    `DROP TABLE ${AFTER}`,
    ...ADD_DELTA_SQL,
  ];
}

/**
 * Retention, after the rows before `cutoffMs` went: the summary rows of the hour it cuts through and before go,
 * and the messages with rows left in that hour or with an entry of their own up to it (a message with rows in two
 * hours or more) are counted again from their rows left.
 */
export function trimMessageStatesSql(cutoffMs: number): string[] {
  const hourMs = Math.floor(cutoffMs / AGGREGATE_GRAIN_MS) * AGGREGATE_GRAIN_MS;
  const hour = timestampAt(hourMs);
  return [
    `CREATE OR REPLACE TEMP TABLE ${RETAINED} AS SELECT "MessageTraceId" FROM ${TABLE} WHERE "MessageTraceId" <> '' AND "Received" <= ${hour} UNION SELECT "MessageTraceId" FROM ${TRACES} WHERE "Received" >= ${hour} AND "Received" < ${timestampAt(hourMs + AGGREGATE_GRAIN_MS)}`,
    `DELETE FROM ${TABLE} WHERE "Received" <= ${hour} OR "MessageTraceId" IN (SELECT "MessageTraceId" FROM ${RETAINED})`,
    `CREATE OR REPLACE TEMP TABLE ${DELTA} AS ${countedSql(`(SELECT * FROM ${TRACES} WHERE "MessageTraceId" IN (SELECT "MessageTraceId" FROM ${RETAINED}))`)}`,
    `DROP TABLE ${RETAINED}`,
    ...ADD_DELTA_SQL,
  ];
}

/** Rows of the table that differ from a recount of all the rows (0 when exact). */
export function messageStatesDriftSql(): string {
  const held = `SELECT ${KEYS.join(', ')}, "Messages" FROM ${TABLE}`;
  const counted = countedSql(TRACES);
  return differingRowsSql(held, counted);
}
