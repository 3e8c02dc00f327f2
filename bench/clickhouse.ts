/**
 * ClickHouse beside DuckDB on the same rows: ingest (records/s through each store's upsertTraces, then a second
 * pass re-reading 10% of the rows with a newer status), Overview-type dashboard queries compiled from KQL for
 * each dialect (median of --runs, interleaved), and on ClickHouse the two exact de-duplications side by side:
 * FINAL (what the store runs) and argMax per key, with the undeduplicated read as the floor; and a time range
 * filtered after FINAL (as the store did) against inside the FINAL subquery (as it does now).
 * Servers: one ClickHouse 18.16 on loopback (the test support's cluster with one shard, one replica).
 * `npx tsx bench/clickhouse.ts --rows 1000000 --runs 5`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Status, TraceRow } from '../src/schema/index.js';
import { openStore, runKql, type Store } from '../src/store/index.js';
import { startClickHouseCluster } from '../test/support/clickhouse-cluster.js';
import { arg, median, table } from './lib.js';
import { DAYS, syntheticTraces } from './synthetic-traces.js';

const ROWS = Number(arg('rows', '1000000'));
const RUNS = Number(arg('runs', '5'));
const BATCH = 100_000;

async function ingest(store: Store, data: readonly TraceRow[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < data.length; i += BATCH) await store.upsertTraces(data.slice(i, i + BATCH));
  return performance.now() - started;
}

const QUERIES: [string, string][] = [
  [
    'daily status counts, last 7 days',
    'MessageTrace | where Received >= datetime(2026-10-24) | summarize count() by bin(Received, 1d), Status',
  ],
  [
    'per-sender status pivot, top 10',
    'MessageTrace | summarize n = count(), spam = countif(Status == "FilteredAsSpam") by SenderAddress | top 10 by n',
  ],
  ['messages received (dcount), 30 days', 'MessageTrace | summarize dcount(MessageTraceId)'],
  ['bytes per day', 'MessageTrace | summarize sum(Size) by bin(Received, 1d)'],
  [
    'quarantined in a window, newest 100',
    'MessageTrace | where Received between (datetime(2026-10-10) .. datetime(2026-10-11)) and Status == "Quarantined" | top 100 by Received',
  ],
];

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const data = syntheticTraces(ROWS);
const updates = data
  .filter((_, i) => i % 10 === 0)
  .map((r) => ({ ...r, Status: (r.Status === 'Pending' ? 'Delivered' : 'Quarantined') as Status }));
const dir = mkdtempSync(join(tmpdir(), 'mailsift-bench-ch-'));
const cluster = await startClickHouseCluster({ shards: 1, replicas: 1 });
const duck = await openStore(`duckdb:${join(dir, 'bench.duckdb')}`);
const ch = await openStore(cluster.url('bench', { single: true }));
try {
  const out: string[] = [
    `${ROWS.toLocaleString('en-US')} rows, ${DAYS} days; batches of ${BATCH.toLocaleString('en-US')}; median of ${RUNS}`,
    '',
  ];
  const ingestRows: (string | number)[][] = [];
  for (const [name, store] of [
    ['DuckDB (file)', duck],
    ['ClickHouse 18.16 (one server)', ch],
  ] as const) {
    const fresh = await ingest(store, data);
    const again = await ingest(store, updates);
    ingestRows.push([
      name,
      `${(fresh / 1000).toFixed(2)} s`,
      Math.round(ROWS / (fresh / 1000)).toLocaleString('en-US'),
      `${(again / 1000).toFixed(2)} s`,
      Math.round(updates.length / (again / 1000)).toLocaleString('en-US'),
    ]);
  }
  out.push(
    '### Ingest',
    '',
    table(['store', 'fresh', 'records/s', `${updates.length.toLocaleString('en-US')} newer statuses`, 'records/s'], ingestRows),
    '',
  );

  const qRows: (string | number)[][] = [];
  for (const [name, kql] of QUERIES) {
    const [a, b] = [await runKql(duck, kql), await runKql(ch, kql)];
    const same =
      JSON.stringify(a.rows.map((r) => JSON.stringify(r)).sort()) === JSON.stringify(b.rows.map((r) => JSON.stringify(r)).sort());
    const d: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      d.push(await time(() => runKql(duck, kql)));
      c.push(await time(() => runKql(ch, kql)));
    }
    qRows.push([
      name,
      `${median(d).toFixed(0)} ms`,
      `${median(c).toFixed(0)} ms`,
      (median(c) / median(d)).toFixed(2),
      same ? 'yes' : 'ties differ',
    ]);
  }
  out.push('### Overview-type queries (KQL)', '', table(['query', 'DuckDB', 'ClickHouse', 'ratio', 'same rows'], qRows), '');

  // Exact de-duplication on ClickHouse: FINAL against argMax per key, and the raw read (not exact) as the floor.
  const since = `${Date.UTC(2026, 9, 24) * 1000}`;
  const dedup: [string, string][] = [
    [
      'FINAL (the store)',
      `SELECT intDiv(Received, 86400000000) AS d, Status, count() FROM (SELECT Received, Status, _version FROM MessageTrace FINAL WHERE Received >= ${since}) GROUP BY d, Status`,
    ],
    [
      'argMax per key',
      `SELECT intDiv(Received, 86400000000) AS d, Status, count() FROM (SELECT Received, argMax(Status, _version) AS Status FROM MessageTrace WHERE Received >= ${since} GROUP BY MessageTraceId, RecipientAddress, Received) GROUP BY d, Status`,
    ],
    [
      'no de-duplication (not exact)',
      `SELECT intDiv(Received, 86400000000) AS d, Status, count() FROM MessageTrace WHERE Received >= ${since} GROUP BY d, Status`,
    ],
  ];
  const ref = JSON.stringify((await ch.query(dedup[0]![1])).rows.map((r) => JSON.stringify(r)).sort());
  const dRows: (string | number)[][] = [];
  const times = dedup.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) for (const [j, [, sql]] of dedup.entries()) times[j]!.push(await time(() => ch.query(sql)));
  for (const [j, [name, sql]] of dedup.entries()) {
    const same = JSON.stringify((await ch.query(sql)).rows.map((r) => JSON.stringify(r)).sort()) === ref;
    dRows.push([name, `${median(times[j]!).toFixed(0)} ms`, (median(times[j]!) / median(times[0]!)).toFixed(2), same ? 'yes' : 'no']);
  }
  out.push(
    '### De-duplication on ClickHouse: daily status counts, last 7 days',
    '',
    table(['read', 'median', 'vs FINAL', 'same as FINAL'], dRows),
  );

  // The time range before and after it moved into the FINAL subquery (the same rows either way).
  const cols = 'Received, Status, MessageTraceId, RecipientAddress, _version';
  const day = (d: number) => `Received >= ${Date.UTC(2026, 9, d) * 1000} AND Received < ${Date.UTC(2026, 9, d + 1) * 1000}`;
  const week = `Received >= ${since}`;
  const where: [string, string, string][] = [
    ['one day, status counts', day(10), 'Status'],
    ['last 7 days, status counts', week, 'Status'],
  ];
  const wRows: (string | number)[][] = [];
  for (const [name, cond, by] of where) {
    const after = `SELECT ${by}, count() FROM (SELECT ${cols} FROM MessageTrace FINAL) WHERE ${cond} GROUP BY ${by}`;
    const inside = `SELECT ${by}, count() FROM (SELECT ${cols} FROM MessageTrace FINAL WHERE ${cond}) GROUP BY ${by}`;
    const same =
      JSON.stringify((await ch.query(after)).rows.map((r) => JSON.stringify(r)).sort()) ===
      JSON.stringify((await ch.query(inside)).rows.map((r) => JSON.stringify(r)).sort());
    const [a, b] = [[] as number[], [] as number[]];
    for (let i = 0; i < RUNS; i++) {
      a.push(await time(() => ch.query(after)));
      b.push(await time(() => ch.query(inside)));
    }
    wRows.push([name, `${median(a).toFixed(0)} ms`, `${median(b).toFixed(0)} ms`, (median(a) / median(b)).toFixed(1), same ? 'yes' : 'no']);
  }
  out.push(
    '',
    '### Time filter after FINAL (before) and inside the FINAL subquery (now)',
    '',
    table(['query', 'filter after FINAL', 'filter inside FINAL', 'speed-up', 'same rows'], wRows),
  );
  const parts = await ch.query("SELECT count() FROM system.parts WHERE active AND table = 'MessageTrace' AND database = 'bench'");
  out.push('', `(${String(parts.rows[0]![0])} active parts: merges had not collapsed every version when measured)`);
  process.stdout.write(out.join('\n') + '\n');
} finally {
  await duck.close();
  await ch.close();
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
