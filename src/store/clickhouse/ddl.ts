/**
 * ClickHouse tables of the event model, in the syntax ClickHouse 18.16 (Debian's package) and current releases
 * both accept: `ENGINE = X() PARTITION BY ... ORDER BY ...` (current releases reject the old
 * `MergeTree(date, key, 8192)` form). A datetime is an Int64 of microseconds since the epoch (no DateTime64 in 18.16).
 */
import { getDialect } from '../../kql/index.js';
import { TABLES, type ColumnType, type TableDef } from '../../schema/index.js';

/** Where the store lives: its database and, for a cluster, the cluster's name in remote_servers. */
export interface Placement {
  readonly database: string;
  readonly cluster?: string;
}

/** Column types are the KQL dialect's (a datetime is an Int64 of microseconds there too). */
const sqlType = (type: ColumnType): string => getDialect('clickhouse').fn.sqlType(type);

/** Tables split over the shards by sipHash64(MessageTraceId); the others are small and kept whole on every server. */
export const SHARDED: ReadonlySet<string> = new Set(['MessageTrace', 'MessageEvents']);

/**
 * How each sharded table is partitioned and sorted (the time column first: dashboards and detections read time
 * ranges). The sorting key is the dialect's: the columns it filters before FINAL (exact only on the sorting key).
 */
const LAYOUT: Readonly<Record<string, { time: string; order: readonly string[] }>> = {
  MessageTrace: { time: 'Received', order: getDialect('clickhouse').prefilterColumns('MessageTrace') },
  MessageEvents: { time: 'Timestamp', order: getDialect('clickhouse').prefilterColumns('MessageEvents') },
};

/** The columns that identify a row of a table here (a watchlist's rows are replaced per Name: it is part of the key). */
export function storeKey(table: TableDef): readonly string[] {
  return table.name === 'Watchlist' ? ['Name', ...table.key] : table.key;
}

/** Columns that may hold NULL: datetimes that are not part of a key. */
export function nullable(table: TableDef, column: string): boolean {
  const c = table.columns.find((x) => x.name === column);
  return c?.type === 'datetime' && !table.key.includes(column) && LAYOUT[table.name]?.time !== column;
}

/** `` `name` `` (schema names only). */
export const q = (name: string): string => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;

/** The ClickHouse type of a column. */
export function columnType(table: TableDef, column: string, type: ColumnType): string {
  return nullable(table, column) ? `Nullable(${sqlType(type)})` : sqlType(type);
}

/** The table the store writes into: the local table of a sharded one on a cluster, else the table itself. */
export function writeTable(p: Placement, name: string): string {
  return p.cluster && SHARDED.has(name) ? `${name}_local` : name;
}

/** ` ON CLUSTER name` for a store on a cluster (every DDL statement takes it there), else nothing. */
export const onCluster = (p: Placement): string => (p.cluster ? ` ON CLUSTER ${q(p.cluster)}` : '');

/** The CREATE statements of the store, in order (database first). */
export function createStatements(p: Placement): string[] {
  const db = q(p.database);
  const out = [`CREATE DATABASE IF NOT EXISTS ${db}${onCluster(p)}`];
  for (const table of Object.values(TABLES)) out.push(...tableStatements(p, table));
  out.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${q('_state')}${onCluster(p)} (\`key\` String, \`value\` String, \`updated_at\` Int64, \`_version\` UInt64, \`_deleted\` UInt8) ENGINE = ${engine(p, '_state', false)} ORDER BY \`key\``,
  );
  out.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${q('_finding_history')}${onCluster(p)} (\`id\` String, \`state\` String, \`updated_by\` String, \`updated_at\` Int64, \`_version\` UInt64) ENGINE = ${engine(p, '_finding_history', false)} ORDER BY (\`id\`, \`updated_at\`, \`state\`, \`updated_by\`)`,
  );
  // Alert rules and destinations made in the web app (alert-definitions.ts).
  out.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${q('_alert_definitions')}${onCluster(p)} (\`kind\` String, \`name\` String, \`definition\` String, \`updated_by\` String, \`updated_at\` Int64, \`_version\` UInt64, \`_deleted\` UInt8) ENGINE = ${engine(p, '_alert_definitions', false)} ORDER BY (\`kind\`, \`name\`)`,
  );
  // Saved searches and dashboards made in the app (saved-objects.ts).
  out.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${q('_documents')}${onCluster(p)} (\`kind\` String, \`id\` String, \`owner\` String, \`shared\` UInt8, \`title\` String, \`body\` String, \`created_at\` Int64, \`updated_at\` Int64, \`_version\` UInt64, \`_deleted\` UInt8) ENGINE = ${engine(p, '_documents', false)} ORDER BY (\`kind\`, \`id\`)`,
  );
  // Assignments and notes; `seq` (the store's version clock) keeps the order of entries written at the same time.
  out.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${q('_finding_activity')}${onCluster(p)} (\`id\` String, \`kind\` String, \`value\` String, \`actor\` String, \`created_at\` Int64, \`seq\` UInt64, \`_version\` UInt64) ENGINE = ${engine(p, '_finding_activity', false)} ORDER BY (\`id\`, \`created_at\`, \`seq\`)`,
  );
  return out;
}

function engine(p: Placement, name: string, sharded: boolean): string {
  if (!p.cluster) return 'ReplacingMergeTree(_version)';
  // Sharded tables: one replica set per shard; small tables: one replica set spanning every server of the cluster.
  const path = sharded ? `/clickhouse/tables/{shard}/${p.database}/${name}` : `/clickhouse/tables/all/${p.database}/${name}`;
  return `ReplicatedReplacingMergeTree('${path}', '${sharded ? '{replica}' : '{shard}-{replica}'}', _version)`;
}

function tableStatements(p: Placement, table: TableDef): string[] {
  const db = q(p.database);
  const cols = table.columns.map((c) => `${q(c.name)} ${columnType(table, c.name, c.type)}`);
  const sharded = SHARDED.has(table.name);
  const layout = LAYOUT[table.name];
  const extra = sharded ? ['`_version` UInt64'] : ['`_version` UInt64', '`_deleted` UInt8'];
  const local = writeTable(p, table.name);
  const body = layout
    ? `PARTITION BY toYYYYMM(toDateTime(intDiv(${q(layout.time)}, 1000000), 'UTC')) ORDER BY (${layout.order.map(q).join(', ')})`
    : `ORDER BY (${storeKey(table).map(q).join(', ')})`;
  const out = [
    `CREATE TABLE IF NOT EXISTS ${db}.${q(local)}${onCluster(p)} (${[...cols, ...extra].join(', ')}) ENGINE = ${engine(p, table.name, sharded)} ${body}`,
  ];
  if (p.cluster && sharded) {
    out.push(
      `CREATE TABLE IF NOT EXISTS ${db}.${q(table.name)}${onCluster(p)} AS ${db}.${q(local)} ENGINE = Distributed(${q(p.cluster)}, ${db}, ${q(local)}, sipHash64(\`MessageTraceId\`))`,
    );
  }
  return out;
}
