/**
 * Benchmark: threat-intel matches over a 1,000,000-row MessageTrace store with 100,000 indicators
 * (run: npx tsx bench/intel-match.ts). Also measures raw matcher look-ups per second.
 */
import type { IndicatorRow, TraceRow } from '../src/schema/index.js';
import { openStore } from '../src/store/index.js';
import { computeMatches, createMatcher } from '../src/intel/index.js';

const ROWS = Number(process.env['ROWS'] ?? 1_000_000);
const INDICATORS = Number(process.env['INDICATORS'] ?? 100_000);

let seed = 1;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (n: number) => Math.floor(rnd() * n);
const ip4 = (i: number) => `${11 + (i % 200)}.${(i >>> 8) & 255}.${(i >>> 16) & 255}.${i & 255}`;

// Mail: 100k sender addresses over 20k domains, 240k source IPs, 5k recipients.
const domain = (i: number) => (i % 10 === 0 ? `mail${i}.sender${i % 20_000}.example` : `sender${i % 20_000}.example`);
const sender = (i: number) => `user${i}@${domain(i)}`;
const t0 = Date.UTC(2026, 0, 1);

let t = performance.now();
const store = await openStore('duckdb::memory:');
const BATCH = 100_000;
for (let start = 0; start < ROWS; start += BATCH) {
  const rows: TraceRow[] = [];
  for (let i = start; i < Math.min(ROWS, start + BATCH); i++) {
    const s = pick(100_000);
    rows.push({
      Received: t0 + i * 2000, SenderAddress: sender(s), RecipientAddress: `rcpt${pick(5000)}@contoso.com`, Subject: 'Invoice',
      Status: 'Delivered', FromIP: ip4(pick(240_000)), ToIP: '', Size: 1000, MessageId: `<m${i}@x>`, MessageTraceId: `t${i}`,
      Organization: 'contoso', Source: 'bench', SenderDomain: domain(s), RecipientDomain: 'contoso.com', Direction: 'Inbound',
      FromCountry: '', ToCountry: '', FromAsn: 0, ToAsn: 0, FromAsOrg: '', ToAsOrg: '',
    });
  }
  await store.upsertTraces(rows);
}
console.log(`load ${ROWS.toLocaleString('en')} rows into DuckDB: ${((performance.now() - t) / 1000).toFixed(1)} s`);

// Indicators: 40% emails, 30% domains, 20% IPs, 10% CIDRs; about a tenth of each hit the mail above.
const indicators: IndicatorRow[] = [];
for (let i = 0; i < INDICATORS; i++) {
  const k = i % 10;
  const hit = i % 10 === 3;
  const base = { Confidence: pick(101), Actor: i % 3 ? `Actor ${i % 50}` : '', Labels: ['bench'], Feed: `feed${i % 4}`, ValidFrom: null, ValidUntil: null };
  if (k < 4) indicators.push({ ...base, Indicator: hit ? sender(pick(100_000)) : `bad${i}@evil${i}.example`, Type: 'email' });
  else if (k < 7) indicators.push({ ...base, Indicator: hit ? `sender${pick(20_000)}.example` : `evil${i}.example`, Type: 'domain' });
  else if (k < 9) indicators.push({ ...base, Indicator: hit ? ip4(pick(240_000)) : `203.${(i >>> 8) & 255}.${i & 255}.7`, Type: 'ip' });
  else indicators.push({ ...base, Indicator: `${11 + (i % 200)}.${i & 255}.${(i >>> 8) & 255}.0/24`, Type: 'cidr' });
}

t = performance.now();
const matcher = createMatcher(indicators);
const buildMs = performance.now() - t;

t = performance.now();
const matches = await computeMatches(store, matcher);
const matchMs = performance.now() - t;

t = performance.now();
const all = await computeMatches(store, indicators);
const allMs = performance.now() - t;

const probes = Array.from({ length: 1_000_000 }, (_, i) => ip4(i * 7919));
t = performance.now();
let hits = 0;
for (const p of probes) if (matcher.matchIp(p).length) hits++;
const ipMs = performance.now() - t;
const hosts = Array.from({ length: 1_000_000 }, (_, i) => domain(i));
t = performance.now();
for (const h of hosts) if (matcher.matchDomain(h).length) hits++;
const domMs = performance.now() - t;

console.log(`matcher over ${INDICATORS.toLocaleString('en')} indicators built in ${buildMs.toFixed(0)} ms`);
console.log(`computeMatches: ${matches.length.toLocaleString('en')} match rows in ${(matchMs / 1000).toFixed(2)} s (with building the matcher: ${(allMs / 1000).toFixed(2)} s)`);
console.log(`matchIp: ${Math.round(1e6 / (ipMs / 1000)).toLocaleString('en')} look-ups/s; matchDomain: ${Math.round(1e6 / (domMs / 1000)).toLocaleString('en')} look-ups/s (${hits} hits)`);
await store.close();
