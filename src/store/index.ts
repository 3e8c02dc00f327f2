/** Storage engines behind one interface; `openStore(url)` picks the engine from the URL. */
import type { Store } from './store.js';
import { parseStoreUrl, redactStoreUrl } from './store-url.js';

export type {
  Store,
  UpsertCounts,
  QueryResult,
  QueryOptions,
  StoreStats,
  StateEntry,
  DimensionEnricher,
  TimeWindow,
  EntityColumn,
  EntityValueStats,
  MaterializedRows,
} from './store.js';
export type * from './detect-queries.js';
export type { SavedObjectStore, SavedSearchRow, StoredDashboardRow } from './saved-objects.js';
export type { AlertDefinitionKind, AlertDefinitionRow } from './alert-definitions.js';
export { aggregatesOn, answersFromSummaries, runKql } from './run-kql.js';
export type { RunKqlOptions, KqlResult } from './run-kql.js';
export { FILLABLE_STRING_COLUMNS, FILLABLE_NUMBER_COLUMNS, mergeTrace, collapseBatch } from './trace-merge.js';
export type { SqlDialectName } from './dialect-name.js';
export { StoreConfigError, StoreQueryError, StoreLockedError, StoreDamagedError, isDamagedStoreError } from './errors.js';
export { parseStoreUrl, redactStoreUrl, DEFAULT_STORE_URL } from './store-url.js';

/** Open the store a URL names, creating and migrating it when needed. */
export async function openStore(url: string): Promise<Store> {
  const parsed = parseStoreUrl(url);
  if (parsed.engine === 'duckdb') {
    // The engine is loaded on first use so that commands which never open a store start quickly.
    const { openDuckDbStore } = await import('./duckdb/duckdb-store.js');
    return openDuckDbStore(parsed.path, parsed.settings);
  }
  const { openClickHouseStore } = await import('./clickhouse/open-store.js');
  return openClickHouseStore(parsed.url, { database: parsed.database, cluster: parsed.cluster }, redactStoreUrl(url));
}
export { copyStore } from './copy-store.js';
export type { CopyProgress, CopyReport } from './copy-store.js';
