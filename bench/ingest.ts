/**
 * Ingest benchmark: PowerShell NDJSON (Get-MessageTraceV2 | ConvertTo-Json -Compress) end to end through the
 * `mailsift ingest` command into a fresh DuckDB store, then the same file again (all duplicates), against
 * DuckDB's own read_json of the same file into a fresh database file, measured in the same run.
 *   npx tsx bench/ingest.ts --rows 1000000 --runs 3 [--baseline OTHER/bin/mailsift.js]
 * `--baseline` also times another build's command (e.g. one without the summary tables) on the same file.
 * `--into STORE` ingests into a copy of that store (made before each run, not timed) instead of a fresh one: the
 * ingest rate at a store's size (the file's keys are new to it).
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writePowerShellNdjson } from '../src/demo/index.js';
import { arg, median, readJsonIntoFile, runMeasured, table } from './lib.js';

const rows = Number(arg('rows', '1000000'));
const runs = Number(arg('runs', '3'));
const dataDir = resolve('bench/data');
mkdirSync(dataDir, { recursive: true });
const file = join(dataDir, `ps-${rows}.ndjson`);
if (!existsSync(file)) {
  process.stderr.write(`generating ${file}\n`);
  await writePowerShellNdjson(file, { rows, seed: 7 });
}
const mb = statSync(file).size / 1e6;

const cli = resolve('bin/mailsift.js');
const baselineCli = arg('baseline', '');
const into = arg('into', '');
const baseline: number[] = [];
const ref: number[] = [];
const fresh: number[] = [];
const again: number[] = [];
const rss: number[] = [];
const rssAgain: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = join(dataDir, `run-${i}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  ref.push(await readJsonIntoFile(file, join(dir, 'ref.duckdb')));
  if (into) copyFileSync(into, join(dir, 'store.duckdb'));
  const store = `duckdb:${join(dir, 'store.duckdb')}`;
  const first = await runMeasured('node', [cli, '--store', store, 'ingest', file, '--json']);
  if (first.code !== 0) throw new Error(`ingest failed with ${first.code}`);
  const report = JSON.parse(first.stdout);
  if (report.totals.ingested !== rows) throw new Error(`expected ${rows} new rows, got ${report.totals.ingested}`);
  fresh.push(first.ms);
  rss.push(first.peakRss);
  const second = await runMeasured('node', [cli, '--store', store, 'ingest', file, '--json']);
  const report2 = JSON.parse(second.stdout);
  if (report2.totals.duplicates !== rows) throw new Error(`expected ${rows} duplicates, got ${report2.totals.duplicates}`);
  again.push(second.ms);
  rssAgain.push(second.peakRss);
  if (baselineCli) {
    const other = await runMeasured('node', [baselineCli, '--store', `duckdb:${join(dir, 'baseline.duckdb')}`, 'ingest', file, '--json']);
    if (other.code !== 0) throw new Error(`baseline ingest failed with ${other.code}`);
    baseline.push(other.ms);
  }
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(
    `run ${i + 1}: read_json ${ref.at(-1)!.toFixed(0)} ms, ingest ${first.ms.toFixed(0)} ms, re-ingest ${second.ms.toFixed(0)} ms\n`,
  );
}

const perSec = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-US');
const mib = (b: number) => (b / 2 ** 20).toFixed(0) + ' MiB';
console.log(
  `\n${rows.toLocaleString('en-US')} records, ${mb.toFixed(0)} MB, median of ${runs} runs${into ? `, into a copy of ${into}` : ''}\n`,
);
console.log(
  table(
    ['what', 'median', 'records/s', 'vs read_json', 'peak RSS'],
    [
      ['DuckDB read_json into a fresh file (reference)', `${(median(ref) / 1000).toFixed(2)} s`, perSec(median(ref)), '1.00x', '-'],
      [
        into ? 'mailsift ingest, new records into the copy' : 'mailsift ingest, fresh store',
        `${(median(fresh) / 1000).toFixed(2)} s`,
        perSec(median(fresh)),
        `${(median(fresh) / median(ref)).toFixed(2)}x`,
        mib(median(rss)),
      ],
      ...(baselineCli
        ? [
            [
              `${baselineCli}, fresh store (baseline)`,
              `${(median(baseline) / 1000).toFixed(2)} s`,
              perSec(median(baseline)),
              `${(median(baseline) / median(ref)).toFixed(2)}x`,
              '-',
            ],
          ]
        : []),
      [
        'mailsift ingest again (all duplicates)',
        `${(median(again) / 1000).toFixed(2)} s`,
        perSec(median(again)),
        `${(median(again) / median(ref)).toFixed(2)}x`,
        mib(median(rssAgain)),
      ],
    ],
  ),
);
