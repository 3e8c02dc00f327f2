/** Parsing of store URLs (`duckdb:PATH`, `duckdb::memory:`, `clickhouse://user:pass@host:8123/db?cluster=NAME`). */
import { StoreConfigError } from './errors.js';

export type StoreUrl =
  | { engine: 'duckdb'; path: string; settings: Record<string, string> }
  | { engine: 'clickhouse'; url: URL; database: string; cluster?: string };

/** DuckDB settings a store URL may carry, e.g. duckdb:./x.duckdb?memory_limit=4GB&threads=2. */
const DUCKDB_SETTINGS = new Set(['memory_limit', 'threads', 'temp_directory']);

/** The default store of DESIGN.md. */
export const DEFAULT_STORE_URL = 'duckdb:./mailsift-data/mailsift.duckdb';

/** Parse a store URL; throws StoreConfigError naming the accepted forms. */
export function parseStoreUrl(raw: string): StoreUrl {
  const text = raw.trim();
  if (text.startsWith('duckdb:')) {
    const [path = '', query = ''] = text.slice('duckdb:'.length).split('?', 2);
    if (!path) throw new StoreConfigError(`store URL '${text}' has no path (use duckdb:PATH or duckdb::memory:)`);
    const settings: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(query)) {
      if (!DUCKDB_SETTINGS.has(k)) throw new StoreConfigError(`store URL setting '${k}' is not one of ${[...DUCKDB_SETTINGS].join(', ')}`);
      settings[k] = v;
    }
    return { engine: 'duckdb', path, settings };
  }
  if (/^clickhouses?:\/\//.test(text)) {
    let url: URL;
    try {
      url = new URL(text.replace(/^clickhouse/, 'http'));
    } catch (cause) {
      throw new StoreConfigError(`store URL is not a valid ClickHouse URL: ${redactStoreUrl(text)}`, { cause });
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'default';
    const cluster = url.searchParams.get('cluster') ?? undefined;
    // Both become identifiers of DDL statements: plain names only.
    for (const [what, name] of [
      ['database', database],
      ['cluster', cluster],
    ] as const) {
      if (name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        throw new StoreConfigError(`store URL ${what} '${name}' must be letters, digits and _ (${redactStoreUrl(text)})`);
      }
    }
    for (const k of url.searchParams.keys()) {
      if (k !== 'cluster') throw new StoreConfigError(`store URL setting '${k}' is not one of cluster (${redactStoreUrl(text)})`);
    }
    return { engine: 'clickhouse', url, database, cluster };
  }
  throw new StoreConfigError(
    `unknown store '${redactStoreUrl(text)}': use duckdb:PATH, duckdb::memory: or clickhouse://user:pass@host:8123/db`,
  );
}

/** The URL with any password replaced, for logs and messages. */
export function redactStoreUrl(raw: string): string {
  return raw.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}
