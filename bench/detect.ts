/**
 * Detection benchmark: builds a 30-day demo store of about 10M MessageTrace rows in bench/data/ once (with the
 * planted incidents, indicators and watchlist), then times runDetections over the whole month, per rule and in all.
 * The demo generator does not finish planning working days above ~330k rows, and weekends are lighter, so the store is the
 * planted tenant at 300k rows per working day plus a second, incident-free tenant filling it up to ~10M rows.
 *   npx tsx bench/detect.ts [--rows-per-day 300000] [--filler-per-day 150000] [--runs 3] [--store FILE] [--rules a,b]
 */
import { RULE_IDS, runDetections } from '../src/detect/index.js';
import { reports } from '../src/detect/testing/answer-key.js';
import { openStore } from '../src/store/index.js';
import { benchDemoStore } from './demo-store.js';
import { arg, median, table } from './lib.js';
import type { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';

const perDay = Number(arg('rows-per-day', '300000'));
const fillerPerDay = Number(arg('filler-per-day', '150000'));
const runs = Number(arg('runs', '3'));
// `--store`: a store built by bench/build-store.ts with the same --rows-per-day and --filler-per-day.
const given = arg('store', '');
const { file, tenant } = await benchDemoStore(perDay, fillerPerDay, given || undefined);

const store = await openStore(`duckdb:${file}`);
const stats = await store.stats();
const config = { organization: tenant.organization, detections: { timeZone: tenant.timeZone } };
const now = tenant.end + 3_600_000;
// `--rules`: only these rules (alone and together), and only their planted incidents.
const only = arg('rules', '').split(',').filter(Boolean);
const rules = only.length ? RULE_IDS.filter((r) => only.includes(r)) : [...RULE_IDS];
const answerKey = tenant.answerKey.filter((k) => rules.includes(k.rule));
const perRule: (string | number)[][] = [];
for (const rule of rules) {
  const t0 = performance.now();
  const found = await runDetections({ store, config, now, rules: [rule], persist: false });
  const ms = Math.round(performance.now() - t0);
  const planted = answerKey.filter((k) => k.rule === rule);
  const hit = planted.filter((k) => found.some((f) => reports(f, k))).length;
  const other = found.filter((f) => !planted.some((k) => reports(f, k)));
  perRule.push([rule, ms, found.length, `${hit}/${planted.length}`, other.filter((f) => f.severity !== 'low').length]);
}
const totals: number[] = [];
let count = 0;
let missed: string[] = [];
for (let i = 0; i < runs; i++) {
  await (store as DuckDbStore).runSql('DELETE FROM "Findings"');
  const t0 = performance.now();
  const findings = await runDetections({ store, config, now, ...(only.length ? { rules } : {}) });
  totals.push(performance.now() - t0);
  count = findings.length;
  missed = answerKey.filter((inc) => !findings.some((f) => reports(f, inc))).map((inc) => `${inc.rule} ${JSON.stringify(inc.entities)}`);
}
await store.close();

process.stdout.write(`store: ${stats.rows.toLocaleString('en-US')} rows, ${stats.from} .. ${stats.to}\n\n`);
process.stdout.write(table(['rule (alone, cold caches shared)', 'ms', 'findings', 'planted found', 'other medium+'], perRule) + '\n\n');
process.stdout.write(
  table(
    ['runDetections, all rules', 'median ms', 'runs', 'findings', 'planted found'],
    [['whole month', Math.round(median(totals)), runs, count, `${answerKey.length - missed.length}/${answerKey.length}`]],
  ) + '\n',
);
if (missed.length) process.stdout.write(`missed: ${missed.join('; ')}\n`);
