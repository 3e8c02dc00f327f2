// The shared store suite on real ClickHouse servers: one server, and a cluster of two shards x two replicas;
// then what is particular to ClickHouse: filters see only the newest version, a cancelled query is killed there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLUSTER,
  HAS_CLICKHOUSE,
  PASSWORD,
  startClickHouseCluster,
  USER,
  type ClickHouseCluster,
} from '../../../test/support/clickhouse-cluster.js';
import { compileKql, fallbackNeeded } from '../../kql/index.js';
import { HEAVY_AGGREGATES, MESSAGE_AGGREGATE, MESSAGE_STATE_AGGREGATE } from '../../schema/index.js';
import { openStore, type Store } from '../index.js';
import { runKql } from '../run-kql.js';
import { KEPT_STALE_MS } from './kept-rows.js';
import { runAggregateTests } from '../aggregates.case.js';
import { runStoreTests, traceRow } from '../store.case.js';
import { countedStates, heldStates, runMessageStateTests } from './message-states.case.js';

let cluster: ClickHouseCluster;
let n = 0;

/** Run `sql` on the first server from outside the store (as an operator would), in `database` if given. */
async function runOnServer(sql: string, database?: string): Promise<void> {
  const r = await fetch(
    `http://127.0.0.1:${cluster.nodes[0]!.httpPort}/?user=${USER}&password=${PASSWORD}${database ? `&database=${database}` : ''}`,
    {
      method: 'POST',
      body: sql,
    },
  );
  expect(r.status, await r.text()).toBe(200);
}

