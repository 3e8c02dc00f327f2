import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { runAggregateTests } from '../aggregates.case.js';
import { runStoreTests, traceRow } from '../store.case.js';
import { openDuckDbStore } from './duckdb-store.js';
import { MIGRATIONS } from './migrations.js';
import {
  HEAVY_AGGREGATES,
  HEAVY_HOURLY_AGGREGATES,
  MESSAGE_AGGREGATE,
  MESSAGE_STATE_AGGREGATE,
  TRACE_AGGREGATES,
} from '../../schema/index.js';
import type { Store } from '../store.js';

const dir = mkdtempSync(join(tmpdir(), 'mailsift-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreTests('duckdb file', () => openDuckDbStore(join(dir, `s${n++}.duckdb`)));
runStoreTests('duckdb memory', () => openDuckDbStore(':memory:'));
runAggregateTests('duckdb file', () => openDuckDbStore(join(dir, `s${n++}.duckdb`)));

describe('DuckDB store files', () => {
  it('keeps the summary tables exact after rows written by SQL inside the engine', async () => {
    const s = await openDuckDbStore(':memory:');
    await s.runSql(
      `INSERT INTO "MessageTrace" ("Received", "RecipientAddress", "Status", "MessageTraceId", "Size") SELECT TIMESTAMP '2026-11-01' + to_seconds(i * 97), 'b@contoso.com', 'Delivered', 'id' || i, i FROM range(2000) t(i)`,
    );
    expect(await s.checkIntegrity()).toEqual([]);
    await s.close();
  });

  it('says when a summary table could not be compared with a recount, instead of passing it', async () => {
    // A store whose subjects summary was dropped from outside mailsift.
    const path = join(dir, 'dropped.duckdb');
    const a = await openDuckDbStore(path);
    await a.upsertTraces([traceRow()]);
    await a.close();
    const engine = await DuckDBInstance.create(path);
    const c = await engine.connect();
    await c.run('DROP TABLE "MessageTraceHourlySubjects"');
    c.closeSync();
    engine.closeSync();
    const s = await openDuckDbStore(path);
    const problems = await s.checkIntegrity();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^MessageTraceHourlySubjects could not be compared with a recount of MessageTrace: .*MessageTraceHourlySubjects/,
    );
    await s.close();
  });

  it('keeps data across reopen and migrates once', async () => {
    const path = join(dir, 'reopen.duckdb');
    const a = await openDuckDbStore(path);
    await a.upsertTraces([traceRow()]);
    await a.close();
    const b = await openDuckDbStore(path);
    const r = await b.query('SELECT count(*) FROM "MessageTrace"');
    const m = await b.query('SELECT count(*) FROM _migrations');
    expect(r.rows[0]![0]).toBe(1);
    expect(m.rows[0]![0]).toBe(MIGRATIONS.length);
    // Writes skip FSST (the instance takes it from SET, not from its open options).
    expect(String((await b.query(`SELECT current_setting('disabled_compression_methods')`)).rows[0]![0]).toLowerCase()).toBe('fsst');
    await b.close();
  });

  it('writes the summary tables in time order: a write appends its rows sorted, and migration 15 sorts a store written before', async () => {
    const path = join(dir, 'in-order.duckdb');
    const H = 3_600_000;
    /** n rows over 48 hours from 2026-11-02, senders, subjects and messages new to each `tag`, a few heavy senders. */
    const rows = (tag: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        traceRow({
          Received: Date.UTC(2026, 10, 2) + ((i * 7_919_000) % (48 * H)),
          // Two recipients a message, hours apart: messages with entries of their own in the distinct-messages table.
          MessageTraceId: `${tag}-${Math.floor(i / 2)}`,
          RecipientAddress: `r${i % 2}@contoso.com`,
          SenderAddress: i % 3 === 0 ? `bulk${i % 2}@${tag}.example` : `s${i}@${tag}.example`,
          SenderDomain: `${tag}.example`,
          Subject: `${tag} subject ${i % 50}`,
          Status: i % 4 === 0 ? 'Failed' : 'Delivered',
        }),
      );
    const tables = [...TRACE_AGGREGATES, ...HEAVY_AGGREGATES, ...HEAVY_HOURLY_AGGREGATES, MESSAGE_AGGREGATE, MESSAGE_STATE_AGGREGATE].map(
      (d) => d.name,
    );
    /** Per table, its rows from `after` (a rowid) on whose Received comes before the row's before them. */
    const descents = async (s: Store, after: Record<string, number> = {}) => {
      const out: Record<string, number> = {};
      for (const t of tables) {
        const sql = `SELECT count(*) FILTER (WHERE "Received" < before) FROM (SELECT rowid AS r, "Received", lag("Received") OVER (ORDER BY rowid) AS before FROM "${t}") WHERE r > ${after[t] ?? -1}`;
        out[t] = Number((await s.query(sql)).rows[0]![0]);
      }
      return out;
    };
    const zero = Object.fromEntries(tables.map((t) => [t, 0]));
    // A write inserts into each table once, in order, but twice into the distinct-messages table: the entries of
    // messages with rows in two hours or more, then the hours' counts of the messages first seen in them.
    const inOrder = (d: Record<string, number>) => {
      expect(d[MESSAGE_AGGREGATE.name]).toBeLessThanOrEqual(1);
      expect(d).toEqual({ ...zero, [MESSAGE_AGGREGATE.name]: d[MESSAGE_AGGREGATE.name] });
    };
    const a = await openDuckDbStore(path);
    await a.upsertTraces(rows('first', 3_000));
    inOrder(await descents(a));
    const last: Record<string, number> = {};
    for (const t of tables) last[t] = Number((await a.query(`SELECT max(rowid) FROM "${t}"`)).rows[0]![0]);
    await a.upsertTraces(rows('second', 3_000));
    // The second write's rows come after the first's, in order (its first row may come before the first's last).
    const later = await descents(a, Object.fromEntries(tables.map((t) => [t, last[t]! + 1])));
    inOrder(later);
    await a.close();
    // A store written before: each table's rows shuffled (outside mailsift), and migration 15 not yet applied.
    const engine = await DuckDBInstance.create(path);
    const c = await engine.connect();
    for (const t of tables) {
      await c.run(`CREATE TEMP TABLE shuffled AS SELECT * FROM "${t}" ORDER BY hash(rowid)`);
      await c.run(`DELETE FROM "${t}"`);
      await c.run(`INSERT INTO "${t}" SELECT * FROM shuffled`);
      await c.run(`DROP TABLE shuffled`);
    }
    await c.run('DELETE FROM _migrations WHERE version = 15');
    c.closeSync();
    engine.closeSync();
    // Read before the migration runs: shuffled.
    const reader = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const r = await reader.connect();
    const shuffled = await r.runAndReadAll(
      `SELECT count(*) FROM (SELECT "Received" < lag("Received") OVER (ORDER BY rowid) AS down FROM "MessageTraceHourlySenders") WHERE down`,
    );
    expect(Number(shuffled.getRowsJS()[0]![0])).toBeGreaterThan(100);
    r.closeSync();
    reader.closeSync();
    const b = await openDuckDbStore(path);
    expect(await descents(b)).toEqual(zero);
    expect(await b.checkIntegrity()).toEqual([]);
    await b.close();
  });

  it('calls a damaged file damaged, not locked', async () => {
    const { writeFileSync } = await import('node:fs');
    const { randomBytes } = await import('node:crypto');
    const path = join(dir, 'garbage.duckdb');
    writeFileSync(path, randomBytes(300_000));
    const error = await openDuckDbStore(path).then(
      () => undefined,
      (e: unknown) => e as Error & { code: string },
    );
    expect(error?.code).toBe('STORE_DAMAGED');
    expect(error?.message).toMatch(/is damaged or is not a mailsift store/);
    expect(error?.message).not.toMatch(/in use|another mailsift process/);
  });
});

describe('quoteLiteral (the DuckDB dialect escaper, src/kql/dialect/duckdb/escape.ts)', () => {
  it('cannot be broken out of, NUL included', async () => {
    const { quoteLiteral } = await import('./ddl.js');
    const store = await openDuckDbStore(':memory:');
    for (const evil of [`'); DROP TABLE "MessageTrace"; --`, `\\'`, `''`, `/* x */`, `\u202e'`, `$1`, `?`, `a\u0000'b`]) {
      const r = await store.query(`SELECT ${quoteLiteral(evil)}`);
      expect(r.rows[0]![0]).toBe(evil);
    }
    expect((await store.query('SELECT count(*) FROM "MessageTrace"')).rows[0]![0]).toBe(0);
    await store.close();
  });

  it('backs up to a new file while in use; the copy opens with the same rows', async () => {
    const a = await openDuckDbStore(join(dir, 'live.duckdb'));
    await a.upsertTraces([traceRow(), traceRow({ MessageTraceId: 't2' })]);
    await a.setState('k', { v: 1 });
    const copy = join(dir, 'backups', "it's a copy.duckdb");
    await a.backupTo(copy);
    await expect(a.backupTo(copy)).rejects.toThrow(/already exists/);
    await a.upsertTraces([traceRow({ MessageTraceId: 't3' })]);
    expect((await a.stats()).rows).toBe(3);
    await a.close();
    const b = await openDuckDbStore(copy);
    expect((await b.stats()).rows).toBe(2);
    expect((await b.getState('k'))?.value).toEqual({ v: 1 });
    await b.close();
  });
});
