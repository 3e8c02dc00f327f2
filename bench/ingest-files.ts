/**
 * Many-small-files benchmark: a folder of N small Get-MessageTraceV2 exports (3 records each, as a scheduled
 * script writes them) through `mailsift ingest` into a fresh DuckDB store, then the same folder again; the
 * reference, measured in the same run, is the same records in one file. The difference is the per-file cost.
 *   npx tsx bench/ingest-files.ts --files 5000 --runs 3
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { arg, median, runMeasured, table } from './lib.js';

const files = Number(arg('files', '5000'));
const runs = Number(arg('runs', '3'));
const perFile = 3;
const dataDir = resolve('bench/data', `small-files-${files}`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(join(dataDir, 'folder'), { recursive: true });
const all: string[] = [];
for (let i = 0; i < files; i++) {
  const lines: string[] = [];
  for (let j = 0; j < perFile; j++) {
    lines.push(
      JSON.stringify({
        Organization: 'contoso.onmicrosoft.com',
        MessageId: `<m${i}@fabrikam.com>`,
        Received: `2026-11-02T09:${String(i % 60).padStart(2, '0')}:00.0000000Z`,
        SenderAddress: `sender${i % 97}@fabrikam.com`,
        RecipientAddress: `user${j}@contoso.com`,
        Subject: `Report ${i}`,
        Status: 'Delivered',
        ToIP: null,
        FromIP: `203.0.113.${i % 250}`,
        Size: 1000 + i,
        MessageTraceId: `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        StartDate: null,
        EndDate: null,
        Index: j,
      }),
    );
  }
  writeFileSync(join(dataDir, 'folder', `trace-${String(i).padStart(6, '0')}.json`), lines.join('\n') + '\n');
  all.push(...lines);
}
writeFileSync(join(dataDir, 'one-file.json'), all.join('\n') + '\n');

const cli = resolve('bin/mailsift.js');
async function ingest(store: string, path: string): Promise<number> {
  const r = await runMeasured('node', [cli, '--store', `duckdb:${store}`, 'ingest', path, '--json']);
  if (r.code !== 0) throw new Error(`ingest failed with ${r.code}`);
  const totals = JSON.parse(r.stdout).totals;
  if (totals.read !== files * perFile) throw new Error(`read ${totals.read}, expected ${files * perFile}`);
  return r.ms;
}

const ref: number[] = [];
const fresh: number[] = [];
const again: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = join(dataDir, `run-${i}`);
  mkdirSync(dir, { recursive: true });
  ref.push(await ingest(join(dir, 'ref.duckdb'), join(dataDir, 'one-file.json')));
  fresh.push(await ingest(join(dir, 'store.duckdb'), join(dataDir, 'folder')));
  again.push(await ingest(join(dir, 'store.duckdb'), join(dataDir, 'folder')));
  rmSync(dir, { recursive: true, force: true });
}
const r = median(ref);
const row = (what: string, ms: number) => [what, `${(ms / 1000).toFixed(2)} s`, `${(ms / files).toFixed(2)} ms`, `${(ms / r).toFixed(2)}x`];
console.log(`${files} files of ${perFile} records (${files * perFile} records), ${runs} runs, medians\n`);
console.log(
  table(
    ['what', 'median', 'per file', 'vs one file'],
    [
      row(`the same ${files * perFile} records in one file (reference)`, r),
      row(`a folder of ${files} files, fresh store`, median(fresh)),
      row(`the same folder again (all duplicates)`, median(again)),
    ],
  ),
);
rmSync(dataDir, { recursive: true, force: true });
