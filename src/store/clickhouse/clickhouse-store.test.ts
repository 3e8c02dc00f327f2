// The shared store suite on real ClickHouse servers: one server, and a cluster of two shards x two replicas;
// then what the suite reads with raw DuckDB SQL, read here through KQL (which reads the newest versions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CLICKHOUSE, startClickHouseCluster, type ClickHouseCluster } from '../../../test/support/clickhouse-cluster.js';
import { openStore, type Store } from '../index.js';
import { runKql } from '../run-kql.js';
import { runStoreTests, traceRow } from '../store.case.js';

let cluster: ClickHouseCluster;
let n = 0;

/** Cases of the shared suite that read tables with raw DuckDB SQL (no FINAL: every stored version shows). */
const RAW_SQL = 'reads the table with raw SQL, which on ClickHouse shows every stored version; checked through KQL below';
const skip = {
  'a newer status updates the row; a transient one never replaces a final one': RAW_SQL,
  'empty fields are filled by a later read, present ones are kept': RAW_SQL,
  'repeats inside one batch collapse to one row with the latest status': RAW_SQL,
  'times round-trip in UTC with milliseconds': RAW_SQL,
  'indicators are replaced per feed and upserted': RAW_SQL,
  'watchlists are replaced by name': RAW_SQL,
  'a query can be interrupted': 'the case counts range(10000000000), a DuckDB table function; see the interruption case below',
};

describe.skipIf(!HAS_CLICKHOUSE)('ClickHouse store', () => {
  beforeAll(async () => {
    cluster = await startClickHouseCluster();
  }, 300_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  runStoreTests('clickhouse server', () => openStore(cluster.url(`single_${n++}`, { single: true })), skip);
  runStoreTests('clickhouse cluster', () => openStore(cluster.url(`sharded_${n++}`)), skip);

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

      it('a final status is never replaced by Pending; empty fields are filled; times keep milliseconds', async () => {
        const k = { MessageTraceId: `p-${mode}`, Received: Date.parse('2022-07-25T12:26:13.240Z') };
        await store.upsertTraces([traceRow({ ...k, Status: 'Pending', Subject: '' })]);
        expect(await store.upsertTraces([traceRow({ ...k, Status: 'Delivered', Subject: 'Filled' })])).toEqual({
          ingested: 0,
          updated: 1,
          duplicates: 0,
        });
        expect(await store.upsertTraces([traceRow({ ...k, Status: 'Pending', Subject: 'Other' })])).toEqual({
          ingested: 0,
          updated: 0,
          duplicates: 1,
        });
        expect(await store.upsertTraces([traceRow({ ...k, Status: 'Quarantined' })])).toEqual({ ingested: 0, updated: 1, duplicates: 0 });
        expect(await rows(`MessageTrace | where MessageTraceId == "p-${mode}" | project Status, Subject, Received`)).toEqual([
          ['Quarantined', 'Filled', '2022-07-25T12:26:13.240Z'],
        ]);
      });

      it('a filter on a column that changed sees only the newest version', async () => {
        const k = { MessageTraceId: `f-${mode}` };
        await store.upsertTraces([traceRow({ ...k, Status: 'Pending' })]);
        await store.upsertTraces([traceRow({ ...k, Status: 'Delivered' })]);
        expect(await rows(`MessageTrace | where MessageTraceId == "f-${mode}" and Status == "Pending" | count`)).toEqual([[0]]);
        expect(await rows(`MessageTrace | where MessageTraceId == "f-${mode}" | distinct Status`)).toEqual([['Delivered']]);
      });

      it('repeats inside one batch collapse to one row with the latest status', async () => {
        const k = { MessageTraceId: `b-${mode}` };
        const counts = await store.upsertTraces([
          traceRow({ ...k, Status: 'Pending' }),
          traceRow({ ...k, Status: 'Delivered' }),
          traceRow(k),
        ]);
        expect(counts).toEqual({ ingested: 1, updated: 1, duplicates: 1 });
        expect(await rows(`MessageTrace | where MessageTraceId == "b-${mode}" | summarize count() by Status`)).toEqual([['Delivered', 1]]);
      });

      it('indicators are replaced per feed and upserted; watchlists by name', async () => {
        const ind = {
          Indicator: 'evil@bad.example',
          Type: 'email' as const,
          Confidence: 80,
          Actor: 'TA542',
          Labels: ['emotet'],
          Feed: 'soc',
          ValidFrom: null,
          ValidUntil: null,
        };
        await store.replaceIndicators('soc', [ind, { ...ind, Indicator: 'bad.example', Type: 'domain' }]);
        await store.replaceIndicators('other', [{ ...ind, Feed: 'other' }]);
        await store.replaceIndicators('soc', [ind]);
        await store.upsertIndicators([{ ...ind, Confidence: 90 }]);
        expect(await rows('Indicators | project Feed, Indicator, Confidence, Labels | sort by Feed asc')).toEqual([
          ['other', 'evil@bad.example', 80, '["emotet"]'],
          ['soc', 'evil@bad.example', 90, '["emotet"]'],
        ]);
        const w = {
          Timestamp: Date.UTC(2026, 10, 2),
          User: 's@contoso.co.jp',
          Product: 'EDR',
          Detection: 'Keylogger',
          Severity: 'high',
          Name: 'edr',
        };
        await store.replaceWatchlist('edr', [w, { ...w, Detection: 'Other' }]);
        await store.replaceWatchlist('edr', [w]);
        expect(await rows('Watchlist | count')).toEqual([[1]]);
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
