/**
 * The summary tables in time order, on real DuckDB files: each write appends its summary rows sorted, migration 15
 * sorts a store written before, and a store whose tables a write spread is put back in order (summary-order.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { MESSAGE_AGGREGATE, SUMMARY_TABLE_NAMES } from '../../schema/index.js';
import { traceRow } from '../testing/trace-row.js';
import { openDuckDbStore } from './duckdb-store.js';
import { keepSummariesInOrder } from './summary-order.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const H = 3_600_000;

/**
 * n rows over `hours` hours from 2026-11-02: senders, subjects and messages new to each `tag`, a few heavy senders,
 * and two recipients a message, hours apart (messages with entries of their own in the distinct-messages table).
 */
const rows = (tag: string, n: number, hours = 48) =>
  Array.from({ length: n }, (_, i) =>
    traceRow({
      Received: Date.UTC(2026, 10, 2) + ((i * 7_919_000) % (hours * H)),
      MessageTraceId: `${tag}-${Math.floor(i / 2)}`,
      RecipientAddress: `r${i % 2}@contoso.com`,
      SenderAddress: i % 3 === 0 ? `bulk${i % 2}@${tag}.example` : `s${i % 700}@${tag}.example`,
      SenderDomain: `${tag}.example`,
      Subject: `${tag} subject ${i % 500}`,
      Status: i % 4 === 0 ? 'Failed' : 'Delivered',
    }),
  );

type Query = (sql: string) => Promise<unknown[][]>;

/** Per summary table, its rows from rowid `after[table]` on whose Received comes before that of the row before them. */
async function descents(query: Query, after: Record<string, number> = {}): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SUMMARY_TABLE_NAMES) {
    const sql = `SELECT count(*) FILTER (WHERE "Received" < before) FROM (SELECT rowid AS r, "Received", lag("Received") OVER (ORDER BY rowid) AS before FROM "${t}") WHERE r > ${after[t] ?? -1}`;
    out[t] = Number((await query(sql))[0]![0]);
  }
  return out;
}

const zero = Object.fromEntries(SUMMARY_TABLE_NAMES.map((t) => [t, 0]));

/**
 * A write inserts into each table once, in order, but twice into the distinct-messages table: the entries of
 * messages with rows in two hours or more, then the hours' counts of the messages first seen in them.
 */
function expectWrittenInOrder(d: Record<string, number>): void {
  expect(d[MESSAGE_AGGREGATE.name]).toBeLessThanOrEqual(1);
  expect(d).toEqual({ ...zero, [MESSAGE_AGGREGATE.name]: d[MESSAGE_AGGREGATE.name] });
}

/** The file at `path` opened by DuckDB alone, with a write transaction as the store runs one. */
async function raw(path: string) {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  const query: Query = async (sql) => (await c.runAndReadAll(sql)).getRowsJS();
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
  /** Every summary table's rows shuffled, as files over the same days (or a store written before) leave them. */
  const shuffle = async () => {
    for (const t of SUMMARY_TABLE_NAMES) {
      await c.run(`CREATE TEMP TABLE shuffled AS SELECT * FROM "${t}" ORDER BY hash(rowid)`);
      await c.run(`DELETE FROM "${t}"`);
      await c.run(`INSERT INTO "${t}" SELECT * FROM shuffled`);
      await c.run('DROP TABLE shuffled');
    }
    expect((await descents(query))['MessageTraceHourlySenders']).toBeGreaterThan(100);
  };
  return { c, query, transaction, shuffle, close: () => (c.closeSync(), instance.closeSync()) };
}

/** Small row groups, so that a few thousand summary rows make many. */
const SMALL = { groupRows: 64, minTouched: 2 };

describe('summary tables in time order', () => {
  it('are written in order: a write appends its rows sorted, and migration 15 sorts a store written before', async () => {
    const path = join(dir, 'in-order.duckdb');
    const a = await openDuckDbStore(path);
    const query: Query = async (sql) => (await a.query(sql)).rows;
    await a.upsertTraces(rows('first', 3_000));
    expectWrittenInOrder(await descents(query));
    const last: Record<string, number> = {};
    for (const t of SUMMARY_TABLE_NAMES) last[t] = Number((await query(`SELECT max(rowid) FROM "${t}"`))[0]![0]);
    await a.upsertTraces(rows('second', 3_000));
    // The second write's rows come after the first's, in order (its first row may come before the first's last).
    expectWrittenInOrder(await descents(query, Object.fromEntries(SUMMARY_TABLE_NAMES.map((t) => [t, last[t]! + 1]))));
    await a.close();

    // A store written before: its tables spread, and migration 15 not yet applied, nor those after it (which count
    // some tables again, or add them).
    const db = await raw(path);
    await db.shuffle();
    await db.c.run('DELETE FROM _migrations WHERE version >= 15');
    db.close();
    const b = await openDuckDbStore(path);
    expect(await descents(async (sql) => (await b.query(sql)).rows)).toEqual(zero);
    expect(await b.checkIntegrity()).toEqual([]);
    await b.close();
  });

  it('are written again when their reads touch too many row groups, and left alone in order', async () => {
    const path = join(dir, 'spread.duckdb');
    const store = await openDuckDbStore(path);
    await store.upsertTraces(rows('a', 6_000, 72));
    const counts = (await store.query('SELECT count(*) FROM "MessageTraceHourlySenders"')).rows[0]![0];
    await store.close();

    const db = await raw(path);
    expect(await keepSummariesInOrder(db.c, db.transaction, SMALL)).toEqual([]);
    await db.shuffle();
    const rewritten = await keepSummariesInOrder(db.c, db.transaction, SMALL);
    // The tables of more than a few small row groups (the hourly status table holds 72 rows: two).
    expect(rewritten).toContain('MessageTraceHourlySenders');
    expect(rewritten).toContain('MessageTraceDailySubjects');
    const after = await descents(db.query);
    for (const t of rewritten) expect(after[t], t).toBe(0);
    expect(await keepSummariesInOrder(db.c, db.transaction, SMALL)).toEqual([]);
    db.close();

    const again = await openDuckDbStore(path);
    expect((await again.query('SELECT count(*) FROM "MessageTraceHourlySenders"')).rows[0]![0]).toBe(counts);
    expect(await again.checkIntegrity()).toEqual([]);
    await again.close();
  });

  it('are measured after a write of more than a day into a store with rows, which stays exact', async () => {
    const store = await openDuckDbStore(join(dir, 'wide.duckdb'));
    await store.upsertTraces(rows('a', 2_000, 72));
    await store.upsertTraces(rows('b', 2_000, 72));
    expect(await store.checkIntegrity()).toEqual([]);
    await store.close();
  });
});
