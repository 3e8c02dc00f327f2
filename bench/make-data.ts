/**
 * Writes benchmark input: demo-tenant mail as PowerShell `Get-MessageTraceV2 | ConvertTo-Json -Compress` lines.
 * Usage: npx tsx bench/make-data.ts --rows 1000000 --out bench/data/ps-1m.ndjson [--seed 7]
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { writePowerShellNdjson } from '../src/demo/index.js';

async function main(): Promise<number> {
  let values: { rows?: string; out?: string; seed?: string };
  try {
    ({ values } = parseArgs({ options: { rows: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } } }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const rows = Number(values.rows);
  const seed = Number(values.seed ?? '7');
  if (!values.out || !Number.isInteger(rows) || rows < 1 || !Number.isInteger(seed)) {
    process.stderr.write('usage: npx tsx bench/make-data.ts --rows N --out FILE [--seed N]\n');
    return 2;
  }
  await mkdir(dirname(values.out), { recursive: true });
  const started = performance.now();
  const result = await writePowerShellNdjson(values.out, { rows, seed });
  const secs = (performance.now() - started) / 1000;
  process.stdout.write(
    `wrote ${result.rows.toLocaleString('en-US')} rows, ${(result.bytes / 2 ** 20).toFixed(1)} MiB ` +
      `(${Math.round(result.bytes / Math.max(1, result.rows))} bytes a row) to ${values.out} in ${secs.toFixed(1)} s ` +
      `(${Math.round(result.rows / secs).toLocaleString('en-US')} rows/s)\n`,
  );
  return 0;
}

process.exitCode = await main();
