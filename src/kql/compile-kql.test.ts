// Runs every case table: expected SQL per dialect side by side, then the DuckDB SQL on a real DuckDB store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { compileKql, compileKqlWithValues } from './index.js';
import { CASE_FILES, sortRows } from './test/case-files.js';
import { FIXTURE_NOW, openFixtureStore } from './test/fixture.js';

let store: Store;
beforeAll(async () => {
  store = await openFixtureStore();
});
afterAll(async () => {
  await store.close();
});

for (const [file, cases] of Object.entries(CASE_FILES)) {
  describe(file, () => {
    for (const c of cases) {
      it(c.name, async () => {
        // pivot and bag_unpack read their values from the fixture first; ClickHouse's SQL is compiled with the same values.
        const duck = await compileKqlWithValues(
          c.kql,
          { dialect: 'duckdb', now: FIXTURE_NOW },
          async (sql, params) => (await store.query(sql, params)).rows,
        );
        expect(duck.sql).toBe(c.duckdb);
        const values = duck.values;
        if (c.clickhouse !== undefined)
          expect(compileKql(c.kql, { dialect: 'clickhouse', now: FIXTURE_NOW, values }).sql).toBe(c.clickhouse);
        if (c.clickhouseError !== undefined)
          expect(() => compileKql(c.kql, { dialect: 'clickhouse', now: FIXTURE_NOW, values })).toThrow(c.clickhouseError);
        const result = await store.query(duck.sql, duck.params);
        expect(result.columns.map((x) => x.name)).toEqual(duck.columns.map((x) => x.name));
        expect(c.ordered ? result.rows : sortRows(result.rows)).toEqual(c.rows);
      });
    }
  });
}

describe('compileKql options', () => {
  it('restricts every table to the time range on its time column', async () => {
    const q = compileKql('MessageTrace | join kind=inner (MessageEvents) on MessageTraceId | count', {
      dialect: 'duckdb',
      now: FIXTURE_NOW,
      timeRange: { from: Date.UTC(2026, 10, 1, 9), to: Date.UTC(2026, 10, 1, 11) },
    });
    expect(q.sql).toContain(`"Received" >= TIMESTAMP '2026-11-01 09:00:00.000' AND "Received" < TIMESTAMP '2026-11-01 11:00:00.000'`);
    expect(q.sql).toContain(`"Timestamp" >= TIMESTAMP '2026-11-01 09:00:00.000'`);
    expect((await store.query(q.sql, q.params)).rows).toEqual([[2]]);
  });

  it('keeps render as a hint and reports typed columns', () => {
    const q = compileKql('MessageTrace | summarize count() by bin(Received, 1h) | render timechart with (title="Mail", ytitle="n")', {
      dialect: 'duckdb',
    });
    expect(q.render).toEqual({ kind: 'timechart', props: { title: 'Mail', ytitle: 'n' } });
    expect(q.columns).toEqual([
      { name: 'Received', type: 'datetime' },
      { name: 'count_', type: 'long' },
    ]);
  });

  it('binds each distinct value once and only values the SQL uses', () => {
    const q = compileKql('MessageTrace | where Status == "Failed" or Status == "Failed" | where Subject =~ "X"', { dialect: 'duckdb' });
    expect(q.params).toEqual(['Failed', 'x']);
  });

  it('inlines ClickHouse values through its escaper (18.16 has no query parameters) and datetimes as microseconds', () => {
    const q = compileKql('MessageTrace | where Received > datetime(2026-11-01) and Subject has "x\'y"', { dialect: 'clickhouse' });
    expect(q.sql).toContain('(`Received` > toInt64(1793491200000000))');
    expect(q.sql).toContain(
      "(position(lowerUTF8(`Subject`), 'x\\'y') > 0) AND match(`Subject`, concat('(?i)(?:^|[^\\\\p{L}\\\\p{N}])x\\'y(?:[^\\\\p{L}\\\\p{N}]|$)', '|[^\\\\s\\\\S]'))",
    );
    expect(q.params).toEqual([]);
  });
});
