// The shared store suite on real ClickHouse servers: one server, and a cluster of two shards x two replicas.
import { afterAll, beforeAll, describe } from 'vitest';
import { HAS_CLICKHOUSE, startClickHouseCluster, type ClickHouseCluster } from '../../../test/support/clickhouse-cluster.js';
import { openStore } from '../index.js';
import { runStoreTests } from '../store.case.js';

let cluster: ClickHouseCluster;
let n = 0;

describe.skipIf(!HAS_CLICKHOUSE)('ClickHouse store', () => {
  beforeAll(async () => {
    cluster = await startClickHouseCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  const skip = {
    'a query can be interrupted': 'the case counts range(10000000000), a DuckDB table function',
  };
  runStoreTests('clickhouse server', () => openStore(cluster.url(`single_${n++}`, { single: true })), skip);
  runStoreTests('clickhouse cluster', () => openStore(cluster.url(`sharded_${n++}`)), skip);
});
