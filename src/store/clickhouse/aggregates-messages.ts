/**
 * The distinct-messages summary on ClickHouse (MESSAGE_AGGREGATE in src/schema/aggregates.ts). A message's entries
 * depend only on the hours of its rows and its last row in each, and a write never moves a stored row's time (the
 * sorting key holds Received): so the writer takes the hours of the batch's messages from their stored keys (the
 * keys `_message_keys` holds for the distinct-messages-by-state summary, looked up once for both), adds the batch's
 * new keys, and writes the difference of their entries as signed counts into a SummingMergeTree, as it does for the
 * other summaries (aggregates.ts). "No earlier row" is a Previous equal to the hour (a sorting key cannot hold
 * NULL); the dialect's messageAggregateSource turns it back into NULL.
 */
import { randomUUID } from 'node:crypto';
import { AGGREGATE_GRAIN_MS, MESSAGE_AGGREGATE, type TraceRow } from '../../schema/index.js';
import { getDialect } from '../../kql/index.js';
import { StoreQueryError } from '../errors.js';
import { recountProblems } from './aggregates.js';
import type { Connection } from './connection.js';
import { onCluster, q, type Placement } from './ddl.js';
import { entryChanges, hourOfUs, withRows, type MessageEntryChange, type MessageHours } from './message-entries.js';
import type { MessageKeys } from './message-state-entries.js';

const HOUR_US = AGGREGATE_GRAIN_MS * 1000;
const dialect = getDialect('clickhouse');
/** The rows without FINAL: every version of a row has its MessageTraceId and Received (the sorting key). */
const ROWS = q('MessageTrace');
const SUMMARY = MESSAGE_AGGREGATE.name;
/**
 * The tables of each message's hours that stores written before `_message_keys` kept (the local table on a
 * cluster): dropped when such a store is opened, as their writer now reads the keys.
 */
export const OLD_MESSAGE_TABLES: readonly string[] = ['_message_hours', '_message_hours_local'];

/** CREATE of the summary (replicated on every server, as the other summaries). */
export function messageTableStatements(p: Placement): string[] {
  const summing = p.cluster
    ? `ReplicatedSummingMergeTree('/clickhouse/tables/all/${p.database}/${SUMMARY}', '{shard}-{replica}')`
    : 'SummingMergeTree()';
  const month = "PARTITION BY toYYYYMM(toDateTime(intDiv(`Received`, 1000000), 'UTC'))";
  return [
    `CREATE TABLE IF NOT EXISTS ${q(p.database)}.${q(SUMMARY)}${onCluster(p)} (\`Received\` Int64, \`Previous\` Int64, \`MessageTraceId\` String, \`Messages\` Int64, \`_write\` String) ENGINE = ${summing} ${month} ORDER BY (\`Received\`, \`Previous\`, \`MessageTraceId\`)`,
  ];
}

/** Drop `names`, tables of the database no longer used (on every server of a cluster). */
export async function dropTablesOnOpen(db: Connection, p: Placement, names: readonly string[]): Promise<void> {
  for (const name of names) await db.command(`DROP TABLE IF EXISTS ${q(p.database)}.${q(name)}${onCluster(p)}`);
}

/** Each message's hours with its last row there, from `rows` (a FROM item with MessageTraceId and Received). */
const hoursOfSql = (rows: string) =>
  `SELECT \`MessageTraceId\` AS id, intDiv(\`Received\`, ${HOUR_US}) * ${HOUR_US} AS hr, max(\`Received\`) AS last FROM ${rows} GROUP BY id, hr`;

/** The summary's rows as a recount of `hours` (id, hr, last) gives them; entries in arrays (18.16 has no lag()). */
function countedSql(hours: string): string {
  const entry =
    'arrayJoin(arrayMap(i -> (tupleElement(a[i], 1), if(i = 1, tupleElement(a[i], 1), tupleElement(a[i - 1], 2))), arrayEnumerate(a)))';
  return `SELECT tupleElement(e, 1) AS r, tupleElement(e, 2) AS p, if(p = r, '', id) AS m, toInt64(count()) AS n FROM (SELECT id, ${entry} AS e FROM (SELECT id, arraySort(groupArray((hr, last))) AS a FROM (${hours}) GROUP BY id)) GROUP BY r, p, m`;
}

/** The summary's rows as held: the sum of the signed counts of each row, those that add up to none left out. */
const heldSql = `SELECT \`Received\` AS r, \`Previous\` AS p, \`MessageTraceId\` AS m, sum(\`Messages\`) AS n FROM ${q(SUMMARY)} GROUP BY r, p, m HAVING n != 0`;

/** Count the stored rows into the summary (a store written before it existed). */
export async function backfillMessages(db: Connection, p: Placement): Promise<void> {
  await db.command(
    `INSERT INTO ${q(p.database)}.${q(SUMMARY)} SELECT r, p, m, n, '${randomUUID()}' FROM (${countedSql(hoursOfSql(ROWS))})`,
  );
}

