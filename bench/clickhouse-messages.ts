/**
 * The Overview's "Messages received" panel on ClickHouse, over 30 days: from the rows against from the
 * distinct-messages summary (MessageTraceHourlyMessages), the same KQL, the same store, interleaved, median of
 * --runs. The rows are written through the store's upsertTraces (so the summary is the one ingest keeps), then 10%
 * of them again with a newer status; the summary is checked against a recount before timing.
 * One ClickHouse 18.16 server on loopback (the test support's, without ZooKeeper).
 * `npx tsx bench/clickhouse-messages.ts --rows 1000000 --runs 7`
 * With `--baseline DIR` (a checkout from before the summary, e.g. main before it), it times only the ingest instead:
 * the same rows into a fresh store of each checkout's code, interleaved, median of --runs: the summary's write cost.
 */
import { MESSAGE_AGGREGATE, type Status } from '../src/schema/index.js';
import { compileKql } from '../src/kql/index.js';
import { openStore, runKql } from '../src/store/index.js';
import { startClickHouseServer } from '../test/support/clickhouse-cluster.js';
import { arg, median, table } from './lib.js';
import { DAYS, START, syntheticTraces } from './synthetic-traces.js';

const ROWS = Number(arg('rows', '1000000'));
const RUNS = Number(arg('runs', '7'));
const BATCH = 100_000;
const H = 3_600_000;

/** The panel's two queries as dashboards/overview.json has them (the trend binned by day over 30 days). */
const PANEL: [string, string][] = [
  ['stat: dcount(MessageTraceId)', 'MessageTrace\n| summarize Messages = dcount(MessageTraceId)'],
  [
    'trend: first row per message, per day',
    'MessageTrace\n| where isnotnull(MessageTraceId)\n| summarize Received = min(Received) by MessageTraceId\n| summarize Messages = count() by Time = bin(Received, 1d)',
  ],
];
/** "Last 30 days" as the dashboard asks it: off the hour at both ends. */
const RANGE = { from: START + 10 * H + 17 * 60_000, to: START + DAYS * 24 * H + 10 * H + 17 * 60_000 };

const sortedRows = (rows: readonly unknown[][]) => JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());

const BASELINE = arg('baseline', '');

/** Ingest A/B: the same rows into fresh stores of this checkout's code and the baseline's, interleaved. */
async function ingestAgainstBaseline(): Promise<void> {
  const theirs = (await import(`${BASELINE}/src/store/index.ts`)) as { openStore: typeof openStore };
  const rows = syntheticTraces(ROWS);
  const server = await startClickHouseServer();
  const times: Record<string, number[]> = { baseline: [], 'this checkout': [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [name, open] of [
        ['baseline', theirs.openStore],
        ['this checkout', openStore],
      ] as const) {
        const store = await open(server.url(`ab_${name.replace(/\W/g, '_')}_${i}`, { single: true }));
        const started = performance.now();
        for (let j = 0; j < rows.length; j += BATCH) await store.upsertTraces(rows.slice(j, j + BATCH));
        times[name]!.push(performance.now() - started);
        await store.close();
      }
    }
  } finally {
    await server.stop();
  }
  const ref = median(times.baseline!);
  process.stdout.write(
    `${ROWS.toLocaleString('en-US')} rows in batches of ${BATCH.toLocaleString('en-US')} into a fresh store, median of ${RUNS}, interleaved\n\n` +
      table(
        ['code', 'ingest', 'rows/s', 'vs baseline'],
        Object.entries(times).map(([name, t]) => [
          name,
          `${(median(t) / 1000).toFixed(1)} s`,
          Math.round(ROWS / (median(t) / 1000)).toLocaleString('en-US'),
          (median(t) / ref).toFixed(2),
        ]),
      ) +
      '\n',
  );
}
if (BASELINE) {
  await ingestAgainstBaseline();
  process.exit(0);
}

const data = syntheticTraces(ROWS);
const updates = data
  .filter((_, i) => i % 10 === 0)
  .map((r) => ({ ...r, Status: (r.Status === 'Pending' ? 'Delivered' : 'Quarantined') as Status }));
const server = await startClickHouseServer();
const ch = await openStore(server.url('bench_messages', { single: true }));
try {
  const out: string[] = [];
  let started = performance.now();
  for (let i = 0; i < data.length; i += BATCH) await ch.upsertTraces(data.slice(i, i + BATCH));
  const fresh = performance.now() - started;
  started = performance.now();
  for (let i = 0; i < updates.length; i += BATCH) await ch.upsertTraces(updates.slice(i, i + BATCH));
  const again = performance.now() - started;
  const problems = await ch.checkIntegrity();
  const count = async (sql: string) => Number((await ch.query(sql)).rows[0]![0]);
  const messages = await count('SELECT uniqExact(MessageTraceId) FROM MessageTrace');
  const summaryRows = await count(
    `SELECT count() FROM (SELECT Received, Previous, MessageTraceId FROM ${MESSAGE_AGGREGATE.name} GROUP BY Received, Previous, MessageTraceId HAVING sum(Messages) != 0)`,
  );
  const stored = await count(`SELECT count() FROM ${MESSAGE_AGGREGATE.name}`);
  out.push(
    `${ROWS.toLocaleString('en-US')} rows (${messages.toLocaleString('en-US')} messages), ${DAYS} days, written in batches of ${BATCH.toLocaleString('en-US')}: ` +
      `${(fresh / 1000).toFixed(1)} s (${Math.round(ROWS / (fresh / 1000)).toLocaleString('en-US')} rows/s), then ${updates.length.toLocaleString('en-US')} newer statuses in ${(again / 1000).toFixed(1)} s; ` +
      `${MESSAGE_AGGREGATE.name}: ${summaryRows.toLocaleString('en-US')} rows (${stored.toLocaleString('en-US')} signed rows stored before merges); ` +
      `integrity: ${problems.length === 0 ? 'equal to a recount' : problems.join('; ')}`,
    '',
  );
  const rows: (string | number)[][] = [];
  for (const [name, kql] of PANEL) {
    const plan = compileKql(kql, { dialect: 'clickhouse', aggregates: true, timeRange: RANGE }).plan?.source;
    const run = (aggregates: boolean) => runKql(ch, kql, { timeRange: RANGE, aggregates });
    const same = sortedRows((await run(true)).rows) === sortedRows((await run(false)).rows);
    const raw: number[] = [];
    const summary: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await run(false);
      raw.push(performance.now() - t);
      t = performance.now();
      await run(true);
      summary.push(performance.now() - t);
    }
    rows.push([
      name,
      `${median(raw).toFixed(0)} ms`,
      `${median(summary).toFixed(0)} ms`,
      `${(median(raw) / median(summary)).toFixed(1)}x`,
      plan ?? '-',
      same ? 'yes' : 'NO',
    ]);
  }
  out.push(
    table(
      ['"Messages received", 30 days off the hour', 'rows (MAILSIFT_AGGREGATES=off)', 'summary', 'speed-up', 'planned from', 'same rows'],
      rows,
    ),
  );
  process.stdout.write(out.join('\n') + '\n');
} finally {
  await ch.close();
  await server.stop();
}
