/**
 * Ingest benchmark: PowerShell NDJSON (Get-MessageTraceV2 | ConvertTo-Json -Compress) end to end through the
 * `mailsift ingest` command into a fresh DuckDB store, then the same file again (all duplicates), against
 * DuckDB's own read_json of the same file into a fresh database file, measured in the same run.
 *   npx tsx bench/ingest.ts --rows 1000000 --runs 3 [--baseline OTHER/bin/mailsift.js]
 * `--baseline` also times another build's command on the same file, into a fresh store and again, right after
 * this build's in each run (A/B pairs under the same load).
 * Each figure is also given in CPU time (user + system, all threads): on a shared machine the wall times swing
 * with the load, the CPU a run needs much less.
 * `--into STORE` ingests into a copy of that store (made before each run, not timed) instead of a fresh one: the
 * ingest rate at a store's size (the file's keys are new to it).
 * `--start YYYY-MM-DD --days N` generates the file's records over those days (by default 30 days ending about now):
 * a file over days a store already has, or over one day of it, as a collector's batches are.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { writePowerShellNdjson } from '../src/demo/index.js';
import { arg, median, readJsonIntoFileMeasured, runMeasured, table } from './lib.js';

const rows = Number(arg('rows', '1000000'));
const runs = Number(arg('runs', '3'));
const dataDir = resolve('bench/data');
mkdirSync(dataDir, { recursive: true });
const start = arg('start', '');
const days = Number(arg('days', '30'));
const file = join(dataDir, `ps-${rows}${start ? `-${start}-${days}d` : ''}.ndjson`);
if (!existsSync(file)) {
  process.stderr.write(`generating ${file}\n`);
  await writePowerShellNdjson(file, { rows, seed: 7, days, ...(start ? { start: Date.parse(`${start}T00:00:00Z`) } : {}) });
}
const mb = statSync(file).size / 1e6;

const cli = resolve('bin/mailsift.js');
const baselineCli = arg('baseline', '');
const into = arg('into', '');
/** Wall and CPU times (ms) of one kind of run, one entry per run. */
const times = () => ({ ms: [] as number[], cpu: [] as number[] });
const ref = times();
const fresh = times();
const again = times();
const baseline = times();
const baselineAgain = times();
const rss: number[] = [];
const rssAgain: number[] = [];
const push = (into: ReturnType<typeof times>, r: { ms: number; cpuMs: number }) => {
  into.ms.push(r.ms);
  into.cpu.push(r.cpuMs);
};
/** `mailsift ingest` of the file with `bin` into `store`, checked against what it must report. */
async function ingest(bin: string, store: string, expect: 'ingested' | 'duplicates') {
  const r = await runMeasured('node', [bin, '--store', store, 'ingest', file, '--json']);
  if (r.code !== 0) throw new Error(`${bin}: ingest failed with ${r.code}: ${r.stdout.slice(0, 2000)}`);
  const got = JSON.parse(r.stdout).totals[expect];
  if (got !== rows) throw new Error(`${bin}: expected ${rows} ${expect}, got ${got}`);
  return r;
}
for (let i = 0; i < runs; i++) {
  const dir = join(dataDir, `run-${i}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  push(ref, await readJsonIntoFileMeasured(file, join(dir, 'ref.duckdb')));
  if (into) copyFileSync(into, join(dir, 'store.duckdb'));
  const store = `duckdb:${join(dir, 'store.duckdb')}`;
  const first = await ingest(cli, store, 'ingested');
  push(fresh, first);
  rss.push(first.peakRss);
  const second = await ingest(cli, store, 'duplicates');
  push(again, second);
  rssAgain.push(second.peakRss);
  if (baselineCli) {
    const other = `duckdb:${join(dir, 'baseline.duckdb')}`;
    if (into) copyFileSync(into, join(dir, 'baseline.duckdb'));
    push(baseline, await ingest(baselineCli, other, 'ingested'));
    push(baselineAgain, await ingest(baselineCli, other, 'duplicates'));
  }
  rmSync(dir, { recursive: true, force: true });
  const s = (t: ReturnType<typeof times>) => `${t.ms.at(-1)!.toFixed(0)} ms (CPU ${t.cpu.at(-1)!.toFixed(0)} ms)`;
  process.stderr.write(
    `run ${i + 1}: read_json ${s(ref)}, ingest ${s(fresh)}, re-ingest ${s(again)}${baselineCli ? `, baseline ${s(baseline)}, baseline again ${s(baselineAgain)}` : ''}; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
}

const perSec = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-US');
const mib = (b: number) => (b / 2 ** 20).toFixed(0) + ' MiB';
console.log(
  `\n${rows.toLocaleString('en-US')} records${start ? ` over ${days} days from ${start}` : ''}, ${mb.toFixed(0)} MB, median of ${runs} runs${into ? `, into a copy of ${into}` : ''}\n`,
);
const row = (what: string, t: ReturnType<typeof times>, peak: string) => [
  what,
  `${(median(t.ms) / 1000).toFixed(2)} s`,
  perSec(median(t.ms)),
  `${(median(t.ms) / median(ref.ms)).toFixed(2)}x`,
  `${(median(t.cpu) / 1000).toFixed(2)} s`,
  `${(median(t.cpu) / median(ref.cpu)).toFixed(2)}x`,
  peak,
];
console.log(
  table(
    ['what', 'median', 'records/s', 'vs read_json', 'CPU', 'CPU vs read_json', 'peak RSS'],
    [
      row('DuckDB read_json into a fresh file (reference)', ref, '-'),
      row(into ? 'mailsift ingest, new records into the copy' : 'mailsift ingest, fresh store', fresh, mib(median(rss))),
      row('mailsift ingest again (all duplicates)', again, mib(median(rssAgain))),
      ...(baselineCli
        ? [
            row(`${baselineCli}, ${into ? 'new records into the copy' : 'fresh store'} (baseline)`, baseline, '-'),
            row(`${baselineCli}, again (baseline)`, baselineAgain, '-'),
          ]
        : []),
    ],
  ),
);
