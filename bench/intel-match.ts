/**
 * Benchmark: threat-intel matches over a 1,000,000-row MessageTrace store with 100,000 indicators
 * (run: npx tsx bench/intel-match.ts). Also measures raw matcher look-ups per second.
 */
import type { IndicatorRow } from '../src/schema/index.js';
import { openStore } from '../src/store/index.js';
import { computeMatches, createMatcher } from '../src/intel/index.js';
import type { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';

const ROWS = Number(process.env['ROWS'] ?? 1_000_000);
const INDICATORS = Number(process.env['INDICATORS'] ?? 100_000);

let seed = 1;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = (n: number) => Math.floor(rnd() * n);
const ip4 = (i: number) => `${11 + (i % 200)}.${(i >>> 8) & 255}.${(i >>> 16) & 255}.${i & 255}`;

// Mail: 100k sender addresses over 20k domains, 240k source IPs, 5k recipients.
const domain = (i: number) => (i % 10 === 0 ? `mail${i}.sender${i % 20_000}.example` : `sender${i % 20_000}.example`);
const sender = (i: number) => `user${i}@${domain(i)}`;
const t0 = Date.UTC(2026, 0, 1);

let t = performance.now();
const store = await openStore('duckdb::memory:');
// Rows are generated inside DuckDB (loading is measured elsewhere); the formulas mirror sender()/domain()/ip4().
const S = '((i * 7919) % 100000)';
const J = '((i * 104729) % 240000)';
await (store as DuckDbStore)
  .runSql(`INSERT INTO "MessageTrace" ("Received", "SenderAddress", "RecipientAddress", "Subject", "Status", "FromIP", "Size",
    "MessageId", "MessageTraceId", "Organization", "Source", "SenderDomain", "RecipientDomain", "Direction")
  SELECT make_timestamp(${t0 * 1000}::BIGINT + i * 2000000), 'user' || ${S} || '@' || dom, 'rcpt' || ((i * 31) % 5000) || '@contoso.com',
    'Invoice', 'Delivered', (11 + ${J} % 200) || '.' || ((${J} >> 8) & 255) || '.' || ((${J} >> 16) & 255) || '.' || (${J} & 255), 1000,
    '<m' || i || '@x>', 't' || i, 'contoso', 'bench', dom, 'contoso.com', 'Inbound'
  FROM (SELECT i, CASE WHEN ${S} % 10 = 0 THEN 'mail' || ${S} || '.sender' || (${S} % 20000) || '.example'
                       ELSE 'sender' || (${S} % 20000) || '.example' END AS dom FROM range(${ROWS}) r(i))`);
console.log(`generate ${ROWS.toLocaleString('en')} rows in DuckDB: ${((performance.now() - t) / 1000).toFixed(1)} s`);

// Indicators: 40% emails, 30% domains, 20% IPs, 10% CIDRs; about a tenth of each hit the mail above.
const indicators: IndicatorRow[] = [];
for (let i = 0; i < INDICATORS; i++) {
  const k = i % 10;
  const hit = i % 10 === 3;
  const base = {
    Confidence: pick(101),
    Actor: i % 3 ? `Actor ${i % 50}` : '',
    Labels: ['bench'],
    Feed: `feed${i % 4}`,
    ValidFrom: null,
    ValidUntil: null,
  };
  if (k < 4) indicators.push({ ...base, Indicator: hit ? sender(pick(100_000)) : `bad${i}@evil${i}.example`, Type: 'email' });
  else if (k < 7) indicators.push({ ...base, Indicator: hit ? `sender${pick(20_000)}.example` : `evil${i}.example`, Type: 'domain' });
  else if (k < 9) indicators.push({ ...base, Indicator: hit ? ip4(pick(240_000)) : `203.${(i >>> 8) & 255}.${i & 255}.7`, Type: 'ip' });
  else indicators.push({ ...base, Indicator: `${11 + (i % 200)}.${i & 255}.${(i >>> 8) & 255}.0/24`, Type: 'cidr' });
}

t = performance.now();
const matcher = createMatcher(indicators);
const buildMs = performance.now() - t;

// Time spent inside store.query, by kind of statement.
const sqlMs = { distinct: 0, aggregate: 0 };
const timed = {
  dialect: store.dialect,
  query: store.query.bind(store),
  distinctValues: async (...a: Parameters<typeof store.distinctValues>) => {
    const s = performance.now();
    try {
      return await store.distinctValues(...a);
    } finally {
      sqlMs.distinct += performance.now() - s;
    }
  },
  entityValueStats: async (...a: Parameters<typeof store.entityValueStats>) => {
    const s = performance.now();
    try {
      return await store.entityValueStats(...a);
    } finally {
      sqlMs.aggregate += performance.now() - s;
    }
  },
};
t = performance.now();
const cpu0 = process.cpuUsage();
const matches = await computeMatches(timed, matcher);
const matchMs = performance.now() - t;
const cpu = process.cpuUsage(cpu0);

t = performance.now();
await computeMatches(store, indicators);
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
console.log(
  `computeMatches: ${matches.length.toLocaleString('en')} match rows in ${(matchMs / 1000).toFixed(2)} s ` +
    `(SQL distinct values ${(sqlMs.distinct / 1000).toFixed(2)} s, SQL aggregates of matched values ${(sqlMs.aggregate / 1000).toFixed(2)} s); ` +
    `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (all threads, DuckDB's included); ` +
    `with building the matcher from rows: ${(allMs / 1000).toFixed(2)} s`,
);
console.log(
  `matchIp: ${Math.round(1e6 / (ipMs / 1000)).toLocaleString('en')} look-ups/s; matchDomain: ${Math.round(1e6 / (domMs / 1000)).toLocaleString('en')} look-ups/s (${hits} hits)`,
);
await store.close();
