/**
 * What keeping the summary tables costs a write into a large store: batches of new messages (a few recipient rows
 * each, in the store's last hours) written with upsertTraces into a copy of the ~10M-row demo store, by this
 * build and by another checkout's (`--baseline`, e.g. one without the distinct-messages summary), alternately,
 * each on its own copy.
 *   npx tsx bench/summary-writes.ts --rows 1000 --runs 5 --baseline /work/main
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TraceRow } from '../src/schema/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { traceRow } from '../src/store/testing/trace-row.js';
import { benchDemoStore } from './demo-store.js';
import { arg, median, table } from './lib.js';

const rows = Number(arg('rows', '1000'));
const runs = Number(arg('runs', '5'));
const baselineDir = arg('baseline', '');
const { file } = await benchDemoStore();

type Open = (url: string) => Promise<Store>;
const builds: [string, Open][] = [['this build', openStore]];
if (baselineDir) {
  const other = (await import(resolve(baselineDir, 'src/store/index.js'))) as { openStore: Open };
  builds.push([`baseline (${baselineDir})`, other.openStore]);
}

const copies = builds.map((_, i) => join(resolve('bench/data'), `summary-writes-${i}.duckdb`));
for (const copy of copies) copyFileSync(file, copy);
const stores = await Promise.all(builds.map(([, open], i) => open(`duckdb:${copies[i]}`)));
const end = Date.parse((await stores[0]!.stats()).to ?? new Date().toISOString());

/** Batch `k`: new messages of 4 recipient rows each, spread over the store's last two hours. */
function batch(k: number): TraceRow[] {
  return Array.from({ length: rows }, (_, i) =>
    traceRow({
      MessageTraceId: `bench-${k}-${Math.floor(i / 4)}`,
      RecipientAddress: `user${i % 4}@contoso.com`,
      Received: end - 2 * 3_600_000 + ((i * 7_777) % (2 * 3_600_000)),
    }),
  );
}

const times = builds.map((): number[] => []);
for (let k = 0; k < runs + 1; k++) {
  for (const [i, store] of stores.entries()) {
    const t0 = performance.now();
    await store.upsertTraces(batch(k));
    if (k > 0) times[i]!.push(performance.now() - t0);
  }
}
for (const s of stores) await s.close();
for (const copy of copies) rmSync(copy, { force: true });
const ref = median(times[builds.length - 1]!);
console.log(`upsertTraces of ${rows} new rows into a copy of ${file} (median of ${runs}, first discarded):\n`);
console.log(
  table(
    ['build', 'median', 'vs baseline'],
    builds.map(([name], i) => [name, `${Math.round(median(times[i]!))} ms`, `${(median(times[i]!) / ref).toFixed(2)}x`]),
  ),
);
