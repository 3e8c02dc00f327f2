/**
 * What the subject keywords panel's grouping costs, and whether a narrower table would make it cheaper: the top
 * 20,001 subjects of the demo month's last 29 whole days, grouped from the daily subjects table (as the planner reads
 * them, its Status, Direction and country columns included), against the same counts from a (day, Subject) table
 * made here from it (the narrower summary table it would take), in the same run. Read-only: the table is temporary.
 *   npx tsx bench/keyword-grouping.ts --runs 9 [--store FILE]   (default: the demo month of bench/demo-store.ts)
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { benchDemoStore } from './demo-store.js';
import { arg, median, table } from './lib.js';

const runs = Number(arg('runs', '9'));
const file = arg('store', '') || (await benchDemoStore()).file;
const db = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
const c = await db.connect();
const one = async (sql: string) => (await c.runAndReadAll(sql)).getRowsJS()[0]![0];
const last = Number(await one(`SELECT epoch_ms(max("Received")) FROM "MessageTraceDailySubjects"`));
const days = `"Received" >= make_timestamp(${last - 28 * 86_400_000}::BIGINT * 1000) AND "Received" <= make_timestamp(${last}::BIGINT * 1000)`;
await c.run(
  `CREATE TEMP TABLE subject_days AS SELECT "Received", "Subject", sum("Rows") AS "Rows" FROM "MessageTraceDailySubjects" GROUP BY ALL ORDER BY "Received"`,
);
const top = (from: string) =>
  `SELECT "Subject", sum("Rows") AS n FROM ${from} WHERE ${days} GROUP BY "Subject" ORDER BY n DESC LIMIT 20001`;
const ways = [
  { name: 'the daily subjects table (as read now)', from: '"MessageTraceDailySubjects"' },
  { name: 'a (day, Subject) table', from: 'subject_days' },
];
const times = ways.map(() => [] as number[]);
for (let i = 0; i < runs; i++)
  for (const [k, w] of ways.entries()) {
    const t0 = performance.now();
    await c.run(top(w.from));
    times[k]!.push(performance.now() - t0);
  }
const rows = await Promise.all(ways.map((w) => one(`SELECT count(*) FROM ${w.from} WHERE ${days}`)));
const distinct = await one(`SELECT count(DISTINCT "Subject") FROM subject_days WHERE ${days}`);
console.log(`${Number(distinct).toLocaleString('en-US')} distinct subjects in 29 days; median of ${runs}, in turn:\n`);
console.log(
  table(
    ['top 20,001 subjects from', 'rows grouped', 'median', 'ratio'],
    ways.map((w, k) => [
      w.name,
      Number(rows[k]).toLocaleString('en-US'),
      `${Math.round(median(times[k]!))} ms`,
      `${(median(times[k]!) / median(times[0]!)).toFixed(2)}x`,
    ]),
  ),
);
c.closeSync();
