// The ClickHouse corpus figure may only grow: every query that gave Kusto's exact answer on a real ClickHouse
// server (columns, the types DuckDB's answer reports, rows) still does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CLICKHOUSE_SERVER, startClickHouseServer, type ClickHouseCluster } from '../../../test/support/clickhouse-cluster.js';
import { openStore, type Store } from '../../store/index.js';
import { runCorpus } from '../test/run-corpus.js';

let server: ClickHouseCluster;
let duckdb: Store;
let clickhouse: Store;

describe.skipIf(!HAS_CLICKHOUSE_SERVER)('KQL corpus on ClickHouse', () => {
  beforeAll(async () => {
    server = await startClickHouseServer();
    clickhouse = await openStore(server.url('kql_corpus', { single: true }));
    duckdb = await openStore('duckdb::memory:');
  }, 120_000);
  afterAll(async () => {
    await duckdb?.close();
    await clickhouse?.close();
    await server?.stop();
  });

  it('gives exactly the documented answer for at least 393 of its queries on ClickHouse 18.16', async () => {
    const outcomes = await runCorpus(duckdb, clickhouse);
    expect(outcomes.length).toBeGreaterThanOrEqual(407);
    const failed = outcomes.filter((o) => o.clickhouse?.result !== 'pass');
    // Every failure is an error or another answer of one named entry (listed when the floor is missed).
    const listing = failed.map((o) => `${o.file} ${o.entry.name}: ${o.clickhouse?.result} ${(o.clickhouse?.detail ?? '').slice(0, 160)}`);
    expect(outcomes.length - failed.length, listing.join('\n')).toBeGreaterThanOrEqual(406);
  }, 300_000);
});
