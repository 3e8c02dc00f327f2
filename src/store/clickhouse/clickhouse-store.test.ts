// The shared store suite on real ClickHouse servers: one server, and a cluster of two shards x two replicas;
// then what is particular to ClickHouse: filters see only the newest version, a cancelled query is killed there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CLICKHOUSE, startClickHouseCluster, type ClickHouseCluster } from '../../../test/support/clickhouse-cluster.js';
import { openStore, type Store } from '../index.js';
import { runKql } from '../run-kql.js';
import { runAggregateTests } from '../aggregates.case.js';
import { runStoreTests, traceRow } from '../store.case.js';

let cluster: ClickHouseCluster;
let n = 0;

describe.skipIf(!HAS_CLICKHOUSE)('ClickHouse store', () => {
  beforeAll(async () => {
    cluster = await startClickHouseCluster();
  }, 300_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  runStoreTests('clickhouse server', () => openStore(cluster.url(`single_${n++}`, { single: true })));
  runStoreTests('clickhouse cluster', () => openStore(cluster.url(`sharded_${n++}`)));
  runAggregateTests('clickhouse server', () => openStore(cluster.url(`agg_single_${n++}`, { single: true })));
  runAggregateTests('clickhouse cluster', () => openStore(cluster.url(`agg_sharded_${n++}`)));

  for (const mode of ['server', 'cluster'] as const) {
    describe(`read through KQL (${mode})`, () => {
      let store: Store;
      beforeAll(async () => {
        store = await openStore(cluster.url(`kql_${mode}_${n++}`, { single: mode === 'server' }));
      });
      afterAll(async () => {
        await store?.close();
      });
      const rows = async (kql: string) => (await runKql(store, kql)).rows;

      it('a filter on a column that changed sees only the newest version', async () => {
        const k = { MessageTraceId: `f-${mode}` };
        await store.upsertTraces([traceRow({ ...k, Status: 'Pending' })]);
        await store.upsertTraces([traceRow({ ...k, Status: 'Delivered' })]);
        expect(await rows(`MessageTrace | where MessageTraceId == "f-${mode}" and Status == "Pending" | count`)).toEqual([[0]]);
        expect(await rows(`MessageTrace | where MessageTraceId == "f-${mode}" | distinct Status`)).toEqual([['Delivered']]);
      });

      it('a running query is killed on the server when interrupted', async () => {
        const controller = new AbortController();
        const slow = store.query('SELECT count() FROM system.numbers WHERE number % 7 = 3 AND number < 100000000000', [], {
          signal: controller.signal,
        });
        setTimeout(() => controller.abort(), 200);
        const started = Date.now();
        await expect(slow).rejects.toThrow(/interrupted/);
        expect(Date.now() - started).toBeLessThan(10_000);
        expect((await store.query('SELECT 1 AS x')).rows).toEqual([[1]]);
      });
    });
  }
});
