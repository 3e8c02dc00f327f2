/** A fake tenant, a simulated clock and a real in-memory store wired together, for collector tests. */
import { createEnricher, type Enricher } from '../../enrich/index.js';
import { openStore, type Store } from '../../store/index.js';
import { runCollectorsOnce } from '../collectors.js';
import type { PassReport } from '../collector.js';
import { FakeClock } from './fake-clock.js';
import { MemoryDataset, type FakeTrace } from './fake-dataset.js';
import { startFakeMicrosoft, type FakeAppSetup, type FakeMicrosoft } from './fake-microsoft.js';
import { CLIENT_ID, CLIENT_SECRET, graphEntry, rwsEntry, TENANT_ID } from './scenario-kit.js';

export interface HarnessOptions {
  now: number;
  skewMs?: number;
  limit?: number;
  servicePrincipal?: boolean;
  app?: Partial<FakeAppSetup>;
}

/** Everything a collector test touches. */
export interface Harness {
  clock: FakeClock;
  dataset: MemoryDataset;
  fake: FakeMicrosoft;
  store: Store;
  enrich: Enricher['enrich'];
  /** One Graph pass with the given config keys. */
  run(extra?: Record<string, unknown>): Promise<PassReport>;
  /** One Reporting Web Service pass with the given config keys. */
  runRws(extra?: Record<string, unknown>): Promise<PassReport>;
  close(): Promise<void>;
}

let enricher: Promise<Enricher> | undefined;

/** Start a fake tenant holding `rows`. */
export async function startHarness(rows: FakeTrace[], o: HarnessOptions): Promise<Harness> {
  enricher ??= createEnricher({ organization: { acceptedDomains: ['contoso.com'] } });
  const e = await enricher;
  const enrich: Enricher['enrich'] = (records) => e.enrich(records);
  const clock = new FakeClock(o.now);
  const dataset = new MemoryDataset();
  dataset.add(...rows);
  const fake = await startFakeMicrosoft({
    clock,
    skewMs: o.skewMs,
    limit: o.limit,
    tenants: [
      {
        tenantId: TENANT_ID,
        dataset,
        servicePrincipal: o.servicePrincipal,
        organization: 'contoso.onmicrosoft.com',
        apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...o.app }],
      },
    ],
  });
  const store = await openStore('duckdb::memory:');
  const once = (entry: Record<string, unknown>) => runCollectorsOnce({ collectors: [entry], store, enrich, clock }).then((r) => r[0]!);
  return {
    clock,
    dataset,
    fake,
    store,
    enrich,
    run: (extra = {}) => once(graphEntry(fake, extra)),
    runRws: (extra = {}) => once(rwsEntry(fake, extra)),
    async close() {
      await fake.close();
      await store.close();
    },
  };
}
