/**
 * The Overview at several store sizes, in one run: each store is served by its own server process (so its memory
 * is its own), and in each round every store is measured in turn: the ten Overview panels through the single-panel
 * API route over the whole 30 days (as the app asks; summaries where the planner may), then the Overview page in
 * Chromium with a new profile (cold) until every panel has loaded. The first round warms up and is not counted;
 * the server's peak RSS (VmHWM) is read at the end.
 *   npx tsx bench/store-curve.ts --stores 1M=/work/bench-stores/s1m.duckdb,10M=/work/bench-stores/s10m.duckdb [--runs 3]
 *     [--base 10M]   (the store the per-panel ratios are taken against; default the first)
 * Stores are built by bench/build-store.ts (or bench/demo-store.ts): any demo month of its tenants.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../src/config/index.js';
import { startServer, UserDirectory } from '../src/server/index.js';
import { HEAVY_AGGREGATES, TRACE_AGGREGATES } from '../src/schema/index.js';
import { openStore } from '../src/store/index.js';
import { HAS_CHROMIUM } from '../test/support/chromium.js';
import { everyPanelLoaded, signedInPage } from './overview-page.js';
import { demoTenants } from './demo-store.js';
import { arg, median, overviewPanels, storesArg, table, benchLogin } from './lib.js';

const PASSWORD = 'bench-password-1';
const DAY = 86_400_000;

if (process.argv.includes('--serve')) await serve(arg('serve', ''));
else await main();

/** Child: serve one store until stdin closes; print {url, to, rows, summaryRows} first. */
async function serve(file: string): Promise<void> {
  const store = await openStore(`duckdb:${file}`);
  const stats = await store.stats();
  const summaryRows: number[] = [];
  for (const def of [...TRACE_AGGREGATES, ...HEAVY_AGGREGATES])
    summaryRows.push(Number((await store.query(`SELECT count(*) FROM "${def.name}"`)).rows[0]![0]));
  await new UserDirectory(store).addUser('bench', 'analyst', PASSWORD, { replace: true });
  const config = configSchema.parse({ organization: demoTenants(1000, 1000)[0]!.organization });
  const server = await startServer({ config, store, logger: false, host: '127.0.0.1', port: 0, webRoot: resolve('dist/web') });
  process.stdout.write(JSON.stringify({ url: server.url, to: Date.parse(stats.to!) + 1, rows: stats.rows, summaryRows }) + '\n');
  process.stdin.resume();
  await new Promise((r) => process.stdin.on('end', r));
  await server.close();
  await store.close();
}

interface Served {
  label: string;
  child: ChildProcess;
  url: string;
  to: number;
  rows: number;
  summaryRows: number[];
  cookie: string;
  csrf: string;
  panels: Map<string, number[]>;
  cold: number[];
}

async function start(label: string, file: string): Promise<Served> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve', file], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout! }).once('line', ok);
    child.once('exit', (code) => fail(new Error(`server for ${file} exited with ${code}`)));
  });
  const info = JSON.parse(first) as { url: string; to: number; rows: number; summaryRows: number[] };
  const { cookie, csrf } = await benchLogin(info.url, 'bench', PASSWORD);
  return { label, child, ...info, cookie, csrf, panels: new Map(), cold: [] };
}

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

async function panelsOnce(s: Served, panels: { id: string; title: string }[], count: boolean): Promise<void> {
  for (const p of panels) {
    const t0 = performance.now();
    const r = await fetch(`${s.url}/api/dashboards/overview/panels/${p.id}/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, origin: s.url },
      body: JSON.stringify({
        from: new Date(s.to - 30 * DAY).toISOString(),
        to: new Date(s.to).toISOString(),
        filters: {},
        tzOffsetMinutes: 540,
      }),
    });
    if (!r.ok) throw new Error(`${s.label} panel ${p.id}: HTTP ${r.status} ${await r.text()}`);
    await r.json();
    if (count) s.panels.set(p.title, [...(s.panels.get(p.title) ?? []), performance.now() - t0]);
  }
}

async function coldOnce(s: Served): Promise<number> {
  const { page, close } = await signedInPage(s.url, 'bench', PASSWORD);
  try {
    const url = `${s.url}/overview?range=custom&from=${new Date(s.to - 30 * DAY).toISOString()}&to=${new Date(s.to).toISOString()}`;
    const t0 = performance.now();
    await page.goto(url);
    await everyPanelLoaded(page, 600_000);
    return performance.now() - t0;
  } finally {
    await close();
  }
}

async function main(): Promise<void> {
  const runs = Number(arg('runs', '3'));
  const stores = storesArg();
  const panels = overviewPanels();
  const served: Served[] = [];
  for (const [label, file] of stores) served.push(await start(label, file));
  try {
    for (let round = 0; round <= runs; round++) {
      for (const s of served) {
        await panelsOnce(s, panels, round > 0);
        const cold = HAS_CHROMIUM ? await coldOnce(s) : NaN;
        if (round > 0) s.cold.push(cold);
        process.stderr.write(`round ${round} ${s.label}: cold ${Math.round(cold)} ms\n`);
      }
    }
  } finally {
    for (const s of served) s.child.stdin!.end();
  }
  const rss = served.map((s) => peakRss(s.child.pid!));
  await Promise.all(served.map((s) => new Promise((r) => s.child.once('exit', r))));
  const ms = (xs: number[]) => `${Math.round(median(xs)).toLocaleString('en-US')} ms`;
  console.log(`\nOverview, whole 30 days, median of ${runs} rounds (stores measured in turn in each round)\n`);
  console.log(
    table(
      [
        'store',
        'rows',
        `summary rows (${[...TRACE_AGGREGATES, ...HEAVY_AGGREGATES].map((d) => d.name.replace('MessageTrace', '')).join(' / ')})`,
        'ten panels (API, sum of medians)',
        'Overview cold (Chromium)',
        'server peak RSS',
      ],
      served.map((s, i) => [
        s.label,
        s.rows.toLocaleString('en-US'),
        s.summaryRows.map((n) => n.toLocaleString('en-US')).join(' / '),
        ms([[...s.panels.values()].reduce((a, xs) => a + median(xs), 0)]),
        ms(s.cold),
        `${Math.round(rss[i]! / 2 ** 20).toLocaleString('en-US')} MiB`,
      ]),
    ),
  );
  const base = Math.max(
    0,
    served.findIndex((s) => s.label === arg('base', served[0]!.label)),
  );
  const others = served.map((_, i) => i).filter((i) => i !== base);
  console.log('\nEach panel through the API, whole 30 days (median):\n');
  console.log(
    table(
      ['panel', ...served.map((s) => s.label), ...others.map((i) => `${served[i]!.label} / ${served[base]!.label}`)],
      panels.map((p) => {
        const m = served.map((s) => median(s.panels.get(p.title)!));
        return [p.title, ...m.map((x) => `${Math.round(x)} ms`), ...others.map((i) => `${(m[i]! / m[base]!).toFixed(2)}x`)];
      }),
    ),
  );
}
