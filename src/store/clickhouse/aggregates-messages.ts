/**
 * The distinct-messages summary on ClickHouse (MESSAGE_AGGREGATE in src/schema/aggregates.ts). A message's entries
 * depend only on the hours of its rows and its last row in each, and a write never moves a stored row's time (the
 * sorting key holds Received): so the writer reads the hours of the batch's messages, adds the batch's new keys,
 * and writes the difference of their entries as signed counts into a SummingMergeTree, as it does for the other
 * summaries (aggregates.ts). The hours of every message are kept in `_message_hours`, sorted by MessageTraceId
 * (one row per message and hour, written where MessageTrace's rows are: into the entry server's local table, read
 * through a Distributed table): the lookup reads a few granules per message, where the rows (sorted by time first)
 * would be read whole. "No earlier row" is a Previous equal to the hour
 * (a sorting key cannot hold NULL); the dialect's messageAggregateSource turns it back into NULL.
 */
import { randomUUID } from 'node:crypto';
import { AGGREGATE_GRAIN_MS, MESSAGE_AGGREGATE, type TraceRow } from '../../schema/index.js';
import { getDialect } from '../../kql/index.js';
import { StoreQueryError } from '../errors.js';
import { recountProblems } from './aggregates.js';
import type { Connection } from './connection.js';
import { q, type Placement } from './ddl.js';
import { entryChanges, hourOfUs, withRows, type MessageEntryChange, type MessageHours } from './message-entries.js';

const HOUR_US = AGGREGATE_GRAIN_MS * 1000;
const dialect = getDialect('clickhouse');
/** The rows without FINAL: every version of a row has its MessageTraceId and Received (the sorting key). */
const ROWS = q('MessageTrace');
const SUMMARY = MESSAGE_AGGREGATE.name;
/** Each message's hours: (MessageTraceId, Hour) with Last, its last row there (the version: the latest stays). */
export const MESSAGE_HOURS = '_message_hours';
/** Message ids per lookup statement. */
const LOOKUP_CHUNK = 20_000;

export const onCluster = (p: Placement) => (p.cluster ? ` ON CLUSTER ${q(p.cluster)}` : '');
const local = (p: Placement) => (p.cluster ? `${MESSAGE_HOURS}_local` : MESSAGE_HOURS);
const lit = (value: unknown, type: 'string' | 'long' = 'string') => dialect.literal(value, type);

/** CREATE of the summary (replicated on every server, as the other summaries) and of the message hours (sharded). */
export function messageTableStatements(p: Placement): string[] {
  const db = q(p.database);
  const summing = p.cluster
    ? `ReplicatedSummingMergeTree('/clickhouse/tables/all/${p.database}/${SUMMARY}', '{shard}-{replica}')`
    : 'SummingMergeTree()';
  const replacing = p.cluster
    ? `ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${p.database}/${MESSAGE_HOURS}', '{replica}', \`Last\`)`
    : 'ReplacingMergeTree(`Last`)';
  const month = (col: string) => `PARTITION BY toYYYYMM(toDateTime(intDiv(${q(col)}, 1000000), 'UTC'))`;
  const out = [
    `CREATE TABLE IF NOT EXISTS ${db}.${q(SUMMARY)}${onCluster(p)} (\`Received\` Int64, \`Previous\` Int64, \`MessageTraceId\` String, \`Messages\` Int64, \`_write\` String) ENGINE = ${summing} ${month('Received')} ORDER BY (\`Received\`, \`Previous\`, \`MessageTraceId\`)`,
    `CREATE TABLE IF NOT EXISTS ${db}.${q(local(p))}${onCluster(p)} (\`MessageTraceId\` String, \`Hour\` Int64, \`Last\` Int64) ENGINE = ${replacing} ${month('Hour')} ORDER BY (\`MessageTraceId\`, \`Hour\`)`,
  ];
  if (p.cluster)
    out.push(
      `CREATE TABLE IF NOT EXISTS ${db}.${q(MESSAGE_HOURS)}${onCluster(p)} AS ${db}.${q(local(p))} ENGINE = Distributed(${q(p.cluster)}, ${db}, ${q(local(p))}, sipHash64(\`MessageTraceId\`))`,
    );
  return out;
}

/** Each message's hours with its last row there, from `rows` (a FROM item with MessageTraceId and Received). */
const hoursOfSql = (rows: string) =>
  `SELECT \`MessageTraceId\` AS id, intDiv(\`Received\`, ${HOUR_US}) * ${HOUR_US} AS hr, max(\`Received\`) AS last FROM ${rows} GROUP BY id, hr`;

/** Each message's hours as the message hours hold them. */
const keptHoursSql = `SELECT \`MessageTraceId\` AS id, \`Hour\` AS hr, max(\`Last\`) AS last FROM ${q(MESSAGE_HOURS)} GROUP BY id, hr`;

