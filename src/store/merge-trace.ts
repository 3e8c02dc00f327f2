/** The merge rule of MessageTrace rows with the same key, shared by the engines (DuckDB's UPDATE states it in SQL too). */
import { statusSupersedes, type TraceRow } from '../schema/index.js';

/**
 * Collapse repeats of one key inside a batch (Pending then Delivered in the same file) to one row, merged
 * the way the store merges across batches, and count them.
 */
export function collapseBatch(rows: readonly TraceRow[]): { unique: TraceRow[]; updatedInBatch: number; duplicatesInBatch: number } {
  const byKey = new Map<string, TraceRow>();
  let updatedInBatch = 0;
  let duplicatesInBatch = 0;
  for (const row of rows) {
    const key = row.MessageTraceId + '\u0000' + row.RecipientAddress;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, row);
      continue;
    }
    const merged = mergeTrace(seen, row);
    if (merged === seen) duplicatesInBatch++;
    else {
      updatedInBatch++;
      byKey.set(key, merged);
    }
  }
  return { unique: byKey.size === rows.length ? (rows as TraceRow[]) : [...byKey.values()], updatedInBatch, duplicatesInBatch };
}

const FILL_KEYS = [
  'Subject',
  'FromIP',
  'ToIP',
  'MessageId',
  'Organization',
  'SenderDomain',
  'RecipientDomain',
  'Direction',
  'FromCountry',
  'ToCountry',
  'FromAsOrg',
  'ToAsOrg',
  'Size',
  'FromAsn',
  'ToAsn',
] as const;

/** `seen` updated with `next` (the same rule as the UPDATE statement); returns `seen` itself when nothing changes. */
export function mergeTrace(seen: TraceRow, next: TraceRow): TraceRow {
  let out: TraceRow | undefined;
  if (statusSupersedes(seen.Status, next.Status)) out = { ...seen, Status: next.Status };
  for (const k of FILL_KEYS) {
    if (!seen[k] && next[k]) {
      out ??= { ...seen };
      (out as unknown as Record<string, unknown>)[k] = next[k];
    }
  }
  return out ?? seen;
}
