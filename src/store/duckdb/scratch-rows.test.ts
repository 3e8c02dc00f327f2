// Rows kept in the engine for a group of queries (Store.materializeRows) on a real DuckDB file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileKql } from '../../kql/index.js';
import { runKql } from '../run-kql.js';
import { traceRow } from '../store.case.js';
import { openDuckDbStore, type DuckDbStore } from './duckdb-store.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-kept-'));
let store: DuckDbStore;
beforeAll(async () => {
  store = await openDuckDbStore(join(dir, 'kept.duckdb'));
  await store.upsertTraces(
    Array.from({ length: 50 }, (_, i) =>
      traceRow({
        MessageTraceId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
        Received: Date.UTC(2026, 10, 1) + i * 3_600_000,
        SenderAddress: `s${i % 3}@contoso.com`,
        Status: i % 2 ? 'Delivered' : 'Failed',
        Size: 100 + i,
      }),
    ),
  );
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const kept = (kql: string, maxRows: number) => {
  const c = compileKql(kql, { dialect: 'duckdb', timeRange: { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 2) } });
  return store.materializeRows(c.sql, c.params, { maxRows });
};
const tables = async () => (await store.query(`SELECT count(*) FROM duckdb_tables() WHERE database_name = 'mailsift_scratch'`)).rows[0]![0];

describe('rows kept for a group of queries', () => {
  it('keeps the rows of a statement, which KQL then reads with the time range and filters applied', async () => {
    const rows = await kept('MessageTrace | where SenderAddress == "s1@contoso.com" | project Received, Status, Size', 1000);
    expect(rows?.rows).toBe(8);
    const tableSources = { MessageTrace: { sql: rows!.sql, columns: ['Received', 'Status', 'Size'] } };
    const query = 'MessageTrace | summarize n = count(), bytes = sum(Size) by Status | sort by Status asc';
    const range = { from: Date.UTC(2026, 10, 1, 6), to: Date.UTC(2026, 10, 2) };
    const fromKept = await runKql(store, query, { timeRange: range, tableSources });
    const fromTable = await runKql(store, `MessageTrace | where SenderAddress == "s1@contoso.com" | ${query.slice(15)}`, {
      timeRange: range,
    });
    expect(fromKept.rows).toEqual(fromTable.rows);
    expect(fromKept.rows).toEqual([
      ['Delivered', 3, 339],
      ['Failed', 3, 348],
    ]);
    // A column the kept rows lack is unknown, as in any table.
    expect(() => compileKql('MessageTrace | project Subject', { dialect: 'duckdb', tableSources })).toThrow(/Subject/);
    expect(await tables()).toBe(1);
    await rows!.release();
    expect(await tables()).toBe(0);
  });

  it('keeps nothing past maxRows', async () => {
    expect(await kept('MessageTrace | project Received', 23)).toBeUndefined();
    expect(await tables()).toBe(0);
    const all = await kept('MessageTrace | project Received', 24);
    expect(all?.rows).toBe(24);
    await all!.release();
  });

  it('gives the reader connection its settings back', async () => {
    const all = await kept('MessageTrace | project Received', 100);
    await all!.release();
    const settings = await Promise.all(Array.from({ length: 4 }, () => store.query(`SELECT current_setting('preserve_insertion_order')`)));
    expect(settings.map((s) => s.rows[0]![0])).toEqual([true, true, true, true]);
  });
});
