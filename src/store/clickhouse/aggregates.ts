/**
 * The summary tables of MessageTrace on ClickHouse (src/schema/aggregates.ts). A materialized view would count
 * an updated row twice (its old version stays until a merge, and FINAL does not apply to the view), so the store's
 * writer, which already knows each row's stored and new version, writes signed changes instead: -1 (and -Size) in
 * the old version's group, +1 in the new one's, into a SummingMergeTree. A group is the sum of its rows however far
 * the merges have gone; the dialect's aggregateSource reads it so and leaves out groups that add up to nothing.
 */
import { randomUUID } from 'node:crypto';
import { TRACE_AGGREGATES, type TraceAggregateDef, type TraceRow } from '../../schema/index.js';
import { getDialect } from '../../kql/index.js';
import { StoreQueryError } from '../errors.js';
import { firstLine, type Connection } from './connection.js';
import { onCluster, q, type Placement } from './ddl.js';

const TRACES = getDialect('clickhouse').tableSource('MessageTrace');

function engine(p: Placement, name: string): string {
  if (!p.cluster) return 'SummingMergeTree()';
  return `ReplicatedSummingMergeTree('/clickhouse/tables/all/${p.database}/${name}', '{shard}-{replica}')`;
}

/**
 * CREATE of a summary table. `_write` names the write a block came from: replicated tables drop a block equal
 * to one inserted before (insert_deduplicate), and two writes may well add the same +1 to the same group.
 */
export function summaryTableStatement(p: Placement, def: TraceAggregateDef): string {
  const keys = ['Received', ...def.dimensions];
  const cols = ['`Received` Int64', ...def.dimensions.map((d) => `${q(d)} String`), '`Rows` Int64', '`Bytes` Int64', '`_write` String'];
  return `CREATE TABLE IF NOT EXISTS ${q(p.database)}.${q(def.name)}${onCluster(p)} (${cols.join(', ')}) ENGINE = ${engine(p, def.name)} PARTITION BY toYYYYMM(toDateTime(intDiv(\`Received\`, 1000000), 'UTC')) ORDER BY (${keys.map(q).join(', ')})`;
}

/** CREATE of each summary table. */
export const aggregateTableStatements = (p: Placement): string[] => TRACE_AGGREGATES.map((def) => summaryTableStatement(p, def));

/** The start (µs) of the hour (day) of `def` that a time in ms falls in. */
export const bucketStartUs = (def: TraceAggregateDef, ms: number) => Math.floor(ms / def.grainMs) * def.grainMs * 1000;

/** The start of the hour (day) of `def` a time in µs falls in (floored before 1970 too, as bucketStartUs is). */
function bucketOf(def: TraceAggregateDef, column: string): string {
  const g = `toInt64(${def.grainMs * 1000})`;
  return `(${column} - (${column} % ${g} + ${g}) % ${g})`;
}

/** Count the stored rows into summary tables that were just created (a store written before they existed). */
export async function backfillAggregates(db: Connection, p: Placement, defs: readonly TraceAggregateDef[]): Promise<void> {
  for (const def of defs) {
    const dims = def.dimensions.map(q).join(', ');
    await db.command(
      `INSERT INTO ${q(p.database)}.${q(def.name)} SELECT ${bucketOf(def, '`Received`')} AS h, ${dims}, toInt64(count()), toInt64(sum(\`Size\`)), '${randomUUID()}' FROM ${TRACES} GROUP BY h, ${dims}`,
    );
  }
}

/** A row version's effect on the tables: `sign` 1 adds it, -1 takes it away. */
export interface TraceChange {
  readonly row: TraceRow;
  readonly sign: 1 | -1;
}

/** The signed changes `changes` summed to the groups of `def`, groups that change nothing left out. */
export function signedGroups(def: TraceAggregateDef, changes: readonly TraceChange[]): Record<string, unknown>[] {
  const write = randomUUID();
  const groups = new Map<string, Record<string, unknown>>();
  for (const { row, sign } of changes) {
    const hour = bucketStartUs(def, row.Received);
    const dims = def.dimensions.map((d) => dimensionOf(row, d));
    const key = JSON.stringify([hour, ...dims]);
    let g = groups.get(key);
    if (!g) {
      g = { Received: hour, ...Object.fromEntries(def.dimensions.map((d, i) => [d, dims[i]])), Rows: 0, Bytes: 0, _write: write };
      groups.set(key, g);
    }
    g.Rows = (g.Rows as number) + sign;
    g.Bytes = (g.Bytes as number) + sign * Math.trunc(row.Size);
  }
  return [...groups.values()].filter((g) => g.Rows !== 0 || g.Bytes !== 0);
}

