/**
 * Builds a large demo store fast: the demo generator writes its month as PowerShell NDJSON files of `--chunk`
 * records, and each goes through the ingest pipeline `mailsift ingest` runs (ingestPaths: the engine's own file
 * reader, enrichment of distinct values, the merge, the summary tables) while the next file is being written.
 * The tenants are those of bench/demo-store.ts (the planted month plus the incident-free filler) and, with
 * `--fillers N`, N more incident-free tenants of 300k messages a working day over the same 30 days (about 6.8M
 * rows each), so a store of any size is the same month, denser. Resumable: run it again with a larger `--fillers`
 * to grow a store; tenants already in it (listed in `<store>.build.json`) are skipped.
 *   npx tsx bench/build-store.ts --store /work/bench-stores/s100m.duckdb --fillers 13 [--rows-per-day 300000]
 *     [--filler-per-day 150000] [--chunk 1000000] [--reference]
 * Prints each file's ingest time with the store's size before it; `--reference` also times DuckDB's bare
 * read_json of the last file into a fresh database file, in the same run.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { powerShellLine } from '../src/demo/index.js';
import { createEnricher } from '../src/enrich/index.js';
import { ingestPaths } from '../src/ingest/index.js';
import { openStore } from '../src/store/index.js';
import { demoTenants } from './demo-store.js';
import { arg, readJsonIntoFile } from './lib.js';

const file = resolve(arg('store', '/work/bench-stores/demo.duckdb'));
const perDay = Number(arg('rows-per-day', '300000'));
const fillerPerDay = Number(arg('filler-per-day', '150000'));
const fillers = Number(arg('fillers', '0'));
const chunk = Number(arg('chunk', '1000000'));
const withReference = process.argv.includes('--reference');

const progressFile = `${file}.build.json`;
const done = new Set<number>(existsSync(progressFile) ? (JSON.parse(readFileSync(progressFile, 'utf8')) as number[]) : []);
const scratch = join(dirname(file), 'build-chunks');
mkdirSync(scratch, { recursive: true });

const tenants = demoTenants(perDay, fillerPerDay, fillers);
const store = await openStore(`duckdb:${file}`);
const enricher = await createEnricher({ organization: tenants[0]!.organization });
let stored = (await store.stats()).rows;
const started = performance.now();
let built = 0;
let pending: Promise<void> | undefined;
let last: { path: string; rows: number } | undefined;

/** Ingest one chunk file as `mailsift ingest` does, and log its time. */
async function ingestChunk(path: string, rows: number): Promise<void> {
  const before = stored;
  const t0 = performance.now();
  const report = await ingestPaths([path], {
    store,
    enrich: (records) => enricher.enrich(records),
    dimensions: enricher,
    rejectFile: join(scratch, 'rejects.ndjson'),
  });
  const ms = performance.now() - t0;
  if (report.totals.rejected > 0) throw new Error(`${path}: ${report.totals.rejected} records rejected`);
  stored += report.totals.ingested;
  built += report.totals.ingested;
  const elapsed = (performance.now() - started) / 1000;
  process.stdout.write(
    `chunk ${rows} records into ${before} rows: ${Math.round(ms)} ms, ${Math.round(rows / (ms / 1000))} records/s` +
      ` (new ${report.totals.ingested}; built ${built} in ${elapsed.toFixed(0)} s, ${Math.round(built / elapsed)} rows/s)\n`,
  );
}

async function flush(path: string, rows: number, final: boolean): Promise<void> {
  await pending;
  if (last) rmSync(last.path, { force: true });
  last = { path, rows };
  if (final && withReference) await reference(path);
  pending = ingestChunk(path, rows);
}

async function reference(path: string): Promise<void> {
  const ms = await readJsonIntoFile(path, join(scratch, 'reference.duckdb'));
  process.stdout.write(`reference: read_json of the next file (${statSync(path).size} bytes) into a fresh file: ${Math.round(ms)} ms\n`);
}

let fileNo = 0;
for (const [index, tenant] of tenants.entries()) {
  if (done.has(index)) continue;
  process.stdout.write(`tenant ${index}: ~${tenant.expectedRows} rows\n`);
  let lines: string[] = [];
  let n = 0;
  let out: ReturnType<typeof createWriteStream> | undefined;
  let path = '';
  const close = async (final: boolean) => {
    out!.end(lines.join(''));
    lines = [];
    await once(out!, 'finish');
    out = undefined;
    await flush(path, n, final);
    n = 0;
  };
  let index0 = 0;
  for (const batch of tenant.batches()) {
    for (const r of batch.traces) {
      if (!out) {
        path = join(scratch, `chunk-${process.pid}-${fileNo++}.ndjson`);
        out = createWriteStream(path);
      }
      lines.push(powerShellLine(r, index0++, tenant.start, tenant.end) + '\n');
      n++;
      if (lines.length >= 20_000) {
        if (!out.write(lines.join(''))) await once(out, 'drain');
        lines = [];
      }
      if (n >= chunk) await close(false);
    }
  }
  if (out) await close(index === tenants.length - 1);
  await pending;
  if (index === 0) {
    await store.replaceIndicators('demo-intel', tenant.indicators);
    await store.replaceWatchlist('edr', tenant.watchlist);
  }
  done.add(index);
  writeFileSync(progressFile, JSON.stringify([...done]));
}
await pending;
if (last) rmSync(last.path, { force: true });
const stats = await store.stats();
await store.close();
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `store ${file}: ${stats.rows} rows, ${stats.messages} messages, ${stats.from} .. ${stats.to}; ` +
    `${(statSync(file).size / 1e9).toFixed(2)} GB; built ${built} rows in ${seconds.toFixed(0)} s (${Math.round(built / seconds)} rows/s)\n`,
);
