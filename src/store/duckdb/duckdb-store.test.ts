import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKql, fallbackNeeded } from '../../kql/index.js';
import { runAggregateTests } from '../aggregates.case.js';
import { runStoreTests, traceRow } from '../store.case.js';
import { openDuckDbStore } from './duckdb-store.js';
import { MIGRATIONS } from './migrations.js';

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

  it('gives the domains, senders and subjects tables of a store written before them the countries of the mail (migration 16)', async () => {
    const path = join(dir, 'countries-16.duckdb');
    const a = await openDuckDbStore(path);
    const countries = ['US', 'JP', '', 'KP'];
    await a.upsertTraces(
      Array.from({ length: 400 }, (_, i) =>
        traceRow({
          Received: Date.UTC(2026, 10, 2) + i * 617_283,
          MessageTraceId: `m-${i}`,
          SenderAddress: i % 2 ? 'bulk@d1.example' : `s${i % 7}@d${i % 5}.example`,
          SenderDomain: `d${i % 5}.example`,
          Subject: `subject ${i % 3}`,
          FromCountry: countries[i % 4]!,
          ToCountry: countries[(i + 1) % 4]!,
        }),
      ),
    );
    await a.close();
    // The tables as migrations 7 to 14 left them: domain pairs, senders and subjects without countries.
    const engine = await DuckDBInstance.create(path);
    const c = await engine.connect();
    const domains = '"Status", "Direction", "SenderDomain", "RecipientDomain"';
    const senders = '"Status", "Direction", "SenderAddress"';
    for (const [table, unit, dims] of [
      ['MessageTraceHourlyDomains', 'hour', domains],
      ['MessageTraceDailyDomains', 'day', domains],
      ['MessageTraceHourlySenders', 'hour', senders],
      ['MessageTraceDailySenders', 'day', senders],
      ['MessageTraceHourlySubjects', 'hour', '"Status", "Direction", "Subject"'],
      ['MessageTraceDailySubjects', 'day', '"Status", "Direction", "Subject"'],
    ] as const) {
      await c.run(`DROP TABLE "${table}"`);
      await c.run(
        `CREATE TABLE "${table}" AS SELECT date_trunc('${unit}', "Received") AS "Received", ${dims}, count(*) AS "Rows", sum("Size") AS "Bytes" FROM "MessageTrace" GROUP BY ALL`,
      );
    }
    await c.run('DELETE FROM _migrations WHERE version = 16');
    c.closeSync();
    engine.closeSync();

    const b = await openDuckDbStore(path);
    expect(await b.checkIntegrity()).toEqual([]);
    const range = { from: Date.UTC(2026, 10, 2, 5, 17), to: Date.UTC(2026, 10, 4, 7, 5) };
    const chip = 'MessageTrace | where FromCountry == "US" or ToCountry == "US"';
    for (const [kql, source, groups] of [
      [`${chip} | summarize Count = count() by SenderDomain`, 'MessageTraceDailyDomains', 5],
      [`${chip} | summarize Count = count() by Subject`, 'MessageTraceDailySubjects', 3],
      // bulk@ has about 35 US rows a day, under what a sender the heavy senders lack may have: the daily senders answer.
      [`${chip} | summarize Count = count() by SenderAddress | top 1 by Count`, 'MessageTraceDailySenders', 1],
    ] as const) {
      const [planned, rows] = [true, false].map((aggregates) => compileKql(kql, { dialect: 'duckdb', aggregates, timeRange: range }));
      const first = await b.query(planned!.sql, planned!.params);
      const fell = planned!.fallback !== undefined && fallbackNeeded(planned!.fallback, first.rows);
      const used = fell ? planned!.fallback!.query : planned!;
      expect(used.plan?.source, kql).toBe(source);
      const sorted = (r: unknown[][]) => r.map((row) => JSON.stringify(row)).sort();
      const expected = sorted((await b.query(rows!.sql, rows!.params)).rows);
      expect(sorted((await b.query(used.sql, used.params)).rows), kql).toEqual(expected);
      expect(expected, kql).toHaveLength(groups);
    }
    await b.close();
  });

  it('counts the distinct messages by state again with the countries of the mail, and the heavy senders with them (migrations 17, 18)', async () => {
    const path = join(dir, 'states-17.duckdb');
    const a = await openDuckDbStore(path);
    const countries = ['US', 'JP', '', 'KP'];
    await a.upsertTraces(
      Array.from({ length: 300 }, (_, i) =>
        traceRow({
          Received: Date.UTC(2026, 10, 2) + i * 617_283 + (i % 9 === 0 ? 3_600_000 : 0),
          MessageTraceId: `m-${Math.floor(i / 3)}`,
          RecipientAddress: `r${i}@contoso.com`,
          Status: i % 5 ? 'Delivered' : 'Failed',
          FromCountry: countries[Math.floor(i / 3) % 4]!,
          ToCountry: countries[i % 4]!,
        }),
      ),
    );
    await a.close();
    // The table as migration 11 made it: the states of Status and Direction only.
    const engine = await DuckDBInstance.create(path);
    const c = await engine.connect();
    await c.run('DROP TABLE "MessageTraceHourlyMessageStates"');
    await c.run(
      `CREATE TABLE "MessageTraceHourlyMessageStates" ("Received" TIMESTAMP NOT NULL, "States" VARCHAR NOT NULL, "Status" VARCHAR NOT NULL, "Direction" VARCHAR NOT NULL, "MessageTraceId" VARCHAR NOT NULL, "Messages" BIGINT NOT NULL)`,
    );
    await c.run(
      `INSERT INTO "MessageTraceHourlyMessageStates" VALUES (TIMESTAMP '2026-11-02 00:00:00', 'Delivered', 'Delivered', '', '', 7)`,
    );
    // And no heavy senders with the countries (migration 18 makes them).
    await c.run('DROP TABLE "MessageTraceDailyHeavySendersByCountry"');
    await c.run('DELETE FROM _migrations WHERE version IN (17, 18)');
    c.closeSync();
    engine.closeSync();

    const b = await openDuckDbStore(path);
    expect(await b.checkIntegrity()).toEqual([]);
    // The one sender, heavy (about 140 rows a day), held with its rows of every country.
    expect((await b.query('SELECT count(DISTINCT "FromCountry") FROM "MessageTraceDailyHeavySendersByCountry"')).rows).toEqual([[4]]);
    const range = { from: Date.UTC(2026, 10, 2, 5, 17), to: Date.UTC(2026, 10, 4, 7, 5) };
    for (const kql of [
      'MessageTrace | where FromCountry == "US" or ToCountry == "US" | summarize Messages = dcount(MessageTraceId)',
      'MessageTrace | where ToCountry == "KP" and Status == "Failed" | summarize Messages = dcount(MessageTraceId) by bin(Received, 1h)',
    ]) {
      const [planned, rows] = [true, false].map((aggregates) => compileKql(kql, { dialect: 'duckdb', aggregates, timeRange: range }));
      expect(planned!.plan?.source, kql).toBe('MessageTraceHourlyMessageStates');
      const sorted = (r: unknown[][]) => r.map((row) => JSON.stringify(row)).sort();
      const expected = sorted((await b.query(rows!.sql, rows!.params)).rows);
      expect(sorted((await b.query(planned!.sql, planned!.params)).rows), kql).toEqual(expected);
      expect(expected.length, kql).toBeGreaterThan(0);
    }
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