/** A message's hours with its last row in each, from its stored keys. */
function hoursOf(keys: MessageKeys | undefined): Map<number, number> | undefined {
  if (!keys) return undefined;
  return withRows(
    undefined,
    [...keys.values()].map((k) => k.received),
  );
}

/**
 * The changes a write of the new keys `fresh` (rows not stored before) makes, given the stored keys of their
 * messages (`stored`, read before the write): call `write` after the rows are in. Updates of stored keys keep
 * their time and change nothing here.
 */
export function messageChanges(
  db: Connection,
  stored: ReadonlyMap<string, MessageKeys>,
  fresh: readonly TraceRow[],
): { write(): Promise<void> } {
  const times = new Map<string, number[]>();
  for (const r of fresh) {
    const t = times.get(r.MessageTraceId);
    if (t) t.push(r.Received * 1000);
    else times.set(r.MessageTraceId, [r.Received * 1000]);
  }
  const messages: [string, MessageHours | undefined, MessageHours][] = [];
  for (const [id, t] of times) {
    const before = hoursOf(stored.get(id));
    messages.push([id, before, withRows(before, t)]);
  }
  const changes = entryChanges(messages);
  return { write: () => writeEntryChanges(db, changes) };
}

/**
 * Insert the signed changes of one write into the SummingMergeTree `table`, each carrying the write's id: a
 * replicated table would otherwise drop a block equal to one it has had as a repeat.
 */
export async function insertSignedChanges(db: Connection, table: string, changes: readonly object[]): Promise<void> {
  const write = randomUUID();
  await db.insert(
    table,
    changes.map((c) => ({ ...c, _write: write })),
  );
}

const writeEntryChanges = (db: Connection, changes: readonly MessageEntryChange[]) => insertSignedChanges(db, SUMMARY, changes);

/** Run an ALTER ... DELETE on `table` and wait until `countSql` reads 0 (18.16 cannot wait for a mutation). */
export async function deleteWhere(db: Connection, p: Placement, table: string, where: string, countSql: string): Promise<void> {
  if (Number((await db.select(countSql)).data[0]![0]) === 0) return;
  await db.command(`ALTER TABLE ${q(p.database)}.${q(table)}${onCluster(p)} DELETE WHERE ${where}`);
  const started = Date.now();
  while (Number((await db.select(countSql)).data[0]![0]) > 0) {
    if (Date.now() - started > 120_000) throw new StoreQueryError(`retention: ${table} still holds old rows after 120 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Retention, before the rows older than `cutoffMs` go: the hour the cutoff cuts through is counted again (each
 * message left there is first seen in it), later entries whose previous row goes become "first seen", the hours
 * wholly before it go.
 */
export async function trimMessages(db: Connection, p: Placement, cutoffMs: number): Promise<void> {
  const cutoff = Math.round(cutoffMs) * 1000;
  const hour = hourOfUs(cutoff);
  const changes: MessageEntryChange[] = [];
  const held = await db.select(`SELECT r, p, m, n FROM (${heldSql}) WHERE r >= ${hour} AND p < ${cutoff} AND p != r`);
  for (const [r, prev, m, n] of held.data.map(
    (row) => row.map((v, i) => (i === 2 ? String(v) : Number(v))) as [number, number, string, number],
  )) {
    changes.push({ Received: r, Previous: prev, MessageTraceId: m, Messages: -n });
    if (r !== hour || hour === cutoff) changes.push({ Received: r, Previous: r, MessageTraceId: '', Messages: n });
  }
  if (hour !== cutoff) {
    const first = await db.select(`SELECT n FROM (${heldSql}) WHERE r = ${hour} AND p = r`);
    const left = await db.select(
      `SELECT toInt64(uniqExact(\`MessageTraceId\`)) FROM ${dialect.tableSource('MessageTrace', [`Received >= ${cutoff}`, `Received < ${hour + HOUR_US}`])}`,
    );
    const n = Number(left.data[0]![0]) - Number(first.data[0]?.[0] ?? 0);
    if (n !== 0) changes.push({ Received: hour, Previous: hour, MessageTraceId: '', Messages: n });
  }
  await writeEntryChanges(db, changes);
  await deleteWhere(db, p, SUMMARY, `\`Received\` < ${hour}`, `SELECT count() FROM ${q(SUMMARY)} WHERE \`Received\` < ${hour}`);
}

/** Whether the summary equals a recount of the rows (compared by a checksum of each side). */
export async function messageProblems(db: Connection): Promise<string[]> {
  const digest = (select: string, cols: string) => `SELECT count(), sum(cityHash64(${cols})) FROM (${select})`;
  return recountProblems(db, SUMMARY, digest(heldSql, 'r, p, m, n'), digest(countedSql(hoursOfSql(ROWS)), 'r, p, m, n'), 'rows');
}
