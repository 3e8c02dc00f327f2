/**
 * The benchmarks' large store: a 30-day demo month of about 10M MessageTrace rows, built once into bench/data/
 * (the planted tenant at 300k rows per working day plus a second, incident-free tenant filling it up).
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateTenant, type DemoTenant } from '../src/demo/index.js';
import { createEnricher } from '../src/enrich/index.js';
import { loadRecords } from '../src/ingest/index.js';
import { openStore } from '../src/store/index.js';

export interface BenchStore {
  /** Path of the DuckDB file. */
  file: string;
  /** The planted tenant (organization, answer key, time span). */
  tenant: DemoTenant;
}

/**
 * The tenants of the demo month, in build order: the planted tenant, the incident-free filler and `extra` more
 * incident-free tenants of 300k messages a working day over the same 30 days (bench/build-store.ts).
 */
export function demoTenants(perDay = 300_000, fillerPerDay = 150_000, extra = 0): DemoTenant[] {
  const options = { seed: 11, days: 30, messagesPerDay: perDay, timeZone: 'Asia/Tokyo', start: Date.UTC(2026, 0, 5), eventsSample: 0 };
  return [
    generateTenant(options),
    generateTenant({ ...options, seed: 12, messagesPerDay: fillerPerDay, incidents: false }),
    ...Array.from({ length: extra }, (_, i) => generateTenant({ ...options, seed: 13 + i, messagesPerDay: 300_000, incidents: false })),
  ];
}

/** Build (once) and describe the large demo store; `file`: a store built elsewhere (bench/build-store.ts) instead. */
export async function benchDemoStore(perDay = 300_000, fillerPerDay = 150_000, given?: string): Promise<BenchStore> {
  const dataDir = resolve('bench/data');
  mkdirSync(dataDir, { recursive: true });
  const file = given ? resolve(given) : join(dataDir, `detect-${perDay}-${fillerPerDay}.duckdb`);
  const [tenant, filler] = demoTenants(perDay, fillerPerDay) as [DemoTenant, DemoTenant];
  if (!existsSync(file)) {
    const building = `${file}.building`;
    process.stderr.write(`building ${file} (~${((tenant.expectedRows + filler.expectedRows) / 1e6).toFixed(1)}M rows; once)\n`);
    const store = await openStore(`duckdb:${building}`);
    const enricher = await createEnricher({ organization: tenant.organization });
    const t0 = performance.now();
    for (const t of [tenant, filler]) {
      await loadRecords(store, t.batches(), (r) => enricher.enrich(r), {
        onProgress: (n) => process.stderr.write(`\r${(n / 1e6).toFixed(1)}M rows, ${Math.round((performance.now() - t0) / 1000)} s`),
      });
    }
    await store.replaceIndicators('demo-intel', tenant.indicators);
    await store.replaceWatchlist('edr', tenant.watchlist);
    await store.close();
    renameSync(building, file);
    process.stderr.write('\n');
  }
  return { file, tenant };
}
