/** Benchmark: enrich 1,000,000 message-trace records holding ~240,000 distinct IPs (run: npx tsx bench/enrich.ts). */
import { createEnricher } from '../src/enrich/index.js';
import type { TraceRecord } from '../src/schema/index.js';

const ROWS = Number(process.env['ROWS'] ?? 1_000_000);
const DISTINCT_IPS = Number(process.env['DISTINCT_IPS'] ?? 240_000);
const BATCH = 10_000;

// Deterministic pseudo-random numbers so runs are comparable.
let seed = 42;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}

function randomIp(i: number): string {
  if (i % 50 === 0) return `2a01:111:f400:${(i & 0xffff).toString(16)}::${(i >>> 16).toString(16)}`;
  if (i % 20 === 1) return `10.${i & 255}.${(i >>> 8) & 255}.${(i >>> 16) & 255}`;
  const a = 1 + Math.floor(rnd() * 222);
  return `${a}.${Math.floor(rnd() * 256)}.${Math.floor(rnd() * 256)}.${Math.floor(rnd() * 256)}`;
}

const ips = new Set<string>();
for (let i = 0; ips.size < DISTINCT_IPS; i++) ips.add(randomIp(i));
const ipList = [...ips];
const domains = ['contoso.com', 'mail.contoso.com', 'example.net', 'example.org', 'fabrikam.co.jp'];
const records: TraceRecord[] = new Array(ROWS);
for (let i = 0; i < ROWS; i++) {
  // Each IP appears at least once; the rest follow a skew (a few big senders, a long tail).
  const ip = i < ipList.length ? ipList[i]! : ipList[Math.floor(rnd() ** 3 * ipList.length)]!;
  records[i] = {
    Received: 1_767_225_600_000 + i * 1000,
    SenderAddress: `user${i % 5000}@${domains[i % 5]}`,
    RecipientAddress: `rcpt${i % 3000}@${domains[(i >> 3) % 5]}`,
    Subject: 'Invoice',
    Status: 'Delivered',
    FromIP: ip,
    ToIP: i % 3 === 0 ? '' : ipList[(i * 7) % ipList.length]!,
    Size: 2048,
    MessageId: `<m${i}@x>`,
    MessageTraceId: `t${i}`,
    Organization: 'contoso',
    Source: 'bench',
  };
}
const distinctUsed = new Set<string>();
for (const r of records) {
  distinctUsed.add(r.FromIP);
  if (r.ToIP) distinctUsed.add(r.ToIP);
}

let t0 = performance.now();
const enricher = await createEnricher({ organization: { acceptedDomains: ['contoso.com'] } });
const openMs = performance.now() - t0;

t0 = performance.now();
const cpu0 = process.cpuUsage();
let known = 0;
for (let i = 0; i < ROWS; i += BATCH) {
  const rows = enricher.enrich(records.slice(i, i + BATCH));
  for (const r of rows) if (r.FromAsn !== 0) known++;
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// CPU time of this process (user + system; includes GC threads): steadier than wall time on a shared machine.
const cpuMs = (cpu.user + cpu.system) / 1000;

console.log(`open GeoIP data: ${openMs.toFixed(0)} ms`);
console.log(
  `enrich ${ROWS.toLocaleString('en')} rows (${distinctUsed.size.toLocaleString('en')} distinct IPs, batches of ${BATCH}): ` +
    `${ms.toFixed(0)} ms wall = ${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s; CPU ${cpuMs.toFixed(0)} ms; ` +
    `${known.toLocaleString('en')} rows with a FromAsn`,
);
