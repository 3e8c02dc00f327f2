/**
 * What opening a DuckDB store written by an older version costs: the migrations it has not had yet, run as a user's
 * first `mailsift` command runs them. Each run opens a fresh copy of the file (the copy is not timed) and reports the
 * migrations applied and the summary tables' rows after; median of `--runs`.
 *   npx tsx bench/migrate-store.ts --store FILE [--runs 3]
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { SUMMARY_TABLE_NAMES } from '../src/schema/index.js';
import { arg, median, table } from './lib.js';

const file = arg('store', 'bench/data/detect-300000-150000.duckdb');
const runs = Number(arg('runs', '3'));
const dir = mkdtempSync(join(tmpdir(), 'mailsift-migrate-'));
const copy = join(dir, 'store.duckdb');
const times: number[] = [];
let applied: string[] = [];
const sizes: [string, number][] = [];
try {
  for (let i = 0; i < runs; i++) {
    copyFileSync(file, copy);
    const started = new Date(Date.now() - 1_000).toISOString().replace('T', ' ').slice(0, 19);
    const t0 = performance.now();
    const store = await openStore(`duckdb:${copy}`);
    times.push(performance.now() - t0);
    const log = await store.query(`SELECT version FROM _migrations WHERE applied_at >= TIMESTAMP '${started}' ORDER BY version`);
    applied = log.rows.map((r) => String(r[0]));
    if (i === 0)
      for (const name of SUMMARY_TABLE_NAMES) sizes.push([name, Number((await store.query(`SELECT count(*) FROM "${name}"`)).rows[0]![0])]);
    await store.close();
    rmSync(copy, { force: true });
    rmSync(`${copy}.wal`, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`store: ${file}; migrations applied on opening: ${applied.join(', ') || 'none'}`);
console.log(table(['runs', 'median ms', 'each'], [[runs, Math.round(median(times)), times.map(Math.round).join(', ')]]));
console.log(table(['summary table', 'rows after'], sizes));