/** A row's value of a string dimension, as the summary tables keep it ('' for none). */
export const dimensionOf = (row: TraceRow, column: string): string => String((row as unknown as Record<string, unknown>)[column] ?? '');

/** Write the signed changes of one write (rows new, rows replaced by a newer version) into every summary table. */
export async function writeAggregateChanges(db: Connection, changes: readonly TraceChange[]): Promise<void> {
  if (changes.length === 0) return;
  for (const def of TRACE_AGGREGATES) await db.insert(def.name, signedGroups(def, changes));
}

/**
 * Retention of one summary table, before the rows older than `cutoffMs` go: the hour (a daily table's day) the
 * cutoff cuts through loses what the rows of `only` (a condition on them; a heavy table's held values) counted
 * there, and the hours (days) wholly before it go (a mutation, awaited by reading).
 */
export async function trimSummary(db: Connection, p: Placement, def: TraceAggregateDef, cutoffMs: number, only = '1'): Promise<void> {
  const cutoff = Math.round(cutoffMs) * 1000;
  const hour = bucketStartUs(def, cutoffMs);
  const dims = def.dimensions.map(q).join(', ');
  if (hour !== cutoff) {
    await db.command(
      `INSERT INTO ${q(p.database)}.${q(def.name)} SELECT ${hour}, ${dims}, -toInt64(count()), -toInt64(sum(\`Size\`)), '${randomUUID()}' FROM ${TRACES} WHERE \`Received\` >= ${hour} AND \`Received\` < ${cutoff} AND ${only} GROUP BY ${dims}`,
    );
  }
  const old = `\`Received\` < ${hour}`;
  const count = `SELECT count() FROM ${q(def.name)} WHERE ${old}`;
  if (Number((await db.select(count)).data[0]![0]) === 0) return;
  await db.command(`ALTER TABLE ${q(p.database)}.${q(def.name)}${onCluster(p)} DELETE WHERE ${old}`);
  const started = Date.now();
  while (Number((await db.select(count)).data[0]![0]) > 0) {
    if (Date.now() - started > 120_000) throw new StoreQueryError(`retention: ${def.name} still holds old hours after 120 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Retention of every summary table per hour or day (trimSummary). */
export async function trimAggregates(db: Connection, p: Placement, cutoffMs: number): Promise<void> {
  for (const def of TRACE_AGGREGATES) await trimSummary(db, p, def, cutoffMs);
}

/**
 * `name` against a recount (of the rows, or of `against`), each side a digest `SELECT count(), sum(cityHash64(...))`:
 * a problem when they differ (naming the `unit`s each side has), or when they could not be read (a check that did
 * not run is no pass).
 */
export async function recountProblems(
  db: Connection,
  name: string,
  held: string,
  counted: string,
  unit: string,
  against = 'a recount of MessageTrace',
): Promise<string[]> {
  const compared = await Promise.all([db.select(held), db.select(counted)]).catch((e: unknown) => e);
  if (!Array.isArray(compared)) return [`${name} could not be compared with ${against}: ${firstLine(compared)}`];
  const [a, b] = compared;
  return JSON.stringify(a.data) === JSON.stringify(b.data)
    ? []
    : [`${name} differs from ${against} (${String(a.data[0]?.[0])} ${unit} held, ${String(b.data[0]?.[0])} counted)`];
}

/** A digest of `select`, groups of `def` (its Received, dimensions, `r` rows and `b` bytes): their number and a checksum. */
export function groupsDigest(def: TraceAggregateDef, select: string): string {
  const cols = ['Received', ...def.dimensions].map(q).join(', ');
  return `SELECT count(), sum(cityHash64(${cols}, r, b)) FROM (${select})`;
}

/** The groups of `def` as the dialect reads them, for groupsDigest. */
export function heldGroupsSql(def: TraceAggregateDef): string {
  const cols = ['Received', ...def.dimensions].map(q).join(', ');
  return `SELECT ${cols}, toInt64(\`__Rows\`) AS r, toInt64(\`__Bytes\`) AS b FROM (${getDialect('clickhouse').aggregateSource(def)})`;
}

/** Summary tables whose groups differ from a recount of the rows (compared by a checksum of each side's groups). */
export async function aggregateProblems(db: Connection): Promise<string[]> {
  const problems: string[] = [];
  for (const def of TRACE_AGGREGATES) {
    const dims = def.dimensions.map(q).join(', ');
    const counted = groupsDigest(
      def,
      `SELECT ${bucketOf(def, '`Received`')} AS \`Received\`, ${dims}, toInt64(count()) AS r, toInt64(sum(\`Size\`)) AS b FROM ${TRACES} GROUP BY \`Received\`, ${dims}`,
    );
    problems.push(...(await recountProblems(db, def.name, groupsDigest(def, heldGroupsSql(def)), counted, 'groups')));
  }
  return problems;
}
