/**
 * One row per key when a small table is written: a feed or a watchlist that lists one key twice (an indicator
 * with two actors) stores its last row, on every engine (a ReplacingMergeTree keeps the last row of a block, a
 * DuckDB table would keep both).
 */
import type { TableDef } from '../schema/index.js';

/** `rows` with, for each key of `table`, only the last row of that key (at the place of its first). */
export function lastPerKey<T extends object>(table: TableDef, rows: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const r of rows) byKey.set(JSON.stringify(table.key.map((k) => (r as Record<string, unknown>)[k])), r);
  return byKey.size === rows.length ? [...rows] : [...byKey.values()];
}
