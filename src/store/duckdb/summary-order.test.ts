/** The summary tables put back in time order when a write has spread them (summary-order.ts), on a real DuckDB file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { traceRow } from '../testing/trace-row.js';
import { openDuckDbStore } from './duckdb-store.js';
import { keepSummariesInOrder, SUMMARY_TABLES } from './summary-order.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const H = 3_600_000;

/** n rows over 72 hours, with many senders and subjects (many summary rows). */
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    traceRow({
      Received: Date.UTC(2026, 10, 2) + ((i * 7_919_000) % (72 * H)),
      MessageTraceId: `m-${i}`,
      SenderAddress: `s${i % 700}@example.com`,
      Subject: `subject ${i % 500}`,
      Status: i % 4 === 0 ? 'Failed' : 'Delivered',
    }),
  );

/** Rows of each summary table whose Received comes before that of the row before them (by rowid). */
async function descents(c: DuckDBConnection): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SUMMARY_TABLES) {
    const sql = `SELECT count(*) FROM (SELECT "Received" < lag("Received") OVER (ORDER BY rowid) AS down FROM "${t}") WHERE down`;
    out[t] = Number((await c.runAndReadAll(sql)).getRowsJS()[0]![0]);
  }
  return out;
}

/** The file at `path` opened by DuckDB alone, with a write transaction as the store runs one. */
async function raw(path: string) {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  const transaction = async (work: (tx: DuckDBConnection) => Promise<void>) => {
    await c.run('BEGIN TRANSACTION');
    try {
      await work(c);
      await c.run('COMMIT');
    } catch (e) {
      await c.run('ROLLBACK');
      throw e;
    }
  };
  return { c, transaction, close: () => (c.closeSync(), instance.closeSync()) };
}

/** Small row groups, so that a few thousand summary rows make many. */
const SMALL = { groupRows: 64, minTouched: 2 };

describe('summary tables kept in time order', () => {
  it('writes again the tables whose reads touch too many row groups, and leaves those in order', async () => {
    const path = join(dir, 'spread.duckdb');
    const store = await openDuckDbStore(path);
    await store.upsertTraces(rows(6_000));
    const counts = (await store.query('SELECT count(*) FROM "MessageTraceHourlySenders"')).rows[0]![0];
    await store.close();

    const db = await raw(path);
    // In order already: nothing to do.
    expect(await keepSummariesInOrder(db.c, db.transaction, SMALL)).toEqual([]);
    // Spread: every table's rows shuffled, as files over the same days leave them.
    for (const t of SUMMARY_TABLES) {
      await db.c.run(`CREATE TEMP TABLE shuffled AS SELECT * FROM "${t}" ORDER BY hash(rowid)`);
      await db.c.run(`DELETE FROM "${t}"`);
      await db.c.run(`INSERT INTO "${t}" SELECT * FROM shuffled`);
      await db.c.run('DROP TABLE shuffled');
    }
    const spread = await descents(db.c);
    expect(spread['MessageTraceHourlySenders']).toBeGreaterThan(100);
    const rewritten = await keepSummariesInOrder(db.c, db.transaction, SMALL);
    // The tables of more than a few small row groups (the hourly status table holds 72 rows: two).
    expect(rewritten).toContain('MessageTraceHourlySenders');
    expect(rewritten).toContain('MessageTraceDailySubjects');
    for (const t of rewritten) expect((await descents(db.c))[t], t).toBe(0);
    expect(await keepSummariesInOrder(db.c, db.transaction, SMALL)).toEqual([]);
    db.close();

    const again = await openDuckDbStore(path);
    expect((await again.query('SELECT count(*) FROM "MessageTraceHourlySenders"')).rows[0]![0]).toBe(counts);
    expect(await again.checkIntegrity()).toEqual([]);
    await again.close();
  });

  it('measures the tables after a write of more than a day into a store with rows, which stays exact', async () => {
    const path = join(dir, 'wide.duckdb');
    const store = await openDuckDbStore(path);
    await store.upsertTraces(rows(2_000));
    await store.upsertTraces(
      rows(3_000)
        .slice(2_000)
        .map((r) => ({ ...r, Received: r.Received + 30 * 60_000 })),
    );
    expect(await store.checkIntegrity()).toEqual([]);
    await store.close();
  });
});
