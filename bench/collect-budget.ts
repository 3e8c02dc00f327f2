/**
 * Benchmark: collect 30 days of a 50,000-messages-a-day tenant from the fake Microsoft Graph (pageSize 5000,
 * simulated clock), store it in DuckDB, then run an hour of 5-minute passes; print the requests used, the
 * most requests in any rolling 5 minutes (Microsoft allows 100) and the simulated duration.
 * Run: npx tsx bench/collect-budget.ts   (DAYS, PER_DAY, PAGE_SIZE, STEADY_MINUTES to change the scenario)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCollectorsOnce, startCollectors, type PassReport } from '../src/collect/index.js';
import {
  FakeClock,
  graphEntry,
  startFakeMicrosoft,
  SyntheticDataset,
  CLIENT_ID,
  CLIENT_SECRET,
  TENANT_ID,
} from '../src/collect/testing/index.js';
import { createEnricher } from '../src/enrich/index.js';
import { openStore } from '../src/store/index.js';

const DAYS = Number(process.env['DAYS'] ?? 30);
const PER_DAY = Number(process.env['PER_DAY'] ?? 50_000);
const PAGE_SIZE = Number(process.env['PAGE_SIZE'] ?? 5000);
const STEADY_MINUTES = Number(process.env['STEADY_MINUTES'] ?? 60);
const MIN = 60_000;
const DAY = 86_400_000;

const T0 = Date.parse('2026-03-01T00:00:00Z');
const clock = new FakeClock(T0);
const dataset = new SyntheticDataset(T0 - (DAYS + 1) * DAY, PER_DAY);
const fake = await startFakeMicrosoft({
  clock,
  tenants: [{ tenantId: TENANT_ID, dataset, apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] }],
});
const dir = mkdtempSync(join(tmpdir(), 'mailsift-collect-bench-'));
const store = await openStore(`duckdb:${join(dir, 'bench.duckdb')}`);
const enricher = await createEnricher({ organization: { acceptedDomains: ['contoso.com'] } });
const enrich = enricher.enrich.bind(enricher);
const entry = graphEntry(fake, { pageSize: PAGE_SIZE, initialLookback: `${DAYS}d`, interval: '5m' });

const fmt = (n: number) => n.toLocaleString('en-US');
const minutes = (ms: number) => `${(ms / MIN).toFixed(1)} min`;

// 1. The first run: the whole backfill in one pass.
let wall = performance.now();
const [backfill] = await runCollectorsOnce({ collectors: [entry], store, enrich, clock });
if (!backfill!.ok) throw new Error(`backfill failed: ${backfill!.error?.message}`);
const backfillMs = clock.now() - T0;
const backfillWall = performance.now() - wall;
const backfillRequests = fake.log.filter((r) => r.kind === 'list').length;
const stored = Number((await store.query('SELECT count(*) FROM "MessageTrace"')).rows[0]![0]);

// 2. Steady state: 5-minute passes re-reading the last 24 hours.
const steadyStart = clock.now();
const passes: PassReport[] = [];
wall = performance.now();
const scheduler = startCollectors({ collectors: [entry], store, enrich, clock, onPass: (r) => passes.push(r) });
while (clock.now() < steadyStart + STEADY_MINUTES * MIN) await new Promise((r) => setTimeout(r, 2));
await scheduler.stop();
const steadyWall = performance.now() - wall;
const failed = passes.filter((p) => !p.ok);
const steadyRequests = passes.reduce((n, p) => n + p.requests, 0);

const lines = [
  `scenario: ${DAYS} days x ${fmt(PER_DAY)} messages/day, pageSize ${PAGE_SIZE}, budget 100 requests per rolling 5 minutes (90 for scheduled passes)`,
  `backfill: ${fmt(backfill!.rows)} rows in ${backfill!.windows.length} windows, ${fmt(backfillRequests)} list requests, simulated ${minutes(backfillMs)}, wall ${(backfillWall / 1000).toFixed(1)} s, stored ${fmt(stored)} rows`,
  `steady state: ${passes.length} passes over ${STEADY_MINUTES} simulated minutes, ${fmt(steadyRequests)} requests (${(steadyRequests / Math.max(1, passes.length)).toFixed(1)} per pass), ${failed.length} failed, wall ${(steadyWall / 1000).toFixed(1)} s`,
  `requests used: ${fmt(fake.log.filter((r) => r.kind === 'list').length)} list + ${fmt(fake.log.filter((r) => r.kind === 'token').length)} token`,
  `max requests in any rolling 5 minutes: ${fake.maxInWindow()} (limit 100)`,
  `429 answers: ${fake.throttled()}, requests sent before a Retry-After had passed: ${fake.violations.length}`,
  `simulated duration: ${minutes(clock.now() - T0)}`,
];
process.stdout.write(lines.join('\n') + '\n');
await store.close();
await fake.close();
rmSync(dir, { recursive: true, force: true });
