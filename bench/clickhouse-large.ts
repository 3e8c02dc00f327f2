/**
 * ClickHouse beside DuckDB on the large demo store (bench/demo-store.ts, ~10M MessageTrace rows): the DuckDB file is
 * copied into one ClickHouse 18.16 server with `mailsift migrate`'s copy (records/s per month), then Overview-type
 * queries, compiled from KQL for each dialect, run on both (median of --runs, interleaved; the time ranges are the
 * store's own last day and last 7 days).
 * `npx tsx bench/clickhouse-large.ts --store bench/data/detect-300000-150000.duckdb --runs 3`
 */
import { startClickHouseCluster } from '../test/support/clickhouse-cluster.js';
import { copyStore } from '../src/store/copy-store.js';
import { openStore, runKql, type Store } from '../src/store/index.js';
import { arg, median, table } from './lib.js';

const FILE = arg('store', 'bench/data/detect-300000-150000.duckdb');
const RUNS = Number(arg('runs', '3'));

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const iso = (ms: number) => new Date(ms).toISOString();
const sameRows = (a: readonly unknown[][], b: readonly unknown[][]) =>
  JSON.stringify(a.map((r) => JSON.stringify(r)).sort()) === JSON.stringify(b.map((r) => JSON.stringify(r)).sort());

const duck = await openStore(`duckdb:${FILE}`);
const cluster = await startClickHouseCluster({ shards: 1, replicas: 1 });
const ch: Store = await openStore(cluster.url('bench', { single: true }));
try {
  const stats = await duck.stats();
  const span = await runKql(duck, 'MessageTrace | summarize max(Received)');
  const end = Date.parse(String(span.rows[0]![0]));
  const day = iso(end - 86_400_000);
  const week = iso(end - 7 * 86_400_000);
  const out: string[] = [`${FILE}: ${JSON.stringify(stats)}`, ''];

  const started = performance.now();
  const months: (string | number)[][] = [];
  let last = performance.now();
  const report = await copyStore(duck, ch, (p) => {
    const now = performance.now();
    months.push([p.month, p.traces.toLocaleString('en-US'), p.events.toLocaleString('en-US'), `${((now - last) / 1000).toFixed(1)} s`]);
    last = now;
    console.log(`copied ${p.month}: ${p.traces} traces, ${p.events} events, ${((now - started) / 1000).toFixed(0)} s`);
  });
  const seconds = (performance.now() - started) / 1000;
  const copied = months.reduce((n, m) => n + Number(String(m[1]).replace(/,/g, '')) + Number(String(m[2]).replace(/,/g, '')), 0);
  out.push(
    '### Copy into ClickHouse (one server)',
    '',
    table(['month', 'traces', 'events', 'time'], months),
    '',
    `${copied.toLocaleString('en-US')} rows in ${seconds.toFixed(0)} s: ${Math.round(copied / seconds).toLocaleString('en-US')} rows/s; counts checked: ${JSON.stringify(report).slice(0, 300)}`,
    '',
  );

  const queries: [string, string][] = [
    [
      'daily status counts, last 7 days',
      `MessageTrace | where Received >= datetime(${week}) | summarize count() by bin(Received, 1d), Status`,
    ],
    [
      'hourly status counts, last day',
      `MessageTrace | where Received >= datetime(${day}) | summarize count() by bin(Received, 1h), Status`,
    ],
    [
      'per-sender status pivot, top 10, 7 days',
      `MessageTrace | where Received >= datetime(${week}) | summarize n = count(), spam = countif(Status == "FilteredAsSpam") by SenderAddress | top 10 by n`,
    ],
    ['messages received (dcount), whole store', 'MessageTrace | summarize dcount(MessageTraceId)'],
    ['bytes per day, whole store', 'MessageTrace | summarize sum(Size) by bin(Received, 1d)'],
    [
      'top sender domains, 7 days',
      `MessageTrace | where Received >= datetime(${week}) | summarize n = count() by SenderDomain | top 10 by n`,
    ],
    [
      'quarantined in the last day, newest 100',
      `MessageTrace | where Received >= datetime(${day}) and Status == "Quarantined" | top 100 by Received`,
    ],
  ];
  const rows: (string | number)[][] = [];
  for (const [name, kql] of queries) {
    const same = sameRows((await runKql(duck, kql)).rows, (await runKql(ch, kql)).rows);
    const d: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      d.push(await time(() => runKql(duck, kql)));
      c.push(await time(() => runKql(ch, kql)));
    }
    rows.push([
      name,
      `${median(d).toFixed(0)} ms`,
      `${median(c).toFixed(0)} ms`,
      (median(c) / median(d)).toFixed(2),
      same ? 'yes' : 'ties differ',
    ]);
    console.log(rows.at(-1)!.join(' | '));
  }
  out.push('### Overview-type queries (KQL)', '', table(['query', 'DuckDB', 'ClickHouse', 'ratio', 'same rows'], rows));
  console.log(out.join('\n'));
} finally {
  await ch.close();
  await duck.close();
  await cluster.stop();
}
