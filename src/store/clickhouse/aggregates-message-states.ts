/**
 * The distinct-messages-by-state summary on ClickHouse (MESSAGE_STATE_AGGREGATE in src/schema/aggregates.ts), kept
 * exact as the distinct-messages summary is (aggregates-messages.ts). A message's entries depend on the time and the
 * summary's dimensions (Status, Direction, the countries) of each of its rows, and a write may change a stored row's
 * dimensions (never its time). So the store keeps those per row in `_message_keys` (MessageTrace's key, versioned as
 * the row it copies, sorted
 * by MessageTraceId, written where MessageTrace's rows are), looks up the keys of a batch's messages there by id,
 * sets the batch's new versions over them, and writes the difference of the entries as signed counts into a
 * SummingMergeTree (message-state-entries.ts does that arithmetic).
 */
import { randomUUID } from 'node:crypto';
import { AGGREGATE_GRAIN_MS, MESSAGE_STATE_AGGREGATE, STATE_SEPARATOR, VALUE_SEPARATOR } from '../../schema/index.js';
import { getDialect } from '../../kql/index.js';
import { recountProblems } from './aggregates.js';
import { deleteWhere, insertSignedChanges } from './aggregates-messages.js';
import type { Connection } from './connection.js';
import { onCluster, q, type Placement } from './ddl.js';
import { hourOfUs } from './message-entries.js';
import {
  sameState,
  STATE_DIMENSIONS,
  stateChanges,
  stateColumns,
  stateKeyOf,
  type MessageKeys,
  type MessageStateChange,
  type StateKey,
} from './message-state-entries.js';

const HOUR_US = AGGREGATE_GRAIN_MS * 1000;
const dialect = getDialect('clickhouse');
const SUMMARY = MESSAGE_STATE_AGGREGATE.name;
/** Each row's time and dimensions by its key (MessageTraceId, RecipientAddress, Received); the newest version wins. */
export const MESSAGE_KEYS = '_message_keys';
/** Message ids per lookup statement. */
const LOOKUP_CHUNK = 20_000;

const local = (p: Placement) => (p.cluster ? `${MESSAGE_KEYS}_local` : MESSAGE_KEYS);
/** The tables of the message keys, the table a cluster reads through first. */
export const messageKeyTables = (p: Placement) => (p.cluster ? [MESSAGE_KEYS, local(p)] : [MESSAGE_KEYS]);
const lit = (value: unknown) => dialect.literal(value, 'string');
/** The dimensions as columns, and as the short names the recounts give them (v1, v2, ...). */
const DIMS = STATE_DIMENSIONS.map((d) => q(d));
const V = STATE_DIMENSIONS.map((_, i) => `v${i + 1}`);
/** The dimensions' column definitions, and the dimensions read under their short names. */
const DIM_COLUMNS = DIMS.map((d) => `${d} String`).join(', ');
const DIMS_AS_V = DIMS.map((d, i) => `${d} AS ${V[i]}`).join(', ');
/** A row's key within its message in a MessageKeys map. */
const keyIn = (recipient: string, received: number) => `${recipient}\u0000${received}`;

/** CREATE of the summary (replicated on every server, as the other summaries) and of the message keys (sharded). */
export function messageStateTableStatements(p: Placement): string[] {
  const db = q(p.database);
  const summing = p.cluster
    ? `ReplicatedSummingMergeTree('/clickhouse/tables/all/${p.database}/${SUMMARY}', '{shard}-{replica}')`
    : 'SummingMergeTree()';
  const replacing = p.cluster
    ? `ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${p.database}/${MESSAGE_KEYS}', '{replica}', \`_version\`)`
    : 'ReplacingMergeTree(`_version`)';
  const month = "PARTITION BY toYYYYMM(toDateTime(intDiv(`Received`, 1000000), 'UTC'))";
  const out = [
    `CREATE TABLE IF NOT EXISTS ${db}.${q(SUMMARY)}${onCluster(p)} (\`Received\` Int64, \`States\` String, ${DIM_COLUMNS}, \`MessageTraceId\` String, \`Messages\` Int64, \`_write\` String) ENGINE = ${summing} ${month} ORDER BY (\`Received\`, ${DIMS.join(', ')}, \`States\`, \`MessageTraceId\`)`,
    `CREATE TABLE IF NOT EXISTS ${db}.${q(local(p))}${onCluster(p)} (\`MessageTraceId\` String, \`RecipientAddress\` String, \`Received\` Int64, ${DIM_COLUMNS}, \`_version\` UInt64) ENGINE = ${replacing} ${month} ORDER BY (\`MessageTraceId\`, \`RecipientAddress\`, \`Received\`)`,
  ];
  if (p.cluster)
    out.push(
      `CREATE TABLE IF NOT EXISTS ${db}.${q(MESSAGE_KEYS)}${onCluster(p)} AS ${db}.${q(local(p))} ENGINE = Distributed(${q(p.cluster)}, ${db}, ${q(local(p))}, sipHash64(\`MessageTraceId\`))`,
    );
  return out;
}

