/**
 * Whole dashboards (and the Overview's panels one at a time) from two builds, side by side in one process: each
 * checkout's own server code on its own copy of the demo month (a store its migrations have opened), the two asked
 * in turn for each run, so both see the same load. Server only, whole 30 days, median of `--runs`.
 *   npx tsx bench/dashboards-ab.ts --base OTHER_CHECKOUT [--base-store FILE] [--store FILE] [--runs 5] [--panels [--filter country:US]]
 * By default each checkout's bench/data/detect-300000-150000.duckdb (bench/demo-store.ts). Both checkouts must be
 * built (`npm run build`: the servers serve their dist/web).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { arg, median, table } from './lib.js';

const STORE = 'bench/data/detect-300000-150000.duckdb';
const here = resolve('.');
const base = resolve(arg('base', ''));
if (!arg('base', '')) throw new Error('--base OTHER_CHECKOUT is required');
const runs = Number(arg('runs', '5'));
const builds = [
  { name: 'the build before', tree: base, file: resolve(arg('base-store', `${base}/${STORE}`)) },
  { name: 'this build', tree: here, file: resolve(arg('store', STORE)) },
];

/** One checkout's server on its store, with a signed-in bench analyst. */
async function serve(tree: string, file: string) {
  const { configSchema } = await import(`${tree}/src/config/index.ts`);
  const { startServer, UserDirectory } = await import(`${tree}/src/server/index.ts`);
  const { openStore } = await import(`${tree}/src/store/index.ts`);
  const { benchLogin } = await import(`${tree}/bench/lib.ts`);
  const { demoTenants } = await import(`${tree}/bench/demo-store.ts`);
  const [tenant] = demoTenants();
  const store = await openStore(`duckdb:${file}`);
  const stats = await store.stats();
  await new UserDirectory(store).addUser('bench', 'analyst', 'bench-password-1', { replace: true });
  const organization = { ...tenant.organization, embargoedCountries: ['KP', 'IR', 'SY', 'CU'] };
  const config = configSchema.parse({ organization });
  const server = await startServer({ config, store, logger: false, host: '127.0.0.1', port: 0, webRoot: resolve(`${tree}/dist/web`) });
  const { cookie, csrf } = await benchLogin(server.url, 'bench', 'bench-password-1');
  return { store, stats, server, cookie, csrf };
}

const served: Awaited<ReturnType<typeof serve>>[] = [];
for (const b of builds) served.push(await serve(b.tree, b.file));
const to = Date.parse(served[0]!.stats.to!) + 1;
const from = to - 30 * 86_400_000;
const panelsOf = (id: string) =>
  (JSON.parse(readFileSync(`${here}/dashboards/${id}.json`, 'utf8')) as { panels: { id: string }[] }).panels.map((p) => p.id);

/** One request, until its last byte: ms. */
async function timed(s: (typeof served)[number], path: string, body: object): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${s.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, origin: s.server.url },
    body: JSON.stringify({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), timeZone: 'Asia/Tokyo', ...body }),
  });
  const text = await r.text();
  if (!r.ok || text.includes('"error"')) throw new Error(`${path}: ${text.slice(0, 300)}`);
  return performance.now() - t0;
}

type Case = { name: string; path: string; body: object };
const chip = (name: string, filters: Record<string, string[]>): Case => ({
  name: `overview, ${name}`,
  path: '/api/dashboards/overview/run',
  body: { filters, panels: panelsOf('overview') },
});
/** `--filter country:US`: the panels one at a time under that chip. */
const [filterName, filterValue] = arg('filter', '').split(':');
const panelFilters = filterName && filterValue ? { [filterName]: [filterValue] } : {};
const cases: Case[] = process.argv.includes('--panels')
  ? panelsOf('overview').map((id) => ({ name: id, path: `/api/dashboards/overview/panels/${id}/run`, body: { filters: panelFilters } }))
  : [
      ...['overview', 'security', 'message-monitoring'].map((id) => ({
        name: id,
        path: `/api/dashboards/${id}/run`,
        body: { filters: {}, panels: panelsOf(id) },
      })),
      chip('country US', { country: ['US'] }),
      chip('country JP', { country: ['JP'] }),
      chip('country KP', { country: ['KP'] }),
      chip('domain fabrikam.co.jp', { domain: ['fabrikam.co.jp'] }),
      chip('one sender', { sender: ['j.yamazaki@contoso.co.jp'] }),
    ];

const rows: string[][] = [];
for (const c of cases) {
  const times = served.map(() => [] as number[]);
  // The first round warms both; it is not counted.
  for (let i = 0; i <= runs; i++) {
    for (const [k, s] of served.entries()) {
      const ms = await timed(s, c.path, c.body);
      if (i > 0) times[k]!.push(ms);
    }
  }
  const [a, b] = times.map(median) as [number, number];
  rows.push([c.name, `${Math.round(a)} ms`, `${Math.round(b)} ms`, `${(b / a).toFixed(2)}x`]);
  console.log(rows.at(-1)!.join('  '));
}
console.log(`\nWhole 30 days, server only, median of ${runs}, the two builds in turn:\n`);
console.log(table(['', ...builds.map((b) => b.name), 'ratio'], rows));
for (const s of served) {
  await s.server.close();
  await s.store.close();
}
