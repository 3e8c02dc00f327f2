/**
 * Micro-benchmark of the PowerShell NDJSON parser (the ingest hot path): writes 1,000,000 Get-MessageTraceV2
 * lines (~520 MB, one in ten with a Japanese subject) to a temp dir and reports records/s, median of 3, next to readline + JSON.parse.
 * Run: npx tsx bench/parse-powershell.ts [records]
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { openInput, powershellFormat } from '../src/formats/index.js';

const RECORDS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const STATUSES = ['Delivered', 'Delivered', 'Delivered', 'FilteredAsSpam', 'Quarantined', 'Failed', 'Pending', 'GettingStatus'];

function line(i: number): string {
  const t = Date.UTC(2026, 0, 1) + i * 1_700;
  const id = `${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}-5a1b-4c2d-8e3f-${i.toString(16).padStart(12, '0')}`;
  return JSON.stringify({
    Organization: 'contoso.onmicrosoft.com',
    MessageId: `<CH2PR04MB${i}.namprd04.prod.outlook.com>`,
    Received: new Date(t).toISOString().replace('Z', '1234'),
    SenderAddress: `Sender${i % 5000}@Fabrikam.example`,
    RecipientAddress: `user${i % 800}@contoso.com`,
    Subject: i % 10 === 0 ? `請求書のご確認 #${i}` : `Quarterly report ${i % 97} - action required`,
    Status: STATUSES[i % STATUSES.length],
    ToIP: i % 3 === 0 ? `198.51.100.${i % 250}` : null,
    FromIP: `203.0.113.${i % 250}`,
    Size: 20_000 + (i % 90_000),
    MessageTraceId: id,
    StartDate: '2026-01-01T00:00:00.0000000',
    EndDate: '2026-01-11T00:00:00.0000000',
    Index: i,
  });
}

async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  let buf: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    buf.push(line(i));
    if (buf.length === 10_000) {
      if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
      buf = [];
    }
  }
  if (buf.length) out.write(buf.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}

async function runParser(path: string): Promise<number> {
  const input = await openInput(path);
  if (!powershellFormat.detect(input.head)) throw new Error('not detected as powershell');
  let read = 0;
  let traces = 0;
  for await (const batch of powershellFormat.parse({ file: path, chunks: input.chunks })) {
    read = batch.read;
    traces += batch.traces.length;
  }
  if (read !== RECORDS || traces !== RECORDS) throw new Error(`read ${read}, traces ${traces}`);
  return read;
}

async function runReadline(path: string): Promise<number> {
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let n = 0;
  for await (const l of rl) if (JSON.parse(l)) n++;
  return n;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

interface Run {
  name: string;
  fn: () => Promise<number>;
  wall: number[];
  cpu: number[];
}

/**
 * Runs each contender three times, interleaved so that both see the same machine load; wall time is what
 * users see, CPU time shows the parser's own cost on a machine shared with other work.
 */
async function compare(runs: Run[]): Promise<void> {
  for (let r = 0; r < 3; r++) {
    for (const run of runs) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const n = await run.fn();
      const s = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      const cpu = (c.user + c.system) / 1e6;
      run.wall.push(n / s);
      run.cpu.push(n / cpu);
      console.log(`  ${run.name} run ${r + 1}: ${s.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, ${fmt(n / s)} records/s`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  for (const run of runs) {
    console.log(`${run.name}: median ${fmt(median(run.wall))} records/s (wall), ${fmt(median(run.cpu))} records per CPU-second`);
  }
}

const dir = await mkdtemp(join(tmpdir(), 'mailsift-bench-'));
try {
  const path = join(dir, 'trace.ndjson');
  await generate(path);
  console.log(`${RECORDS.toLocaleString('en-US')} lines, ${((await stat(path)).size / 1e6).toFixed(0)} MB`);
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const runs: Run[] = [{ name: 'powershell parser', fn: () => runParser(path), wall: [], cpu: [] }];
  if (!process.argv.includes('--no-baseline')) runs.push({ name: 'readline + JSON.parse', fn: () => runReadline(path), wall: [], cpu: [] });
  await compare(runs);
  clearInterval(sampler);
  console.log(`peak RSS of the process: ${(peak / 1e6).toFixed(0)} MB`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
