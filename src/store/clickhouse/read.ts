/** How the store's own SQL reads a table: as KQL reads it (the newest version of each key), filtered. */
import { getDialect } from '../../kql/index.js';
import type { TimeWindow } from '../store.js';

const dialect = getDialect('clickhouse');

/** A condition of a read: the column it tests and its SQL. */
export type Condition = readonly [column: string, sql: string];

/**
 * `table` as KQL reads it, with `conditions`: those on the sorting key go inside FINAL (exact there, and they
 * choose the granules read: a time range reads its own days, not the table), the others apply after FINAL.
 */
export function readWhere(table: string, conditions: readonly Condition[] = []): string {
  const key = dialect.prefilterColumns(table);
  const inside = conditions.filter(([c]) => key.includes(c)).map(([, sql]) => sql);
  const after = conditions.filter(([c]) => !key.includes(c)).map(([, sql]) => sql);
  return `${dialect.tableSource(table, inside)}${after.length === 0 ? '' : ` WHERE ${after.join(' AND ')}`}`;
}

/** The conditions of a time window on MessageTrace's Received (ms; the column holds microseconds). */
export function receivedWithin(w: TimeWindow, lit: (value: unknown, type: 'long') => string): Condition[] {
  const out: Condition[] = [];
  if (w.from !== undefined) out.push(['Received', `Received >= ${lit(Math.round(w.from) * 1000, 'long')}`]);
  if (w.to !== undefined) out.push(['Received', `Received < ${lit(Math.round(w.to) * 1000, 'long')}`]);
  return out;
}
