/** How the ClickHouse dialect reads a KQL table: the store keeps versions of rows beside the KQL columns. */
import { TABLES } from '../../../schema/index.js';
import { quoteIdentifier } from './quote.js';

/**
 * The sorting keys of the sharded tables (their ORDER BY, see the store's ddl.ts). A ReplacingMergeTree collapses
 * only rows whose whole sorting key is equal, so every version of a row has the same values in these columns.
 */
export const SORTING_KEYS: Readonly<Record<string, readonly string[]>> = {
  MessageTrace: ['Received', 'MessageTraceId', 'RecipientAddress'],
  MessageEvents: ['Timestamp', 'MessageTraceId', 'RecipientAddress', 'Event', 'ServerHostname'],
};

/**
 * Columns of a table whose filters are exact before FINAL: its sorting key. A filter on them keeps or drops all
 * versions of a row together, so FINAL still sees each kept row's newest version. Filters on any other column
 * (Status, Subject, a field filled by a later version) must see only the newest version: they stay outside.
 */
export function prefilterColumns(name: string): readonly string[] {
  return SORTING_KEYS[name] ?? [];
}

/**
 * Tables are read with FINAL: the newest version of each key, exactly; the smaller tables also carry deletion
 * marks (a replace writes them), filtered out here. A subquery that reads every column and the version: 18.16
 * fails FINAL on a Distributed table when the query reads fewer columns ("Cannot find column ... in source
 * stream"). `filters` (on prefilterColumns only) go inside, next to FINAL: the primary key index then reads the
 * granules of a time range instead of the whole table (18.16 does not move an outer filter into a FINAL subquery).
 */
export function tableSource(name: string, filters: readonly string[] = []): string {
  const q = quoteIdentifier(name);
  const cols = (TABLES[name]?.columns ?? []).map((c) => quoteIdentifier(c.name)).join(', ');
  const where = [...filters, ...(name === 'MessageTrace' || name === 'MessageEvents' ? [] : ['_deleted = 0'])];
  return `(SELECT ${cols}, _version FROM ${q} FINAL${where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`})`;
}
