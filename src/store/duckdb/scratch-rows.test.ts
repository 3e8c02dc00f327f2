// Rows kept on DuckDB (the shared cases are in kept-rows.case.ts): the scratch database and the reader's settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileKql } from '../../kql/index.js';
import { traceRow } from '../store.case.js';
import { openDuckDbStore, type DuckDbStore } from './duckdb-store.js';

let store: DuckDbStore;
beforeAll(async () => {
  store = await openDuckDbStore(':memory:');
  await store.upsertTraces(
    Array.from({ length: 30 }, (_, i) => traceRow({ MessageTraceId: `id-${i}`, Received: Date.UTC(2026, 10, 1) + i * 60_000 })),
  );
});
afterAll(() => store.close());

const kept = (maxRows: number) => {
  const c = compileKql('MessageTrace | project Received', { dialect: 'duckdb', engineTypes: true });
  return store.materializeRows(c.sql, c.params, { maxRows });
};
const tables = async () => (await store.query(`SELECT count(*) FROM duckdb_tables() WHERE database_name = 'mailsift_scratch'`)).rows[0]![0];

describe('rows kept on DuckDB', () => {
  it('live in an attached in-memory database, and nothing is left past maxRows or after release', async () => {
    const rows = await kept(100);
    expect(await tables()).toBe(1);
    await rows!.release();
    expect(await kept(29)).toBeUndefined();
    expect(await tables()).toBe(0);
  });

  it('gives the reader connections their settings back', async () => {
    const rows = await kept(100);
    await rows!.release();
    const settings = await Promise.all(Array.from({ length: 4 }, () => store.query(`SELECT current_setting('preserve_insertion_order')`)));
    expect(settings.map((s) => s.rows[0]![0])).toEqual([true, true, true, true]);
  });
});
