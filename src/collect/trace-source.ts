/** What a collector reads from: a message-trace API that lists one time window a page at a time. */
import type { EventRow, TraceRecord } from '../schema/index.js';
import type { TimeWindow } from './windows.js';

/** One message-trace API of one tenant. */
export interface TraceSource {
  /** The longest window one query may span, and how far back the service keeps data. */
  readonly limits: { maxWindowMs: number; maxAgeMs: number };
  /** The raw items of one window, one page at a time; ends when the service has no more. */
  pages(window: TimeWindow, signal?: AbortSignal): AsyncIterable<unknown[]>;
  /** The MessageTrace record of one raw item; throws the formats' RecordError when it has none. */
  toRecord(item: unknown): TraceRecord;
  /** Per-hop events of one message for one recipient, when the service offers them. */
  details?(traceId: string, recipient: string, signal?: AbortSignal): Promise<EventRow[]>;
}

/** Items of an OData collection page: JSON light `value`, or verbose `d.results` / `d`. */
export function odataItems(page: unknown): unknown[] | undefined {
  if (page === null || typeof page !== 'object') return undefined;
  const p = page as { value?: unknown; d?: unknown };
  if (Array.isArray(p.value)) return p.value;
  if (p.d && typeof p.d === 'object') {
    const d = p.d as { results?: unknown };
    if (Array.isArray(d.results)) return d.results;
    if (Array.isArray(p.d)) return p.d;
  }
  return undefined;
}
