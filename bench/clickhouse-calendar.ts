/**
 * Calendar functions on ClickHouse: dashboard-type KQL queries over MessageTrace (1970-2105 timestamps, the common
 * path) run on one ClickHouse 18.16 server, each compiled by this tree's compiler (integer calendar arithmetic,
 * exact from year 1 to 9999) and, with --reference DIR, by the compiler of another checkout (e.g. one that split
 * datetimes with 18.16's DateTime), interleaved on the same store: median wall time of --runs, the server's CPU
 * time per run (steadier than wall time on a shared machine), and whether both gave the same rows.
 * `npx tsx bench/clickhouse-calendar.ts --rows 1000000 --runs 7 [--reference ../main]`
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Status, TraceRow } from '../src/schema/index.js';
import { compileKql } from '../src/kql/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { traceRow } from '../src/store/testing/trace-row.js';
import { startClickHouseServer, type ClickHouseCluster } from '../test/support/clickhouse-cluster.js';
import { arg, median, table } from './lib.js';

const ROWS = Number(arg('rows', '1000000'));
const RUNS = Number(arg('runs', '7'));
const REFERENCE = arg('reference', '');
const NOW = Date.UTC(2026, 10, 2);
const START = Date.UTC(2026, 9, 1);
const DAYS = 30;

const QUERIES: [string, string][] = [
  ['hourly counts (bin 1h)', 'MessageTrace | summarize count() by bin(Received, 1h)'],
  ['daily counts (startofday)', 'MessageTrace | summarize count() by startofday(Received)'],
  ['monthly counts (startofmonth)', 'MessageTrace | summarize count() by startofmonth(Received)'],
  ['weekday x hour', 'MessageTrace | summarize count() by dayofweek(Received), hourofday(Received)'],
  ['year, month', 'MessageTrace | summarize count() by getyear(Received), getmonth(Received)'],
  ['format_datetime per day', 'MessageTrace | summarize count() by format_datetime(Received, "yyyy-MM-dd")'],
  ['datetime_add a month', 'MessageTrace | where datetime_add("month", 1, Received) > datetime(2026-11-20) | count'],
  ['newest 1000 rows (datetime text)', 'MessageTrace | top 1000 by Received | project Received, SenderAddress'],
];

/** Deterministic traces over 30 days of October 2026 (the other columns as traceRow fills them). */
function rows(n: number): TraceRow[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const statuses: Status[] = ['Delivered', 'Delivered', 'Delivered', 'FilteredAsSpam', 'Quarantined', 'Failed'];
  return Array.from({ length: n }, (_, i) =>
    traceRow({
      Received: START + Math.floor(rnd() * DAYS * 86_400_000),
      SenderAddress: `u${Math.floor(rnd() * 2000)}@d${i % 300}.example`,
      SenderDomain: `d${i % 300}.example`,
      Status: statuses[Math.floor(rnd() * statuses.length)]!,
      MessageId: `<m${i}@contoso.com>`,
      MessageTraceId: `t${i}`,
    }),
  );
}

/** CPU milliseconds the ClickHouse server process has used (Linux: utime + stime of its /proc stat). */
function serverCpuMs(server: ClickHouseCluster): number {
  const wrapper = server.nodes[0]!.process!.pid!;
  const pid = readFileSync(`/proc/${wrapper}/task/${wrapper}/children`, 'utf8').trim().split(/\s+/)[0];
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

type Compile = typeof compileKql;
const reference: Compile | undefined = REFERENCE
  ? ((await import(pathToFileURL(resolve(REFERENCE, 'src/kql/index.ts')).href)) as { compileKql: Compile }).compileKql
  : undefined;

const server = await startClickHouseServer();
const store: Store = await openStore(server.url('bench_calendar', { single: true }));
try {
  const data = rows(ROWS);
  for (let i = 0; i < data.length; i += 100_000) await store.upsertTraces(data.slice(i, i + 100_000));
  const compilers: [string, Compile][] = [['exact', compileKql], ...(reference ? [['reference', reference] as [string, Compile]] : [])];
  const out: (string | number)[][] = [];
  for (const [name, kql] of QUERIES) {
    const sqls = compilers.map(([, compile]) => compile(kql, { dialect: 'clickhouse', now: NOW }));
    const answers = await Promise.all(sqls.map(async (c) => JSON.stringify((await store.query(c.sql, c.params)).rows)));
    const wall = sqls.map(() => [] as number[]);
    const cpu = sqls.map(() => 0);
    for (let r = 0; r < RUNS; r++) {
      for (const [j, c] of sqls.entries()) {
        const [t, u] = [performance.now(), serverCpuMs(server)];
        await store.query(c.sql, c.params);
        wall[j]!.push(performance.now() - t);
        cpu[j]! += serverCpuMs(server) - u;
      }
    }
    const ms = (j: number) => `${median(wall[j]!).toFixed(0)} ms / ${(cpu[j]! / RUNS).toFixed(0)} ms`;
    out.push(
      reference
        ? [
            name,
            ms(0),
            ms(1),
            (median(wall[0]!) / median(wall[1]!)).toFixed(2),
            (cpu[0]! / Math.max(1, cpu[1]!)).toFixed(2),
            answers[0] === answers[1] ? 'yes' : 'no',
          ]
        : [name, ms(0)],
    );
  }
  console.log(
    `${ROWS.toLocaleString('en-US')} rows over ${DAYS} days on one ClickHouse 18.16 server; median wall time / mean server CPU time of ${RUNS} runs\n`,
  );
  console.log(
    reference
      ? table(['query', 'exact calendar', `reference (${REFERENCE})`, 'wall ratio', 'CPU ratio', 'same rows'], out)
      : table(['query', 'exact calendar'], out),
  );
} finally {
  await store.close();
  await server.stop();
}