/** Drop tables of `db` from outside the store, on every server in cluster mode. */
async function dropTables(db: string, tables: readonly string[], mode: 'server' | 'cluster'): Promise<void> {
  const onCluster = mode === 'cluster' ? ` ON CLUSTER ${CLUSTER}` : '';
  for (const table of tables) await runOnServer(`DROP TABLE ${db}.${table}${onCluster}`);
}

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
  runMessageStateTests('clickhouse server', () => openStore(cluster.url(`states_single_${n++}`, { single: true })));
  runMessageStateTests('clickhouse cluster', () => openStore(cluster.url(`states_sharded_${n++}`)));

  it('says when a summary table could not be compared with a recount, instead of passing it', async () => {
    const db = `dropped_${n++}`;
    const store = await openStore(cluster.url(db, { single: true }));
    try {
      await store.upsertTraces([traceRow()]);
      // Dropped from outside while the store is open.
      await runOnServer(`DROP TABLE ${db}.MessageTraceHourlySenders`);
      const problems = await store.checkIntegrity();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        /^MessageTraceHourlySenders could not be compared with a recount of MessageTrace: .*MessageTraceHourlySenders/,
      );
    } finally {
      await store.close();
    }
  });

  for (const mode of ['server', 'cluster'] as const) {
    it(`a store written before the distinct-messages summary gets it counted from its rows when opened (${mode})`, async () => {
      const db = `messages_${mode}_${n++}`;
      const url = cluster.url(db, { single: mode === 'server' });
      const H = 3_600_000;
      const t = Date.UTC(2026, 10, 2, 9, 10);
      const rows = Array.from({ length: 40 }, (_, i) =>
        traceRow({ MessageTraceId: `b-${i % 15}`, RecipientAddress: `u${i}@contoso.com`, Received: t + (i % 4) * H + i * 60_000 }),
      );
      const store = await openStore(url);
      await store.upsertTraces(rows);
      await store.close();
      await dropTables(db, [MESSAGE_AGGREGATE.name], mode);
      // The message hours that stores of that time kept (their writer now reads the message keys) go when it is opened.
      const onCluster = mode === 'cluster' ? ` ON CLUSTER ${CLUSTER}` : '';
      await runOnServer(`CREATE TABLE ${db}._message_hours${onCluster} (x UInt8) ENGINE = Memory`);
      const reopened = await openStore(url);
      try {
        expect(await reopened.checkIntegrity()).toEqual([]);
        expect(
          (await reopened.query(`SELECT count() FROM system.tables WHERE database = '${db}' AND name = '_message_hours'`)).rows,
        ).toEqual([[0]]);
        // Later writes keep it exact from the message keys.
        await reopened.upsertTraces([
          traceRow({ MessageTraceId: 'b-3', RecipientAddress: 'late@contoso.com', Received: t - 2 * H }),
          traceRow({ MessageTraceId: 'b-new', RecipientAddress: 'n@contoso.com', Received: t + H }),
        ]);
        expect(await reopened.checkIntegrity()).toEqual([]);
        const kql = 'MessageTrace | summarize Received = min(Received) by MessageTraceId | summarize count() by bin(Received, 1h)';
        const answer = async (aggregates: boolean) => {
          const c = compileKql(kql, { dialect: 'clickhouse', aggregates, timeRange: { from: t - H, to: t + 5 * H } });
          return { plan: c.plan?.source, rows: (await reopened.query(c.sql, c.params)).rows };
        };
        const planned = await answer(true);
        expect(planned.plan).toBe(MESSAGE_AGGREGATE.name);
        expect(planned.rows.map((r) => JSON.stringify(r)).sort()).toEqual((await answer(false)).rows.map((r) => JSON.stringify(r)).sort());
      } finally {
        await reopened.close();
      }
    });

    it(`a store written before the distinct-messages-by-state summary gets it counted from its rows when opened (${mode})`, async () => {
      const db = `message_states_${mode}_${n++}`;
      const url = cluster.url(db, { single: mode === 'server' });
      const H = 3_600_000;
      const t = Date.UTC(2026, 10, 2, 9, 10);
      const statuses = ['Pending', 'Delivered', 'Failed'] as const;
      const rows = Array.from({ length: 40 }, (_, i) =>
        traceRow({
          MessageTraceId: `s-${i % 15}`,
          RecipientAddress: `u${i}@contoso.com`,
          Received: t + (i % 7 === 0 ? 2 * H : 0) + i * 60_000,
          Status: statuses[i % 3]!,
          Direction: i % 4 ? 'Inbound' : '',
        }),
      );
      const store = await openStore(url);
      await store.upsertTraces(rows);
      await store.close();
      await dropTables(db, [MESSAGE_STATE_AGGREGATE.name, '_message_keys', ...(mode === 'cluster' ? ['_message_keys_local'] : [])], mode);
      const reopened = await openStore(url);
      try {
        expect(await reopened.checkIntegrity()).toEqual([]);
        expect(await heldStates(reopened)).toEqual(await countedStates(reopened));
        // The keys counted are those later writes start from.
        await reopened.upsertTraces(rows.filter((r) => r.Status === 'Pending').map((r) => ({ ...r, Status: 'Delivered' as const })));
        expect(await reopened.checkIntegrity()).toEqual([]);
        expect(await heldStates(reopened)).toEqual(await countedStates(reopened));
      } finally {
        await reopened.close();
      }
    });

    it(`a store written before the heavy-value tables gets them filled from its daily tables when opened (${mode})`, async () => {
      const db = `heavy_${mode}_${n++}`;
      const url = cluster.url(db, { single: mode === 'server' });
      const D = 86_400_000;
      const t = Date.UTC(2026, 10, 2, 9, 10);
      const sent = (sender: string, count: number, start: number) =>
        Array.from({ length: count }, (_, i) =>
          traceRow({ MessageTraceId: `${sender}-${start}-${i}`, SenderAddress: `${sender}@fabrikam.com`, Received: start + i * 60_000 }),
        );
      const store = await openStore(url);
      // heavy: 60 rows on its first day, 5 on the next; light: 40 a day.
      await store.upsertTraces([...sent('heavy', 60, t), ...sent('heavy', 5, t + D), ...sent('light', 40, t), ...sent('light', 40, t + D)]);
      await store.close();
      await dropTables(
        db,
        HEAVY_AGGREGATES.map((d) => d.name),
        mode,
      );
      const reopened = await openStore(url);
      const held = async () =>
        (
          await reopened.query(
            `SELECT SenderAddress, sum(Rows) FROM ${HEAVY_AGGREGATES[0]!.name} GROUP BY SenderAddress HAVING sum(Rows) != 0`,
          )
        ).rows;
      try {
        expect(await reopened.checkIntegrity()).toEqual([]);
        expect(await held()).toEqual([['heavy@fabrikam.com', 65]]);
        // Later writes keep them: light reaches 50 on its second day and is held with its first day's rows too.
        await reopened.upsertTraces(sent('light', 110, t + D + 3_600_000));
        expect(await reopened.checkIntegrity()).toEqual([]);
        expect((await held()).sort()).toEqual([
          ['heavy@fabrikam.com', 65],
          ['light@fabrikam.com', 190],
        ]);
        // Over the two whole days a sender not held has 98 rows at most: the heavy table answers the top.
        const day = Math.floor(t / D) * D;
        const c = compileKql('MessageTrace | summarize Count = count() by SenderAddress | top 1 by Count', {
          dialect: 'clickhouse',
          aggregates: true,
          timeRange: { from: day, to: day + 2 * D },
        });
        const top = await reopened.query(c.sql, c.params);
        expect(c.plan?.source).toBe(HEAVY_AGGREGATES[0]!.name);
        expect(c.fallback && fallbackNeeded(c.fallback, top.rows)).toBe(false);
        expect(top.rows).toEqual([['light@fabrikam.com', 190]]);
      } finally {
        await reopened.close();
      }
    });

    it(`a store whose domains, senders, subjects and message states tables lack the countries gets them counted again when opened (${mode})`, async () => {
      const db = `domains_${mode}_${n++}`;
      const url = cluster.url(db, { single: mode === 'server' });
      const countries = ['US', 'JP', '', 'KP'];
      const store = await openStore(url);
      await store.upsertTraces(
        Array.from({ length: 120 }, (_, i) =>
          traceRow({
            MessageTraceId: `m-${i}`,
            Received: Date.UTC(2026, 10, 2) + i * 1_234_567,
            SenderDomain: `d${i % 5}.example`,
            SenderAddress: `s@d${i % 5}.example`,
            Subject: `subject ${i % 5}`,
            FromCountry: countries[i % 4]!,
            ToCountry: countries[(i + 1) % 4]!,
          }),
        ),
      );
      await store.close();
      // The domains and senders tables as a store written before the countries holds them.
      const domains = ['SenderDomain', 'RecipientDomain'];
      const tables: [string, string[]][] = [
        ['MessageTraceHourlyDomains', domains],
        ['MessageTraceDailyDomains', domains],
        ['MessageTraceHourlySenders', ['SenderAddress']],
        ['MessageTraceDailySenders', ['SenderAddress']],
        ['MessageTraceHourlySubjects', ['Subject']],
        ['MessageTraceDailySubjects', ['Subject']],
      ];
      const keys = mode === 'cluster' ? ['_message_keys', '_message_keys_local'] : ['_message_keys'];
      await dropTables(db, [...tables.map(([t]) => t), MESSAGE_STATE_AGGREGATE.name, ...keys], mode);
      // The distinct messages by state and their message keys as they were before the countries.
      const on = mode === 'cluster' ? ` ON CLUSTER ${CLUSTER}` : '';
      const summing =
        mode === 'cluster' ? `ReplicatedSummingMergeTree('/mailsift-test/old/${db}/states', '{shard}-{replica}')` : 'SummingMergeTree()';
      const replacing =
        mode === 'cluster'
          ? `ReplicatedReplacingMergeTree('/mailsift-test/old/${db}/keys/{shard}', '{replica}', _version)`
          : 'ReplacingMergeTree(_version)';
      await runOnServer(
        `CREATE TABLE ${db}.${MESSAGE_STATE_AGGREGATE.name}${on} (Received Int64, States String, Status String, Direction String, MessageTraceId String, Messages Int64, _write String) ENGINE = ${summing} ORDER BY (Received, Status, Direction, States, MessageTraceId)`,
      );
      await runOnServer(
        `CREATE TABLE ${db}.${keys.at(-1)}${on} (MessageTraceId String, RecipientAddress String, Received Int64, Status String, Direction String, _version UInt64) ENGINE = ${replacing} ORDER BY (MessageTraceId, RecipientAddress, Received)`,
      );
      if (mode === 'cluster')
        await runOnServer(
          `CREATE TABLE ${db}._message_keys${on} AS ${db}._message_keys_local ENGINE = Distributed(${CLUSTER}, ${db}, _message_keys_local, sipHash64(MessageTraceId))`,
        );
      for (const [table, dims] of tables) {
        const keys = ['Received', 'Status', 'Direction', ...dims];
        const engine =
          mode === 'cluster'
            ? `ReplicatedSummingMergeTree('/mailsift-test/old/${db}/${table}', '{shard}-{replica}')`
            : 'SummingMergeTree()';
        const columns = ['Received Int64', ...keys.slice(1).map((k) => `${k} String`), 'Rows Int64', 'Bytes Int64', '_write String'];
        await runOnServer(
          `CREATE TABLE ${db}.${table}${mode === 'cluster' ? ` ON CLUSTER ${CLUSTER}` : ''} (${columns.join(', ')}) ENGINE = ${engine} ORDER BY (${keys.join(', ')})`,
        );
      }
      const reopened = await openStore(url);
      try {
        expect(await reopened.checkIntegrity()).toEqual([]);
        const timeRange = { from: Date.UTC(2026, 10, 2), to: Date.UTC(2026, 10, 4) };
        const chip = 'MessageTrace | where FromCountry == "US" or ToCountry == "US"';
        for (const [kql, source] of [
          [`${chip} | summarize Count = count() by SenderDomain`, 'MessageTraceDailyDomains'],
          [`${chip} | summarize Count = count() by SenderAddress`, 'MessageTraceDailySenders'],
          [`${chip} | summarize Count = count() by Subject`, 'MessageTraceDailySubjects'],
          [`${chip} | summarize Messages = dcount(MessageTraceId)`, MESSAGE_STATE_AGGREGATE.name],
        ]) {
          const [planned, rows] = [true, false].map((aggregates) => compileKql(kql!, { dialect: 'clickhouse', aggregates, timeRange }));
          expect(planned!.plan?.source, kql).toBe(source);
          const answer = async (c: typeof planned) => (await reopened.query(c!.sql, c!.params)).rows.map((r) => JSON.stringify(r)).sort();
          expect(await answer(planned), kql).toEqual(await answer(rows));
          expect((await answer(rows)).length, kql).toBe(kql!.includes('dcount') ? 1 : 5);
        }
      } finally {
        await reopened.close();
      }
    });

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

  it('kept tables left behind by a stopped server are dropped by a later keep once an hour old; younger ones stay', async () => {
    const db = `kept_sweep_${n++}`;
    const store = await openStore(cluster.url(db, { single: true }));
    const run = (sql: string) => runOnServer(sql, db);
    try {
      const hex = (c: string) => c.repeat(32);
      const old = `_kept_${Date.now() - KEPT_STALE_MS - 60_000}_${hex('a')}`;
      const young = `_kept_${Date.now() - KEPT_STALE_MS + 600_000}_${hex('b')}`;
      const other = `_kept_notes`;
      for (const name of [old, young, other]) await run(`CREATE TABLE \`${name}\` (x UInt8) ENGINE = Memory`);
      const kept = await store.materializeRows!('SELECT 1 AS x', [], { maxRows: 10 });
      expect(kept?.rows).toBe(1);
      const names = async () =>
        (
          await store.query(
            `SELECT name FROM system.tables WHERE database = currentDatabase() AND startsWith(name, '_kept_') ORDER BY name`,
          )
        ).rows.map((r) => String(r[0]));
      expect(await names()).toEqual([kept!.sql.replaceAll('`', ''), young, other].sort());
      await kept!.release();
      expect(await names()).toEqual([young, other].sort());
    } finally {
      await store.close();
    }
  });
});
