/**
 * Kept rows on both engines: the whole Overview (one streamed request, as the page asks for it) under one
 * sender's chip, with the chip's rows kept once for every panel (MAILSIFT_KEPT_ROWS=always, whatever the table's size)
 * and without (=off), interleaved, on the same synthetic rows in a DuckDB file and on one ClickHouse server; the
 * answers compared. What it gives at each size sets KEEP_FROM_ROWS (src/server/dashboards/kept-rows.ts).
 *   npx tsx bench/kept-rows.ts --rows 1000000 --runs 7 [--engines duckdb,clickhouse]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../src/config/index.js';
import { startServer, UserDirectory } from '../src/server/index.js';
import { openStore, runKql, type Store } from '../src/store/index.js';
import { startClickHouseServer } from '../test/support/clickhouse-cluster.js';
import { arg, median, overviewPanels, table, benchLogin } from './lib.js';
import { DAYS, START, syntheticTraces } from './synthetic-traces.js';

const ROWS = Number(arg('rows', '1000000'));
const RUNS = Number(arg('runs', '7'));
const PASSWORD = 'bench-password-1';

const data = syntheticTraces(ROWS);
const dir = mkdtempSync(join(tmpdir(), 'mailsift-bench-kept-'));
const ENGINES = arg('engines', 'duckdb,clickhouse').split(',');
const clickhouse = ENGINES.includes('clickhouse') ? await startClickHouseServer() : undefined;
const stores: [string, Store][] = [];
if (ENGINES.includes('duckdb')) stores.push(['DuckDB (file)', await openStore(`duckdb:${join(dir, 'bench.duckdb')}`)]);
if (clickhouse) stores.push(['ClickHouse 18.16 (one server)', await openStore(clickhouse.url('kept', { single: true }))]);

/** Time the Overview under `filters` on `store`, with and without kept rows, interleaved; the answers of both. */
async function overview(store: Store, filters: Record<string, string[]>) {
  await new UserDirectory(store).addUser('bench', 'analyst', PASSWORD, { replace: true });
  const config = configSchema.parse({ organization: { name: 'Contoso', acceptedDomains: ['contoso.com'] } });
  const server = await startServer({ config, store, logger: false, host: '127.0.0.1', port: 0, webRoot: dir });
  try {
    const { cookie, csrf } = await benchLogin(server.url, 'bench', PASSWORD);
    const body = JSON.stringify({
      from: new Date(START + (DAYS / 2) * 86_400_000).toISOString(),
      to: new Date(START + DAYS * 86_400_000).toISOString(),
      filters,
      timeZone: 'Asia/Tokyo',
      panels: overviewPanels().map((p) => p.id),
    });
    const run = async (kept: boolean) => {
      process.env.MAILSIFT_KEPT_ROWS = kept ? 'always' : 'off';
      const t0 = performance.now();
      const r = await fetch(`${server.url}/api/dashboards/overview/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf, origin: server.url },
        body,
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`overview: HTTP ${r.status} ${text}`);
      return { ms: performance.now() - t0, text };
    };
    const answers = { kept: '', without: '' };
    const times = { kept: [] as number[], without: [] as number[] };
    for (let i = 0; i <= RUNS; i++) {
      for (const kept of [true, false]) {
        const { ms, text } = await run(kept);
        if (i === 0) answers[kept ? 'kept' : 'without'] = text;
        else times[kept ? 'kept' : 'without'].push(ms);
      }
    }
    delete process.env.MAILSIFT_KEPT_ROWS;
    return { kept: median(times.kept), without: median(times.without), same: sameAnswers(answers.kept, answers.without) };
  } finally {
    await server.close();
  }
}

/** Whether two streamed Overviews hold the same panels with the same rows (in any order; timings aside). */
function sameAnswers(a: string, b: string): boolean {
  const panels = (text: string) =>
    text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { panel: string; data?: { result: { rows: unknown[] }; sparkline?: { rows: unknown[] } } })
      .map((l) =>
        JSON.stringify([l.panel, [...(l.data?.result.rows ?? [])].map((r) => JSON.stringify(r)).sort(), l.data?.sparkline?.rows.length]),
      )
      .sort();
  return JSON.stringify(panels(a)) === JSON.stringify(panels(b));
}

try {
  const out = [`${ROWS.toLocaleString('en-US')} synthetic rows, ${DAYS} days; the last ${DAYS / 2} days; median of ${RUNS}`, ''];
  const rows: string[][] = [];
  for (const [name, store] of stores) {
    for (let i = 0; i < data.length; i += 100_000) await store.upsertTraces(data.slice(i, i + 100_000));
    const busiest = await runKql(store, 'MessageTrace | summarize n = count() by SenderAddress | top 1 by n');
    const sender = String(busiest.rows[0]![0]);
    const r = await overview(store, { sender: [sender] });
    rows.push([
      name,
      `${sender} (${String(busiest.rows[0]![1])} rows)`,
      `${Math.round(r.kept)} ms`,
      `${Math.round(r.without)} ms`,
      `${(r.kept / r.without).toFixed(2)}x`,
      r.same ? 'yes' : 'NO',
    ]);
  }
  out.push(
    'The whole Overview under one sender, one streamed request (server only):',
    '',
    table(['store', 'sender', 'kept rows (=always)', 'without (=off)', 'ratio', 'same answers'], rows),
  );
  console.log(out.join('\n'));
} finally {
  for (const [, s] of stores) await s.close();
  await clickhouse?.stop();
  rmSync(dir, { recursive: true, force: true });
}
