/** Writes demo rows as PowerShell `Get-MessageTraceV2 | ConvertTo-Json -Compress` lines, streamed to disk. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { TraceRecord } from '../schema/index.js';
import { generateTenant } from './tenant.js';

/** Options of writePowerShellNdjson. */
export interface PowerShellNdjsonOptions {
  /** Exactly this many lines are written. */
  rows: number;
  seed?: number;
  /** Window start (UTC midnight, ms); default as generateTenant's. */
  start?: number;
  days?: number;
}

/** What was written. */
export interface PowerShellNdjsonResult {
  rows: number;
  bytes: number;
}

const CHUNK_CHARS = 1 << 20;
const DAY_MS = 86_400_000;

/** PowerShell 7 prints a UTC DateTime with seven fractional digits and Z. */
function psTime(ms: number, ticks: string): string {
  return new Date(ms).toISOString().slice(0, 23) + ticks + 'Z';
}

/**
 * Writes `rows` lines of one tenant's mail (the 14 properties of Get-MessageTraceV2, in its order;
 * absent IPs are null as PowerShell prints them). Memory stays flat: batches are written as they come.
 */
export async function writePowerShellNdjson(path: string, options: PowerShellNdjsonOptions): Promise<PowerShellNdjsonResult> {
  const { rows, seed = 1, days = 30 } = options;
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a whole number, got ${rows}`);
  const probe = generateTenant({ seed, days, start: options.start, messagesPerDay: 4000, eventsSample: 0 });
  const out = createWriteStream(path);
  let written = 0;
  let bytes = 0;
  try {
    // Scale the tenant so its window holds a few percent more rows than asked; should it still fall
    // short, the next window (the following days) continues the file.
    const perDay = Math.max(100, Math.ceil((4000 * rows * 1.05) / Math.max(1, probe.expectedRows)));
    let chunk = '';
    for (let window = 0; written < rows; window++) {
      const tenant = generateTenant({
        seed: seed + window,
        days,
        start: probe.start + window * days * DAY_MS,
        messagesPerDay: perDay,
        eventsSample: 0,
      });
      const startDate = psTime(tenant.start, '0000');
      const endDate = psTime(tenant.end, '0000');
      for (const batch of tenant.batches()) {
        for (const r of batch.traces) {
          if (written >= rows) break;
          chunk += line(r, written, startDate, endDate) + '\n';
          written++;
          if (chunk.length >= CHUNK_CHARS) {
            bytes += Buffer.byteLength(chunk);
            if (!out.write(chunk)) await once(out, 'drain');
            chunk = '';
          }
        }
        if (written >= rows) break;
      }
    }
    bytes += Buffer.byteLength(chunk);
    out.end(chunk);
    await once(out, 'finish');
  } catch (err) {
    out.destroy();
    throw err;
  }
  return { rows: written, bytes };
}

/** One record as Get-MessageTraceV2 | ConvertTo-Json -Compress prints it; `start`/`end`: the query window (ms). */
export function powerShellLine(r: TraceRecord, index: number, start: number, end: number): string {
  return line(r, index, psTime(start, '0000'), psTime(end, '0000'));
}

function line(r: TraceRecord, index: number, startDate: string, endDate: string): string {
  // Sub-millisecond ticks are not in the source rows; take four stable digits from the trace id.
  const ticks = String(parseInt(r.MessageTraceId.slice(-4), 16) % 10000).padStart(4, '0');
  return JSON.stringify({
    Organization: r.Organization,
    MessageId: r.MessageId,
    Received: psTime(r.Received, ticks),
    SenderAddress: r.SenderAddress,
    RecipientAddress: r.RecipientAddress,
    Subject: r.Subject,
    Status: r.Status,
    ToIP: r.ToIP === '' ? null : r.ToIP,
    FromIP: r.FromIP === '' ? null : r.FromIP,
    Size: r.Size,
    MessageTraceId: r.MessageTraceId,
    StartDate: startDate,
    EndDate: endDate,
    Index: index,
  });
}