/** The summary's rows as a recount of `hours` (id, hr, last) gives them; entries in arrays (18.16 has no lag()). */
function countedSql(hours: string): string {
  const entry =
    'arrayJoin(arrayMap(i -> (tupleElement(a[i], 1), if(i = 1, tupleElement(a[i], 1), tupleElement(a[i - 1], 2))), arrayEnumerate(a)))';
  return `SELECT tupleElement(e, 1) AS r, tupleElement(e, 2) AS p, if(p = r, '', id) AS m, toInt64(count()) AS n FROM (SELECT id, ${entry} AS e FROM (SELECT id, arraySort(groupArray((hr, last))) AS a FROM (${hours}) GROUP BY id)) GROUP BY r, p, m`;
}

/** The summary's rows as held: the sum of the signed counts of each row, those that add up to none left out. */
const heldSql = `SELECT \`Received\` AS r, \`Previous\` AS p, \`MessageTraceId\` AS m, sum(\`Messages\`) AS n FROM ${q(SUMMARY)} GROUP BY r, p, m HAVING n != 0`;

/** Whether the summary is missing (a store written before it existed): then backfillMessages counts it. */
export async function messagesMissing(db: Connection, p: Placement): Promise<boolean> {
  const r = await db.select(`SELECT count() FROM system.tables WHERE database = ${lit(p.database)} AND name = ${lit(SUMMARY)}`);
  return Number(r.data[0]![0]) === 0;
}

/** Count the stored rows into both tables (a store written before they existed). */
export async function backfillMessages(db: Connection, p: Placement): Promise<void> {
  await db.command(`INSERT INTO ${q(p.database)}.${q(local(p))} ${hoursOfSql(ROWS)}`);
  await db.command(`INSERT INTO ${q(p.database)}.${q(SUMMARY)} SELECT r, p, m, n, '${randomUUID()}' FROM (${countedSql(keptHoursSql)})`);
}

/** The stored hours of the messages `ids`. */
async function storedHours(db: Connection, ids: readonly string[]): Promise<Map<string, Map<number, number>>> {
  const out = new Map<string, Map<number, number>>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const list = ids.slice(i, i + LOOKUP_CHUNK).map((x) => lit(x));
    const r = await db.select(
      `SELECT \`MessageTraceId\`, \`Hour\`, max(\`Last\`) FROM ${q(MESSAGE_HOURS)} WHERE \`MessageTraceId\` IN (${list.join(', ')}) GROUP BY \`MessageTraceId\`, \`Hour\``,
    );
    for (const [id, hour, last] of r.data) {
      let m = out.get(String(id));
      if (!m) out.set(String(id), (m = new Map()));
      m.set(Number(hour), Number(last));
    }
  }
  return out;
}

/**
 * The changes a write of the new keys `fresh` (rows not stored before) makes, read before it: call `write` after
 * the rows are in. Updates of stored keys keep their time and change nothing here.
 */
export async function messageChanges(db: Connection, p: Placement, fresh: readonly TraceRow[]): Promise<{ write(): Promise<void> }> {
  const times = new Map<string, number[]>();
  for (const r of fresh) {
    const t = times.get(r.MessageTraceId);
    if (t) t.push(r.Received * 1000);
    else times.set(r.MessageTraceId, [r.Received * 1000]);
  }
  const stored = await storedHours(db, [...times.keys()]);
  const messages: [string, MessageHours | undefined, MessageHours][] = [];
  const hours: Record<string, unknown>[] = [];
  for (const [id, t] of times) {
    const before = stored.get(id);
    const after = withRows(before, t);
    messages.push([id, before, after]);
    for (const [hr, last] of after) if (before?.get(hr) !== last) hours.push({ MessageTraceId: id, Hour: hr, Last: last });
  }
  const changes = entryChanges(messages);
  return {
    async write() {
      // The hours first: should the summary's insert fail, the next write still starts from the true hours.
      await db.insert(local(p), hours);
      await writeEntryChanges(db, changes);
    },
  };
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
 * wholly before it go, and so do the message hours whose last row goes.
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
  await deleteWhere(db, p, local(p), `\`Last\` < ${cutoff}`, `SELECT count() FROM ${q(MESSAGE_HOURS)} WHERE \`Last\` < ${cutoff}`);
}

/** Whether the summary and the message hours equal a recount of the rows (compared by a checksum of each side). */
export async function messageProblems(db: Connection): Promise<string[]> {
  const digest = (select: string, cols: string) => `SELECT count(), sum(cityHash64(${cols})) FROM (${select})`;
  const compare = (name: string, held: string, counted: string) => recountProblems(db, name, held, counted, 'rows');
  const rowHours = hoursOfSql(ROWS);
  return [
    ...(await compare(SUMMARY, digest(heldSql, 'r, p, m, n'), digest(countedSql(rowHours), 'r, p, m, n'))),
    ...(await compare(MESSAGE_HOURS, digest(keptHoursSql, 'id, hr, last'), digest(rowHours, 'id, hr, last'))),
  ];
}
