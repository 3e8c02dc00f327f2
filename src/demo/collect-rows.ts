/** Test support: a tenant's whole stream in memory, with local-time helpers (small tenants only). */
import type { EventRow, TraceRecord } from '../schema/index.js';
import type { DemoTenant } from './types.js';

/** Every row and event of a tenant, with the batch sizes seen. */
export interface CollectedRows {
  traces: TraceRecord[];
  events: EventRow[];
  batchSizes: number[];
}

/** Reads the whole stream. */
export function collectRows(tenant: DemoTenant): CollectedRows {
  const traces: TraceRecord[] = [];
  const events: EventRow[] = [];
  const batchSizes: number[] = [];
  for (const b of tenant.batches()) {
    batchSizes.push(b.traces.length);
    for (const r of b.traces) traces.push(r);
    for (const e of b.events) events.push(e);
  }
  return { traces, events, batchSizes };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local date (yyyy-mm-dd), hour and weekday (0 = Sunday) of an instant in a time zone. */
export function localParts(t: number, timeZone: string): { date: string; hour: number; weekday: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(t)) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, hour: Number(parts.hour), weekday: new Date(`${date}T00:00:00Z`).getUTCDay() };
}
