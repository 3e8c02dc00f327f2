import { describe, expect, it } from 'vitest';
import { parseStoreUrl, redactStoreUrl } from './store-url.js';

describe('parseStoreUrl', () => {
  it('reads DuckDB paths and memory', () => {
    expect(parseStoreUrl('duckdb:./x/y.duckdb')).toEqual({ engine: 'duckdb', path: './x/y.duckdb', settings: {} });
    expect(parseStoreUrl('duckdb::memory:')).toEqual({ engine: 'duckdb', path: ':memory:', settings: {} });
    expect(parseStoreUrl('duckdb:./a.duckdb?memory_limit=4GB&threads=2')).toEqual({
      engine: 'duckdb',
      path: './a.duckdb',
      settings: { memory_limit: '4GB', threads: '2' },
    });
    expect(() => parseStoreUrl('duckdb:./a.duckdb?allow_unsigned_extensions=true')).toThrow(/not one of/);
  });
  it('reads ClickHouse URLs with database and cluster', () => {
    const u = parseStoreUrl('clickhouse://u:secret@ch.local:8123/mail?cluster=c1');
    expect(u.engine).toBe('clickhouse');
    if (u.engine === 'clickhouse') {
      expect(u.database).toBe('mail');
      expect(u.cluster).toBe('c1');
    }
  });
  it('rejects unknown schemes without echoing passwords', () => {
    expect(() => parseStoreUrl('postgres://u:hunter2@x/db')).toThrow(/unknown store/);
    expect(() => parseStoreUrl('postgres://u:hunter2@x/db')).not.toThrow(/hunter2/);
  });
  it('redacts passwords', () => {
    expect(redactStoreUrl('clickhouse://u:secret@h:8123/db')).toBe('clickhouse://u:***@h:8123/db');
  });
});
