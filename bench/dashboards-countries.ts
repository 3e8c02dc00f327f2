/**
 * Whole dashboards over countries on the ~10M-row demo store (bench/demo-store.ts): each built-in dashboard over
 * the whole 30 days in one streamed request, as the page asks for it, and the Overview under country and domain chips, median
 * of `--runs`; each from the summary tables as served and from the rows (MAILSIFT_AGGREGATES=off, read at each
 * query), interleaved in this run.
 *   npx tsx bench/dashboards-countries.ts [--runs 5]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { serveDemoStore } from './demo-server.js';
import { arg, median, table } from './lib.js';

const runs = Number(arg('runs', '5'));
const { store, stats, server, cookie, csrf } = await serveDemoStore({ embargoedCountries: ['KP', 'IR', 'SY', 'CU'] });
const to = Date.parse(stats.to!) + 1;
const from = to - 30 * 86_400_000;
console.log(`store: ${stats.rows.toLocaleString('en-US')} rows, ${stats.from} .. ${stats.to}\n`);

/** The built-in dashboards, each with its panel ids. */
const dashboards = readdirSync(new URL('../dashboards/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const d = JSON.parse(readFileSync(new URL(`../dashboards/${f}`, import.meta.url), 'utf8')) as { id: string; panels: { id: string }[] };
    return { id: d.id, panels: d.panels.map((p) => p.id) };
  });
const overview = dashboards.find((d) => d.id === 'overview')!;

const cases: { name: string; dashboard: (typeof dashboards)[number]; filters: Record<string, string[]> }[] = [
  ...dashboards.map((d) => ({ name: `${d.id}, 30 days`, dashboard: d, filters: {} })),
  ...['US', 'JP', 'KP'].map((c) => ({ name: `overview, 30 days, country ${c}`, dashboard: overview, filters: { country: [c] } })),
  // A partner's domain, and the organization's own (most of the mail).
  ...['fabrikam.co.jp', 'contoso.co.jp'].map((d) => ({
    name: `overview, 30 days, domain ${d}`,
    dashboard: overview,
    filters: { domain: [d] },
  })),
];

/** One streamed request for every panel of a dashboard, until its last line: ms. */
async function run(c: (typeof cases)[number]): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${server.url}/api/dashboards/${c.dashboard.id}/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf, origin: server.url },
    body: JSON.stringify({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      filters: c.filters,
      timeZone: 'Asia/Tokyo',
      panels: c.dashboard.panels,
    }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${c.name}: HTTP ${r.status} ${text}`);
  const lines = text.trim().split('\n');
  if (lines.length !== c.dashboard.panels.length) throw new Error(`${c.name}: ${lines.length} panel lines`);
  const failed = lines.find((l) => 'error' in (JSON.parse(l) as object));
  if (failed) throw new Error(`${c.name}: ${failed}`);
  return performance.now() - t0;
}

const rows: string[][] = [];
for (const c of cases) {
  const times = { rows: [] as number[], summaries: [] as number[] };
  for (let i = 0; i < runs + 1; i++) {
    for (const mode of ['rows', 'summaries'] as const) {
      if (mode === 'rows') process.env.MAILSIFT_AGGREGATES = 'off';
      else delete process.env.MAILSIFT_AGGREGATES;
      const ms = await run(c);
      if (i > 0) times[mode].push(ms);
    }
  }
  const r = median(times.rows);
  const s = median(times.summaries);
  rows.push([c.name, `${Math.round(r)} ms`, `${Math.round(s)} ms`, `${(s / r).toFixed(2)}x`]);
  console.log(rows.at(-1)!.join('  '));
}
console.log('\nWhole dashboards in one streamed request, server only (median; the first run of each is discarded):\n');
console.log(table(['dashboard', 'rows (MAILSIFT_AGGREGATES=off)', 'summaries', 'ratio'], rows));
await server.close();
await store.close();