/** Each row's key with its dimensions (id, rcpt, t, v1, v2, ...), as KQL reads the rows. */
const rowKeysSql = `SELECT \`MessageTraceId\` AS id, \`RecipientAddress\` AS rcpt, \`Received\` AS t, ${DIMS_AS_V} FROM ${dialect.tableSource('MessageTrace')}`;

/** The same as the message keys hold them (the newest version of each key). */
const keptKeysSql = `SELECT \`MessageTraceId\` AS id, \`RecipientAddress\` AS rcpt, \`Received\` AS t, ${DIMS.map((d, i) => `argMax(${d}, \`_version\`) AS ${V[i]}`).join(', ')} FROM ${q(MESSAGE_KEYS)} GROUP BY id, rcpt, t`;

/**
 * The summary's rows (h, st, v1, v2, ..., m, n) as a recount of `keys` (id, t, v1, v2, ...) gives them: each
 * message's states per hour in a sorted array, its hours in an array (their number says whether it keeps its id),
 * both unrolled with arrayJoin (18.16 has no window functions).
 */
function countedSql(keys: string): string {
  const text = (x: string) => `concat(${V.map((_, i) => `tupleElement(${x}, ${i + 1})`).join(`, ${lit(VALUE_SEPARATOR)}, `)})`;
  const hours = `SELECT id, intDiv(t, ${HOUR_US}) * ${HOUR_US} AS h, arraySort(x -> ${text('x')}, groupUniqArray((${V.join(', ')}))) AS ps FROM (${keys}) GROUP BY id, h`;
  const messages = `SELECT id, length(a) AS nh, arrayJoin(a) AS e FROM (SELECT id, groupArray((h, ps)) AS a FROM (${hours}) GROUP BY id)`;
  const states = `SELECT id, nh, tupleElement(e, 1) AS h, arrayStringConcat(arrayMap(x -> ${text('x')}, tupleElement(e, 2)), ${lit(STATE_SEPARATOR)}) AS st, arrayJoin(tupleElement(e, 2)) AS pr FROM (${messages})`;
  const values = V.map((v, i) => `tupleElement(pr, ${i + 1}) AS ${v}`).join(', ');
  return `SELECT h, st, ${values}, if(nh = 1, '', id) AS m, toInt64(count()) AS n FROM (${states}) GROUP BY h, st, ${V.join(', ')}, m`;
}

/** The summary's rows as held: the sum of the signed counts of each row, those that add up to none left out. */
const heldSql = `SELECT \`Received\` AS h, \`States\` AS st, ${DIMS_AS_V}, \`MessageTraceId\` AS m, sum(\`Messages\`) AS n FROM ${q(SUMMARY)} GROUP BY h, st, ${V.join(', ')}, m HAVING n != 0`;

/** Count the stored rows into both tables (a store written before they existed). */
export async function backfillMessageStates(db: Connection, p: Placement): Promise<void> {
  await db.command(
    `INSERT INTO ${q(p.database)}.${q(local(p))} SELECT \`MessageTraceId\`, \`RecipientAddress\`, \`Received\`, ${DIMS.join(', ')}, \`_version\` FROM ${dialect.tableSource('MessageTrace')}`,
  );
  await db.command(
    `INSERT INTO ${q(p.database)}.${q(SUMMARY)} SELECT h, st, ${V.join(', ')}, m, n, '${randomUUID()}' FROM (${countedSql(keptKeysSql)})`,
  );
}

/** The stored keys of the messages `ids` (read before a write, for both distinct-message summaries). */
export async function storedMessageKeys(db: Connection, ids: readonly string[]): Promise<Map<string, Map<string, StateKey>>> {
  const out = new Map<string, Map<string, StateKey>>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const list = ids.slice(i, i + LOOKUP_CHUNK).map((x) => lit(x));
    const r = await db.select(
      `SELECT \`MessageTraceId\`, \`RecipientAddress\`, \`Received\`, ${DIMS.map((d) => `argMax(${d}, \`_version\`)`).join(', ')} FROM ${q(MESSAGE_KEYS)} WHERE \`MessageTraceId\` IN (${list.join(', ')}) GROUP BY \`MessageTraceId\`, \`RecipientAddress\`, \`Received\``,
    );
    for (const [id, recipient, received, ...values] of r.data) {
      let m = out.get(String(id));
      if (!m) out.set(String(id), (m = new Map()));
      m.set(keyIn(String(recipient), Number(received)), { received: Number(received), values: values.map(String) });
    }
  }
  return out;
}

