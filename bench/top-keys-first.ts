/**
 * The Overview's per-sender status pivot (`summarize` of eight counts by SenderAddress, then `top 10`) with and
 * without ranking the keys first (src/kql/compile/top-keys-first.ts), the same KQL, interleaved, median of --runs:
 * on each DuckDB store of --stores (summaries on and off), and on one ClickHouse 18.16 server holding --rows
 * synthetic rows (skipped, and said so, without Debian's package). Both forms must give the same rows.
 *   npx tsx bench/top-keys-first.ts --stores 10M=/work/bench-stores/s10m.duckdb,100M=/work/bench-stores/s100m.duckdb
 *     [--rows 1000000] [--runs 5]
 */
import { getDialect } from '../src/kql/dialect/index.js';
import { openStore, runKql, type Store } from '../src/store/index.js';
import { HAS_CLICKHOUSE_SERVER, startClickHouseServer } from '../test/support/clickhouse-cluster.js';
import { arg, median, overviewPanels, storesArg, table } from './lib.js';
import { syntheticTraces } from './synthetic-traces.js';

const RUNS = Number(arg('runs', '5'));
const ROWS = Number(arg('rows', '1000000'));
const STORES = storesArg();
const PIVOT = overviewPanels().find((p) => p.id === 'top-senders-status')!.kql;

/** Switch the rewrite for one engine's dialect (the capability says whether the compiler may use it). */
function rankFirst(dialect: 'duckdb' | 'clickhouse', on: boolean): void {
  (getDialect(dialect).capabilities as { cheapReread: boolean }).cheapReread = on;
}

const text = (row: readonly unknown[]) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));

/**
 * Whether two answers of `top 10 by TotalCount` (the last column) are the same: equal rows in any order, or, where
 * TotalCount ties at the cut, the same counts, with the keys both kept having the same rows.
 */
function sameTop(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): string {
  const as = a.map(text).sort();
  const bs = b.map(text).sort();
  if (as.join() === bs.join()) return 'yes';
  const totals = (rows: readonly (readonly unknown[])[]) =>
    rows
      .map((r) => Number(r[r.length - 1]))
      .sort((x, y) => x - y)
      .join();
  const byKey = new Map(a.map((r) => [String(r[0]), text(r)]));
  const common = b.every((r) => !byKey.has(String(r[0])) || byKey.get(String(r[0])) === text(r));
  return totals(a) === totals(b) && common ? 'yes (ties cut differently)' : 'NO';
}

async function measure(name: string, store: Store, aggregates: boolean): Promise<(string | number)[]> {
  const dialect = store.dialect;
  const defaultOn = getDialect(dialect).capabilities.cheapReread;
  const run = async (on: boolean) => {
    rankFirst(dialect, on);
    const t = performance.now();
    const r = await runKql(store, PIVOT, { aggregates });
    return { ms: performance.now() - t, rows: r.rows };
  };
  const off: number[] = [];
  const on: number[] = [];
  let same: string = 'yes';
  for (let i = 0; i < RUNS; i++) {
    const a = await run(false);
    const b = await run(true);
    off.push(a.ms);
    on.push(b.ms);
    const verdict = sameTop(a.rows, b.rows);
    if (verdict !== 'yes') same = verdict;
  }
  rankFirst(dialect, defaultOn);
  return [
    name,
    aggregates ? 'summaries' : 'rows',
    `${Math.round(median(off))} ms`,
    `${Math.round(median(on))} ms`,
    `${(median(on) / median(off)).toFixed(2)}x`,
    defaultOn ? 'ranks first' : 'one pass',
    same,
  ];
}

const results: (string | number)[][] = [];
for (const [name, file] of STORES) {
  const store = await openStore(`duckdb:${file}`);
  try {
    for (const aggregates of [true, false]) results.push(await measure(`DuckDB ${name}`, store, aggregates));
  } finally {
    await store.close();
  }
}
if (HAS_CLICKHOUSE_SERVER) {
  const server = await startClickHouseServer();
  const ch = await openStore(server.url('bench_top_keys', { single: true }));
  try {
    const data = syntheticTraces(ROWS);
    for (let i = 0; i < data.length; i += 100_000) await ch.upsertTraces(data.slice(i, i + 100_000));
    for (const aggregates of [true, false]) results.push(await measure(`ClickHouse ${(ROWS / 1e6).toFixed(0)}M synthetic`, ch, aggregates));
  } finally {
    await ch.close();
    await server.stop();
  }
} else {
  console.log('ClickHouse: SKIPPED (package clickhouse-server not installed)');
}
console.log(`Per-sender status pivot, median of ${RUNS}, interleaved (whole store, no time range)\n`);
console.log(table(['store', 'read from', 'one pass', 'keys ranked first', 'ratio', 'the compiler uses', 'same rows'], results));
