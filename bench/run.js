#!/usr/bin/env node
// Runs the benchmarks one after another (they need the machine to themselves) and keeps each one's output in
// bench/results/<name>.txt, from which bench/REPORT.md is written. `npm run bench -- ingest dashboard` runs some.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const ALL = {
  ingest: ['bench/ingest.ts', '--rows', '1000000', '--runs', '3'],
  'string-compression': ['bench/string-compression.ts', '--runs', '5'],
  'ingest-files': ['bench/ingest-files.ts', '--files', '5000', '--runs', '3'],
  'parse-powershell': ['bench/parse-powershell.ts'],
  enrich: ['bench/enrich.ts'],
  'kql-compile': ['bench/kql-compile.ts'],
  dashboard: ['bench/dashboard.ts', '--runs', '5'],
  'subject-terms': ['bench/subject-terms.ts', '--runs', '7'],
  'keyword-grouping': ['bench/keyword-grouping.ts', '--runs', '9'],
  detect: ['bench/detect.ts', '--runs', '3'],
  'intel-match': ['bench/intel-match.ts'],
  'collect-budget': ['bench/collect-budget.ts'],
  clickhouse: ['bench/clickhouse.ts', '--rows', '1000000', '--runs', '5'],
  'clickhouse-messages': ['bench/clickhouse-messages.ts', '--rows', '1000000', '--runs', '7'],
  'clickhouse-calendar': ['bench/clickhouse-calendar.ts', '--rows', '1000000', '--runs', '7'],
};
const wanted = process.argv.slice(2);
mkdirSync('bench/results', { recursive: true });
let failed = 0;
for (const [name, args] of Object.entries(ALL)) {
  if (wanted.length && !wanted.includes(name)) continue;
  process.stderr.write(`\n== ${name}: npx tsx ${args.join(' ')}\n`);
  const started = Date.now();
  const r = spawnSync('npx', ['tsx', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  process.stdout.write(r.stdout ?? '');
  writeFileSync(
    `bench/results/${name}.txt`,
    `$ npx tsx ${args.join(' ')}\n# ${new Date().toISOString()}, ${Math.round((Date.now() - started) / 1000)} s\n\n${r.stdout ?? ''}`,
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
