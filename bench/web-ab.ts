/**
 * The web app's first visit, this build's against another build's (`--baseline-web`, the dist/web of another
 * checkout), on the ~10M-row demo store: two servers of the same store (this process, the same server code), one
 * serving each build's pages; in each run a new Chromium profile signs in and then opens the Overview until every
 * panel has loaded, the two builds in turn (the order swapped each run). Also timed in the page: when the panels'
 * request left, and when the first panel was drawn.
 *   npx tsx bench/web-ab.ts --baseline-web /work/wt/before/dist/web [--runs 7] [--pin]
 * With --pin the browser and the server each have CPUs of their own (pinApart), as when the browser is on the viewer's
 * machine; without it they share them all.
 */
import { resolve } from 'node:path';
import { configSchema } from '../src/config/index.js';
import { startServer, UserDirectory } from '../src/server/index.js';
import { openStore } from '../src/store/index.js';
import { HAS_CHROMIUM } from '../test/support/chromium.js';
import { everyPanelLoaded, pinApart, signedInPage } from './overview-page.js';
import { firstPanelTimes, noteFirstPanel } from '../test/support/first-panel.js';
import { benchDemoStore } from './demo-store.js';
import { arg, median, table } from './lib.js';

const runs = Number(arg('runs', '7'));
const baselineWeb = arg('baseline-web', '');
if (!HAS_CHROMIUM || !baselineWeb) throw new Error('needs Chromium and --baseline-web DIR');
const chromium = process.argv.includes('--pin') ? pinApart() : undefined;
const PASSWORD = 'bench-password-1';
const { file, tenant } = await benchDemoStore();
const store = await openStore(`duckdb:${file}`);
const stats = await store.stats();
await new UserDirectory(store).addUser('bench', 'analyst', PASSWORD, { replace: true });
const config = configSchema.parse({ organization: tenant.organization });
const serve = (webRoot: string) => startServer({ config, store, logger: false, host: '127.0.0.1', port: 0, webRoot });
const builds = [
  { name: 'this build', server: await serve(resolve('dist/web')) },
  { name: `baseline (${baselineWeb})`, server: await serve(resolve(baselineWeb)) },
];
const to = Date.parse(stats.to!) + 1;
const RANGES = [
  { name: 'last 7 days', from: to - 7 * 86_400_000 },
  { name: 'whole 30 days', from: to - 30 * 86_400_000 },
];

/** One first visit: [until every panel loaded, the panels' request left, the first panel drawn] (ms). */
async function visit(url: string, path: string): Promise<[number, number, number]> {
  const { page, close } = await signedInPage(url, 'bench', PASSWORD, chromium);
  try {
    await noteFirstPanel(page);
    const t0 = performance.now();
    await page.goto(`${url}${path}`);
    await everyPanelLoaded(page);
    const total = performance.now() - t0;
    const { runAt, panelAt } = await firstPanelTimes(page);
    return [total, runAt, panelAt];
  } finally {
    await close();
  }
}

const rows: string[][] = [];
for (const range of RANGES) {
  const path = `/overview?range=custom&from=${new Date(range.from).toISOString()}&to=${new Date(to).toISOString()}`;
  const times = builds.map(() => [[], [], []] as number[][]);
  // A first round of each, not counted (the server's caches and the disk).
  for (const b of builds) await visit(b.server.url, path);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? [1, 0] : [0, 1];
    for (const k of order) (await visit(builds[k]!.server.url, path)).forEach((ms, j) => times[k]![j]!.push(ms));
  }
  for (const [k, b] of builds.entries()) {
    const [total, runAt, panelAt] = times[k]!.map((xs) => Math.round(median(xs)));
    const ratio = (median(times[k]![0]!) / median(times[0]![0]!)).toFixed(2);
    rows.push([`${range.name}, ${b.name}`, `${total} ms`, `${ratio}x`, `${runAt} ms`, `${panelAt} ms`]);
  }
}
const where = chromium ? 'the browser and the server on CPUs of their own' : 'the browser and the server sharing the CPUs';
console.log(`store: ${stats.rows.toLocaleString('en-US')} rows; first visits in Chromium (${where}), median of ${runs}:\n`);
console.log(table(['Overview', 'until every panel loaded', 'vs this build', "the panels' request left", 'the first panel drawn'], rows));
for (const b of builds) await b.server.close();
await store.close();
