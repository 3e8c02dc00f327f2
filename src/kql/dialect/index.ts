/** The SQL dialects of the KQL compiler, by name. */
import { clickhouse } from './clickhouse/index.js';
import type { Dialect } from './dialect.js';
import { duckdb } from './duckdb/index.js';

export type { Dialect, DialectCapabilities, DialectFunctions } from './dialect.js';

/** Names accepted by compileKql. */
export type DialectName = 'duckdb' | 'clickhouse';

const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, clickhouse };

/** The dialect called `name`. */
export function getDialect(name: DialectName): Dialect {
  const d = DIALECTS[name];
  if (!d) throw new Error(`unknown SQL dialect '${String(name)}'`);
  return d;
}
