// Every case table runs on a real ClickHouse cluster (two shards x two replicas) too: the rows must be the ones
// DuckDB returns (the case tables hold DuckDB's rows, checked by compile-kql.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CLICKHOUSE, startClickHouseCluster, type ClickHouseCluster } from '../../test/support/clickhouse-cluster.js';
import type { Store } from '../store/index.js';
import { compileKqlWithValues } from './index.js';
import { CASE_FILES, sortRows } from './test/case-files.js';
import { FIXTURE_NOW, openFixtureStore } from './test/fixture.js';

/** Cases ClickHouse 18.16 cannot answer as DuckDB does, each with the reason. */
export const CLICKHOUSE_SKIPS: Readonly<Record<string, string>> = {};

let cluster: ClickHouseCluster;
let store: Store;

describe.skipIf(!HAS_CLICKHOUSE)('KQL cases on ClickHouse', () => {
  beforeAll(async () => {
    cluster = await startClickHouseCluster();
    store = await openFixtureStore(cluster.url('kql_cases'));
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  for (const [file, cases] of Object.entries(CASE_FILES)) {
    describe(file, () => {
      for (const c of cases) {
        // A case ClickHouse refuses to compile is checked by compile-kql.test.ts (its clickhouseError).
        if (c.clickhouseError !== undefined) continue;
        const reason = CLICKHOUSE_SKIPS[c.name];
        (reason ? it.skip : it)(reason ? `${c.name} (skipped: ${reason})` : c.name, async () => {
          const ch = await compileKqlWithValues(
            c.kql,
            { dialect: 'clickhouse', now: FIXTURE_NOW },
            async (sql, params) => (await store.query(sql, params)).rows,
          );
          const result = await store.query(ch.sql, ch.params);
          expect(result.columns.map((x) => x.name)).toEqual(ch.columns.map((x) => x.name));
          expect(c.ordered ? result.rows : sortRows(result.rows)).toEqual(c.rows);
        });
      }
    });
  }
});
