/**
 * What skipping FSST costs and saves (the DuckDB store sets disabled_compression_methods = 'fsst' when it opens):
 * the MessageTrace rows of a store (by default 1M, ingested from bench/ingest.ts's file by this build) written into
 * a new file with FSST weighed as DuckDB does by default and without it, interleaved, median of --runs: the time to
 * write and checkpoint them, the file's size, and scans that read the columns FSST would take (ids, IPs, countries,
 * subjects). Both files must give the same answers.
 *   npx tsx bench/string-compression.ts [--store FILE] [--runs 5]
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { writePowerShellNdjson } from '../src/demo/index.js';
import { arg, median, runMeasured, table } from './lib.js';

const RUNS = Number(arg('runs', '5'));
const dir = resolve('bench/data/string-compression');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

/** The store whose rows are written: given, or the 1M-record file ingested into a new one. */
async function sourceStore(): Promise<string> {
  const given = arg('store', '');
  if (given) return given;
  const file = resolve('bench/data/ps-1000000.ndjson');
  if (!existsSync(file)) await writePowerShellNdjson(file, { rows: 1_000_000, seed: 7 });
  const store = join(dir, 'source.duckdb');
  const r = await runMeasured('node', ['bin/mailsift.js', '--store', `duckdb:${store}`, 'ingest', file, '--json']);
  if (r.code !== 0) throw new Error(`ingest failed: ${r.stdout.slice(0, 2000)}`);
  return store;
}

const SCANS: [string, string][] = [
  ['distinct Message-IDs', `SELECT count(DISTINCT "MessageId") FROM t`],
  ['distinct trace ids', `SELECT count(DISTINCT "MessageTraceId") FROM t`],
  ['one trace id', `SELECT count(*) FROM t WHERE "MessageTraceId" = (SELECT max("MessageTraceId") FROM t)`],
  ['top sending IPs', `SELECT "FromIP", count(*) AS n FROM t GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10`],
  ['rows per country pair', `SELECT "FromCountry", "ToCountry", count(*) FROM t GROUP BY ALL ORDER BY ALL`],
  ['subjects with a word', `SELECT count(*) FROM t WHERE "Subject" LIKE '%請求書%'`],
];

const source = await sourceStore();
const c: DuckDBConnection = await (await DuckDBInstance.create(':memory:')).connect();
await c.run(`ATTACH '${source.replace(/'/g, "''")}' AS src (READ_ONLY)`);
await c.run(`CREATE TEMP TABLE rows AS SELECT * FROM src."MessageTrace"`);
const rows = Number((await c.runAndReadAll('SELECT count(*) FROM rows')).getRowsJS()[0]![0]);

const MODES = { 'FSST weighed (DuckDB default)': '', 'without FSST (the store)': 'fsst' } as const;
type Mode = keyof typeof MODES;
const writes = new Map<Mode, number[]>();
const sizes = new Map<Mode, number>();
const scans = new Map<string, number[]>();
const answers = new Map<string, string>();
for (let run = 0; run < RUNS; run++) {
  for (const [mode, disabled] of Object.entries(MODES) as [Mode, string][]) {
    const file = join(dir, `${disabled || 'default'}.duckdb`);
    rmSync(file, { force: true });
    await c.run(`SET disabled_compression_methods = '${disabled}'`);
    await c.run(`ATTACH '${file}' AS w`);
    const t0 = performance.now();
    await c.run(`CREATE TABLE w.t AS SELECT * FROM rows`);
    await c.run(`CHECKPOINT w`);
    writes.set(mode, [...(writes.get(mode) ?? []), performance.now() - t0]);
    await c.run('USE w');
    for (const [name, sql] of SCANS) {
      const s0 = performance.now();
      const got = JSON.stringify((await c.runAndReadAll(sql)).getRowsJS(), (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
      scans.set(`${mode}\u0000${name}`, [...(scans.get(`${mode}\u0000${name}`) ?? []), performance.now() - s0]);
      if ((answers.get(name) ?? got) !== got) throw new Error(`${name}: the two files answer differently`);
      answers.set(name, got);
    }
    await c.run('USE memory');
    await c.run('DETACH w');
    sizes.set(mode, statSync(file).size);
  }
}
rmSync(dir, { recursive: true, force: true });

const ms = (xs: readonly number[]) => `${median(xs).toFixed(0)} ms`;
const [fsst, none] = Object.keys(MODES) as Mode[];
console.log(`${rows.toLocaleString('en-US')} MessageTrace rows of ${arg('store', '') || 'the 1M-record file'}, median of ${RUNS} runs\n`);
console.log(
  table(
    ['', fsst!, none!, 'ratio'],
    [
      [
        'write and checkpoint',
        ms(writes.get(fsst!)!),
        ms(writes.get(none!)!),
        (median(writes.get(none!)!) / median(writes.get(fsst!)!)).toFixed(2) + 'x',
      ],
      [
        'file',
        `${(sizes.get(fsst!)! / 1e6).toFixed(1)} MB`,
        `${(sizes.get(none!)! / 1e6).toFixed(1)} MB`,
        (sizes.get(none!)! / sizes.get(fsst!)!).toFixed(3) + 'x',
      ],
      ...SCANS.map(([name]) => {
        const a = scans.get(`${fsst}\u0000${name}`)!;
        const b = scans.get(`${none}\u0000${name}`)!;
        return [name, ms(a), ms(b), (median(b) / median(a)).toFixed(2) + 'x'];
      }),
    ],
  ),
);