/**
 * The changes a write of `rows` (MessageTrace rows as the store writes them: new keys and new versions of stored
 * ones, Received in µs, with their `_version`) makes, given the stored keys of their messages (`stored`, read
 * before the write): call `write` after the rows are in. A new version with the stored dimensions changes nothing
 * here and is left out.
 */
export function messageStateChanges(
  db: Connection,
  p: Placement,
  rows: readonly Record<string, unknown>[],
  stored: ReadonlyMap<string, MessageKeys>,
): { write(): Promise<void> } {
  const batch = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) {
    const id = String(r.MessageTraceId);
    const list = batch.get(id);
    if (list) list.push(r);
    else batch.set(id, [r]);
  }
  const messages: [string, MessageKeys | undefined, MessageKeys][] = [];
  const keys: Record<string, unknown>[] = [];
  for (const [id, list] of batch) {
    const before = stored.get(id);
    const after = new Map(before ?? []);
    let changed = false;
    for (const r of list) {
      const k = stateKeyOf(r);
      const key = keyIn(String(r.RecipientAddress), k.received);
      const old = before?.get(key);
      if (old && sameState(old, k)) continue;
      after.set(key, k);
      changed = true;
      keys.push({
        MessageTraceId: id,
        RecipientAddress: r.RecipientAddress,
        Received: k.received,
        ...stateColumns(k.values),
        _version: r._version,
      });
    }
    if (changed) messages.push([id, before, after]);
  }
  const changes = stateChanges(messages);
  return {
    async write() {
      // The keys first: should the summary's insert fail, the next write still starts from the true keys.
      await db.insert(local(p), keys);
      await writeStateChanges(db, changes);
    },
  };
}

const writeStateChanges = (db: Connection, changes: readonly MessageStateChange[]) => insertSignedChanges(db, SUMMARY, changes);

/**
 * Retention, before the rows older than `cutoffMs` go. The messages whose entries from the cutoff's hour on change
 * are those with rows in the hour before the cutoff (their states there change) and those of two hours or more with
 * rows before the cutoff (they may be left with one hour, and lose their id): their entries are counted again from
 * the keys left, as signed changes. Then the hours wholly before the cutoff's go, and so do the keys before it.
 */
export async function trimMessageStates(db: Connection, p: Placement, cutoffMs: number): Promise<void> {
  const cutoff = Math.round(cutoffMs) * 1000;
  const hour = hourOfUs(cutoff);
  const ids = new Set<string>();
  if (hour !== cutoff) {
    // The rows without FINAL: every version of a row has its MessageTraceId and Received (the sorting key).
    const cut = await db.select(
      `SELECT DISTINCT \`MessageTraceId\` FROM ${q('MessageTrace')} WHERE \`Received\` >= ${hour} AND \`Received\` < ${cutoff}`,
    );
    for (const [id] of cut.data) ids.add(String(id));
  }
  const spread = await db.select(
    `SELECT \`MessageTraceId\` FROM ${q(SUMMARY)} WHERE \`MessageTraceId\` != '' GROUP BY \`MessageTraceId\` HAVING min(\`Received\`) < ${cutoff} AND max(\`Received\`) >= ${hour}`,
  );
  for (const [id] of spread.data) ids.add(String(id));
  const stored = await storedMessageKeys(db, [...ids]);
  const messages = [...stored].map(([id, before]) => [id, before, new Map([...before].filter(([, k]) => k.received >= cutoff))] as const);
  // Entries of the hours before the cutoff's are deleted below whatever they hold.
  await writeStateChanges(
    db,
    stateChanges(messages).filter((c) => c.Received >= hour),
  );
  await deleteWhere(db, p, SUMMARY, `\`Received\` < ${hour}`, `SELECT count() FROM ${q(SUMMARY)} WHERE \`Received\` < ${hour}`);
  await deleteWhere(db, p, local(p), `\`Received\` < ${cutoff}`, `SELECT count() FROM ${q(MESSAGE_KEYS)} WHERE \`Received\` < ${cutoff}`);
}

/** Whether the summary and the message keys equal a recount of the rows (compared by a checksum of each side). */
export async function messageStateProblems(db: Connection): Promise<string[]> {
  const digest = (select: string, cols: string) => `SELECT count(), sum(cityHash64(${cols})) FROM (${select})`;
  const compare = (name: string, held: string, counted: string, unit: string) => recountProblems(db, name, held, counted, unit);
  const entries = ['h', 'st', ...V, 'm', 'n'].join(', ');
  const keys = ['id', 'rcpt', 't', ...V].join(', ');
  return [
    ...(await compare(SUMMARY, digest(heldSql, entries), digest(countedSql(rowKeysSql), entries), 'rows')),
    ...(await compare(MESSAGE_KEYS, digest(keptKeysSql, keys), digest(rowKeysSql, keys), 'keys')),
  ];
}
