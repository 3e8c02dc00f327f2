// End to end on a real ClickHouse cluster (two shards x two replicas), row for row against DuckDB: a demo tenant
// ingested into both, the dashboards' panels and stats compared; a DuckDB store migrated into ClickHouse (and
// the copy resumed); a replica killed mid-run changes nothing; a whole shard down is an error, never a partial answer.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../../src/demo/index.js';
import { createEnricher } from '../../src/enrich/index.js';
import type { TraceRow } from '../../src/schema/index.js';
import { copyStore, openStore, runKql, type Store } from '../../src/store/index.js';
import { HAS_CLICKHOUSE, startClickHouseCluster, type ClickHouseCluster } from '../support/clickhouse-cluster.js';

/** The dashboards' panel queries that need no template values. */
const PANELS = readdirSync('dashboards')
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(`dashboards/${f}`, 'utf8')) as { panels: { id: string; kql?: string }[] }).panels)
  .filter((p) => p.kql !== undefined && !p.kql.includes('${'))
  .map((p) => [p.id, p.kql!] as const);

const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();

describe.skipIf(!HAS_CLICKHOUSE)('ClickHouse end to end', () => {
  let cluster: ClickHouseCluster;
  let duck: Store;
  let ch: Store;
  const batches: TraceRow[][] = [];

  beforeAll(async () => {
    cluster = await startClickHouseCluster();
    const tenant = generateTenant({ seed: 7, start: Date.UTC(2026, 8, 20), days: 20, messagesPerDay: 300 });
    const enricher = await createEnricher({ organization: tenant.organization });
    const rows = [...tenant.batches()].flatMap((b) => enricher.enrich(b.traces));
    for (let i = 0; i < rows.length; i += 500) batches.push(rows.slice(i, i + 500));
    duck = await openStore('duckdb::memory:');
    ch = await openStore(cluster.url('e2e'));
  }, 300_000);
  afterAll(async () => {
    await duck?.close();
    await ch?.close();
    await cluster?.stop();
  });

  it('ingests the same counts, with a replica killed halfway, and re-reading changes nothing', async () => {
    const half = Math.floor(batches.length / 2);
    for (const [i, rows] of batches.entries()) {
      if (i === half) await cluster.kill(1); // the second replica of the first shard, mid-run
      expect(await ch.upsertTraces(rows)).toEqual(await duck.upsertTraces(rows));
    }
    // Statuses move on (Pending -> Delivered) and some rows come again: the same counts on both.
    const again = batches[0]!.map((r) => (r.Status === 'Pending' ? { ...r, Status: 'Delivered' as const } : r));
    expect(await ch.upsertTraces(again)).toEqual(await duck.upsertTraces(again));
    expect(await ch.stats()).toEqual(await duck.stats());
  });

  it('answers every dashboard panel as DuckDB does (one replica still down)', async () => {
    expect(PANELS.length).toBeGreaterThan(5);
    for (const [id, kql] of PANELS) {
      const [a, b] = [await runKql(duck, kql), await runKql(ch, kql)];
      // `top N` leaves the order of ties open: the engines may keep different rows of equal rank, not other ranks.
      const by = /\|\s*top \d+ by (\w+)/.exec(kql)?.[1];
      const rank = (r: typeof a) => r.rows.map((row) => row[r.columns.findIndex((c) => c.name === by)]);
      if (by) expect({ id, ranks: rank(b) }).toEqual({ id, ranks: rank(a) });
      else expect({ id, rows: sorted(b.rows) }).toEqual({ id, rows: sorted(a.rows) });
    }
  });

  it('the replica comes back and catches up', async () => {
    await cluster.restart(1);
    const replica = await openStore(cluster.url('e2e', { node: 1 }));
    try {
      let n = 0;
      for (let i = 0; i < 100 && n !== (await duck.stats()).rows; i++) {
        // Through the restarted server: its own shard is read from its local table (prefer_localhost_replica).
        n = (await replica.stats()).rows;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(n).toBe((await duck.stats()).rows);
    } finally {
      await replica.close();
    }
  });

  it('migrates a DuckDB store into ClickHouse, counts checked, and resumes without copying twice', async () => {
    const target = await openStore(cluster.url('migrated'));
    try {
      const first = await copyStore(duck, target);
      expect(first.counts.MessageTrace!.target).toBe((await duck.stats()).rows);
      const second = await copyStore(duck, target);
      expect(second.months.every((m) => m.skipped)).toBe(true);
      expect(await target.stats()).toEqual(await duck.stats());
    } finally {
      await target.close();
    }
  });

  it('a whole shard down is an error naming it, never a partial answer', async () => {
    await cluster.kill(2);
    await cluster.kill(3);
    await expect(runKql(ch, 'MessageTrace | count')).rejects.toThrow(
      /query failed: .*(Connection refused|All connection tries failed|NETWORK_ERROR)/i,
    );
    await expect(ch.upsertTraces(batches[1]!.slice(0, 10))).rejects.toThrow();
  });
});
