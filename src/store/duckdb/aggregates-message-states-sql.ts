/**
 * The distinct-messages-by-state summary in DuckDB (MESSAGE_STATE_AGGREGATE in src/schema/aggregates.ts). A
 * message's entries depend on the hours of its rows and their Status and Direction, so a write counts the entries of
 * the batch's messages from their rows before it (the stored rows the merge reads anyway) and after it, and adds the
 * difference, in the same transaction.
 */
import { AGGREGATE_GRAIN_MS, MESSAGE_STATE_AGGREGATE, MessageTrace, STATE_SEPARATOR, VALUE_SEPARATOR } from '../../schema/index.js';
import { lookupWindow, type BatchSpan } from './batch-span.js';
import { quoteIdent, timestampAt } from './ddl.js';
import { differingRowsSql, insertInTimeOrderSql } from './summary-sql.js';

const TABLE = quoteIdent(MESSAGE_STATE_AGGREGATE.name);
const TRACES = quoteIdent(MessageTrace.name);
const DIMS = MESSAGE_STATE_AGGREGATE.dimensions.map(quoteIdent);
const KEYS = ['"Received"', '"States"', ...DIMS, '"MessageTraceId"'];
/** Temporary tables of one write: the rows of the batch's messages after it, and the change of the summary. */
const AFTER = 'msg_state_rows_after';
const DELTA = 'msg_state_delta';
const RETAINED = 'msg_state_retained';

/** What a count of the summary reads of each row: its message, time and dimensions. */
const ROW_COLUMNS = ['"MessageTraceId"', '"RecipientAddress"', '"Received"', ...DIMS];
/** The same, of the table aliased `alias` (none: unqualified). */
export const stateRowColumns = (alias?: string) => ROW_COLUMNS.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');

export const CREATE_MESSAGE_STATES_SQL = `CREATE TABLE IF NOT EXISTS ${TABLE} ("Received" TIMESTAMP NOT NULL, "States" VARCHAR NOT NULL, ${DIMS.map((d) => `${d} VARCHAR NOT NULL`).join(', ')}, "MessageTraceId" VARCHAR NOT NULL, "Messages" BIGINT NOT NULL)`;

const sep = (s: string) => `chr(${s.charCodeAt(0)})`;
/** A set of states (a list of their codes) sorted, as States names it by their texts. */
const sortedCodes = `list_sort(list_distinct(list(r.code)))`;

/**
 * The summary's rows as a count of `rows` (a FROM item with MessageTraceId, Received and the dimensions) gives
 * them, `sign` times. Each state present (a tuple of the dimensions) is given a code in the order of its text, so
 * one grouping by message finds its first and last hour and its least and greatest code: a message with one state
 * in one hour (nearly all) is counted per hour and state straight from it. Only the rest are grouped again, by
 * message (one hour: then per hour and set of states) or by message and hour (an entry of its own), with their
 * codes sorted. Each entry is then written once per state it holds, its States the texts of its codes joined.
 */
function countedSql(rows: string, sign = 1): string {
  const using = DIMS.join(', ');
  const text = DIMS.join(` || ${sep(VALUE_SEPARATOR)} || `);
  const d = `SELECT ${using}, ${text} AS st, (row_number() OVER (ORDER BY ${text}))::INTEGER AS code FROM (SELECT DISTINCT ${using} FROM ${rows})`;
  const r = `SELECT "MessageTraceId" AS id, date_trunc('hour', "Received") AS hr, d.code FROM ${rows} JOIN d USING (${using})`;
  const perMessage = `SELECT id, min(hr) AS h1, max(hr) AS h2, min(code) AS c1, max(code) AS c2 FROM r GROUP BY id`;
  const sets = `SELECT id, any_value(hr) AS hr, ${sortedCodes} AS codes FROM r WHERE id IN (SELECT id FROM m WHERE h1 = h2 AND c1 <> c2) GROUP BY id`;
  const entries = [
    `SELECT h1 AS hr, [c1] AS codes, '' AS mid, count(*) AS n FROM m WHERE h1 = h2 AND c1 = c2 GROUP BY h1, c1`,
    `SELECT hr, codes, '' AS mid, count(*) AS n FROM (${sets}) GROUP BY hr, codes`,
    `SELECT hr, ${sortedCodes} AS codes, id AS mid, 1 AS n FROM r WHERE id IN (SELECT id FROM m WHERE h1 <> h2) GROUP BY id, hr`,
  ].join(' UNION ALL ');
  const named = `SELECT e.*, array_to_string(list_transform(e.codes, x -> t.texts[x]), ${sep(STATE_SEPARATOR)}) AS sts FROM e, (SELECT list(st ORDER BY code) AS texts FROM d) AS t`;
  const each = `SELECT hr, sts, unnest(codes) AS code, mid, n FROM (${named})`;
  return [
    `WITH d AS (${d}), r AS (${r}), m AS (${perMessage}), e AS (${entries})`,
    `SELECT x.hr AS "Received", x.sts AS "States", ${DIMS.map((c) => `d.${c}`).join(', ')}, x.mid AS "MessageTraceId", ${sign} * x.n AS "Messages"`,
    `FROM (${each}) AS x JOIN d ON x.code = d.code`,
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
 * the batch's messages as they were (stateRowColumns' columns at least). Their rows after
 * it are `before` and the stage's new keys when the merge updated no stored row; else they are read again from
 * MessageTrace, within the times of both (a row keeps its time), inside the lookup window of the stage's `span`.
 */
export function countMergedStatesSql(stage: string, before: string, updated: boolean, span: BatchSpan): string[] {
  const cols = stateRowColumns();
  const after = updated
    ? `SELECT ${cols} FROM ${TRACES} WHERE ${lookupWindow(span)} AND "MessageTraceId" IN (SELECT "MessageTraceId" FROM ${stage}) AND "Received" BETWEEN (SELECT least(min(b."Received"), (SELECT min("Received") FROM ${stage})) FROM ${before} AS b) AND (SELECT greatest(max(b."Received"), (SELECT max("Received") FROM ${stage})) FROM ${before} AS b)`
    : `SELECT ${cols} FROM ${before} UNION ALL SELECT ${stateRowColumns('s')} FROM ${stage} AS s ANTI JOIN ${before} AS b ON s."MessageTraceId" = b."MessageTraceId" AND s."RecipientAddress" = b."RecipientAddress"`;
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
