/**
 * What the daily summary tables save: the Overview's three rankings and a sender-chip stat over the last 7, 14
 * and 30 days (ending off the hour), each answered with the daily tables and with the hourly tables only
 * (`aggregates: 'hourly'`, as MAILSIFT_AGGREGATES=hourly), interleaved on one open store, median of --runs.
 *   npx tsx bench/daily-summaries.ts --stores 10M=/work/bench-stores/s10m.duckdb,100M=/work/bench-stores/s100m.duckdb [--runs 5]
 *     [--align jst]   (ranges of whole days in Japan, as the app asks for them: from and to at 15:00 UTC, before
 *                      the store's last day, so that both ends have hours around the range's whole UTC days)
 */
import { compileKql } from '../src/kql/index.js';
import { openStore, runKql } from '../src/store/index.js';
import { arg, median, overviewPanels, storesArg, table } from './lib.js';

const RUNS = Number(arg('runs', '5'));
const STORES = storesArg();
const panel = (id: string) => overviewPanels().find((p) => p.id === id)!.kql;
const DAY = 86_400_000;
const JST_MS = 9 * 3_600_000;
const ALIGN = arg('align', '');

const rows: (string | number)[][] = [];
for (const [name, file] of STORES) {
  const store = await openStore(`duckdb:${file}`);
  try {
    const stats = await store.stats();
    const last = Date.parse(stats.to!);
    const to = ALIGN === 'jst' ? Math.floor((last + JST_MS) / DAY) * DAY - JST_MS - DAY : last - 37 * 60_000;
    // The store's busiest sender, as a click in the pivot would pick.
    const busy = await runKql(store, 'MessageTrace | summarize n = count() by SenderAddress | top 1 by n');
    const domain = String(busy.rows[0]![0]).split('@')[1];
    const queries: [string, string][] = [
      ['Top 10 senders by status', panel('top-senders-status')],
      ['Subject keywords (top 2,000 subjects)', 'MessageTrace | summarize Count = count() by Subject | top 2000 by Count'],
      ['Top sender domains', panel('top-sender-domains')],
      [
        'Status share, one sender',
        `MessageTrace | where SenderAddress == "${String(busy.rows[0]![0])}" | summarize Count = count() by Status`,
      ],
      [
        "Top sender domains, the organization's domain chip",
        `MessageTrace | where SenderDomain == "${domain}" or RecipientDomain == "${domain}" | summarize Count = count() by SenderDomain | top 10 by Count`,
      ],
    ];
    for (const days of [7, 14, 30]) {
      const timeRange = { from: to - days * DAY, to };
      for (const [label, kql] of queries) {
        const times: Record<'daily' | 'hourly', number[]> = { daily: [], hourly: [] };
        for (let i = 0; i <= RUNS; i++) {
          for (const mode of ['daily', 'hourly'] as const) {
            const t = performance.now();
            await runKql(store, kql, { timeRange, aggregates: mode === 'daily' ? true : 'hourly' });
            if (i > 0) times[mode].push(performance.now() - t);
          }
        }
        const plan = compileKql(kql, { dialect: 'duckdb', aggregates: true, timeRange }).plan?.source ?? '-';
        const [d, h] = [median(times.daily), median(times.hourly)];
        rows.push([name, `${days} days`, label, `${Math.round(h)} ms`, `${Math.round(d)} ms`, `${(d / h).toFixed(2)}x`, plan]);
      }
    }
  } finally {
    await store.close();
  }
}
console.log(
  `Median of ${RUNS} (after one warm-up), hourly tables only against the planner's choice, interleaved${ALIGN === 'jst' ? '; ranges of whole days in Japan' : ''}\n`,
);
console.log(table(['store', 'range', 'query', 'hourly only', 'as planned', 'ratio', 'planned from'], rows));
