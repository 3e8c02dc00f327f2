/** The SQL that merges a staged batch into MessageTrace / MessageEvents (upsert without an index: anti-join + UPDATE). */
import { MessageEvents, MessageTrace, TRANSIENT_STATUSES } from '../../schema/index.js';
import type { TableDef } from '../../schema/index.js';
import { FILLABLE_NUMBER_COLUMNS, FILLABLE_STRING_COLUMNS } from '../trace-merge.js';
import { stateRowColumns } from './aggregates-message-states-sql.js';
import { lookupWindow, type BatchSpan } from './batch-span.js';
import { duckdbType, quoteIdent, quoteLiteral } from './ddl.js';

const transientList = TRANSIENT_STATUSES.map(quoteLiteral).join(', ');

/** read_json column spec of a staged table: datetimes arrive as ms since the epoch. */
function stageColumns(table: TableDef): string {
  const spec = table.columns.map((c) => `${quoteIdent(c.name)}: '${c.type === 'datetime' ? 'BIGINT' : duckdbType(c.type)}'`);
  return `{${spec.join(', ')}}`;
}

/** The select list that turns staged values into table values. */
function castedColumns(table: TableDef, alias: string): string {
  return table.columns
    .map((c) =>
      c.type === 'datetime' ? `epoch_ms(${alias}.${quoteIdent(c.name)}) AS ${quoteIdent(c.name)}` : `${alias}.${quoteIdent(c.name)}`,
    )
    .join(', ');
}

/** Load a JSON array file of rows into a temporary staging table (`$1` = path). */
export function stageSql(table: TableDef, stage: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${stage} AS SELECT ${castedColumns(table, 'r')} FROM read_json($1, format = 'array', columns = ${stageColumns(table)}) AS r`;
}

const keyMatch = (table: TableDef, a: string, b: string) =>
  table.key.map((k) => `${a}.${quoteIdent(k)} = ${b}.${quoteIdent(k)}`).join(' AND ');

const FILLABLE_STRINGS = FILLABLE_STRING_COLUMNS;
const FILLABLE_NUMBERS = FILLABLE_NUMBER_COLUMNS;

const supersedes = `(s."Status" <> t."Status" AND NOT (s."Status" IN (${transientList}) AND t."Status" NOT IN (${transientList})))`;

/** The column of STORED_OF_BATCH and STORED_KEYS with the stored row's rowid. */
export const STORED_ROW_ID = '__rowid';

/**
 * The stored rows (rowid as STORED_ROW_ID, and what the distinct-message summaries count: stateRowColumns) of a batch's
 * messages, read before its merge: they hold every stored key of the batch, so the merge finds its stored keys and
 * their rows there, and the distinct-message summaries count the messages' entries before the merge from them.
 */
export const STORED_OF_BATCH = 'batch_stored_rows';

/** STORED_OF_BATCH made for `stage`: its messages' stored rows, looked for only within LOOKUP_SLACK_MS of its span. */
export function storedOfBatchSql(stage: string, span: BatchSpan): string {
  return `CREATE OR REPLACE TEMP TABLE ${STORED_OF_BATCH} AS SELECT rowid AS ${quoteIdent(STORED_ROW_ID)}, ${stateRowColumns()} FROM ${quoteIdent(MessageTrace.name)} WHERE ${lookupWindow(span)} AND "MessageTraceId" IN (SELECT "MessageTraceId" FROM ${stage})`;
}

/**
 * UPDATE of stored traces from the stage by the merge rule of ../trace-merge.ts: status precedence, empty fields
 * filled. The stored rows are reached by the rowids STORED_KEYS holds, not by a join on the keys, which would read
 * the key and fillable columns of every stored row of the lookup window (7.7 s of a re-read month on 98.5M rows).
 */
export function updateTracesSql(stage: string): string {
  const sets = [
    `"Status" = CASE WHEN ${supersedes} THEN s."Status" ELSE t."Status" END`,
    ...FILLABLE_STRINGS.map(
      (c) => `${quoteIdent(c)} = CASE WHEN t.${quoteIdent(c)} = '' THEN s.${quoteIdent(c)} ELSE t.${quoteIdent(c)} END`,
    ),
    ...FILLABLE_NUMBERS.map(
      (c) => `${quoteIdent(c)} = CASE WHEN t.${quoteIdent(c)} = 0 THEN s.${quoteIdent(c)} ELSE t.${quoteIdent(c)} END`,
    ),
  ];
  const changed = [
    supersedes,
    ...FILLABLE_STRINGS.map((c) => `(t.${quoteIdent(c)} = '' AND s.${quoteIdent(c)} <> '')`),
    ...FILLABLE_NUMBERS.map((c) => `(t.${quoteIdent(c)} = 0 AND s.${quoteIdent(c)} <> 0)`),
  ];
  const stored = `(SELECT s.*, k.${quoteIdent(STORED_ROW_ID)} FROM ${stage} AS s JOIN ${STORED_KEYS} AS k ON ${keyMatch(MessageTrace, 's', 'k')})`;
  return `UPDATE ${quoteIdent(MessageTrace.name)} AS t SET ${sets.join(', ')} FROM ${stored} AS s WHERE t.rowid = s.${quoteIdent(STORED_ROW_ID)} AND (${changed.join(' OR ')})`;
}

/** Temporary table of the keys of a staged batch that MessageTrace already holds. */
export const STORED_KEYS = 'stage_stored_keys';

/**
 * The keys of `stage` already stored, with their rows' rowids, into STORED_KEYS, from `stored`: a table holding every
 * stored row that could share a key with the stage, with its rowid as STORED_ROW_ID (STORED_OF_BATCH). An inner
 * join (the stage's keys are unique) builds its hash table on the smaller side.
 */
export function storedKeysSql(stage: string, stored: string): string {
  const keys = MessageTrace.key.map((k) => `s.${quoteIdent(k)}`).join(', ');
  return `CREATE OR REPLACE TEMP TABLE ${STORED_KEYS} AS SELECT ${keys}, t.${quoteIdent(STORED_ROW_ID)} FROM ${stage} AS s JOIN ${stored} AS t ON ${keyMatch(MessageTrace, 's', 't')}`;
}

/** The staged rows whose key is not among STORED_KEYS (a subquery). */
export function notStoredSql(stage: string): string {
  return `(SELECT s.* FROM ${stage} AS s ANTI JOIN ${STORED_KEYS} AS k ON ${keyMatch(MessageTrace, 's', 'k')})`;
}

/** INSERT of every row of `source` (a table, view or subquery of rows known not to be stored). */
export function insertAllSql(table: TableDef, source: string): string {
  const cols = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  return `INSERT INTO ${quoteIdent(table.name)} (${cols}) SELECT ${cols} FROM ${source} AS s`;
}

/** INSERT of staged rows whose key is not stored yet; `window` (on alias t) holds for every stored row a staged key can match. */
export function insertNewSql(table: TableDef, stage: string, window = 'true'): string {
  const cols = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  const values = table.columns.map((c) => `s.${quoteIdent(c.name)}`).join(', ');
  return `INSERT INTO ${quoteIdent(table.name)} (${cols}) SELECT ${values} FROM ${stage} AS s ANTI JOIN (SELECT * FROM ${quoteIdent(table.name)} AS t WHERE ${window}) AS t ON ${keyMatch(table, 's', 't')}`;
}

export const TRACE_STAGE = 'stage_trace';
export const EVENT_STAGE = 'stage_events';
export { MessageEvents, MessageTrace };
