/** Repeats of one key inside an upsert batch, merged before the batch reaches the engine. */
import { statusSupersedes, type TraceRow } from '../../schema/index.js';
import { FILLABLE_NUMBERS, FILLABLE_STRINGS } from './merge-sql.js';

/**
 * Collapse repeats of one key inside a batch (Pending then Delivered in the same file) to one row, merged
 * the way the store merges across batches, and count them.
 */
export function collapseBatch(
  rows: readonly TraceRow[],
  outcomes?: Uint8Array,
): { unique: TraceRow[]; updatedInBatch: number; duplicatesInBatch: number; first: Map<string, number> } {
  const byKey = new Map<string, TraceRow>();
  // Where each key first appears; later repeats get their outcome here (1 updated, 2 duplicate).
  const first = new Map<string, number>();
  let updatedInBatch = 0;
  let duplicatesInBatch = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const key = row.MessageTraceId + '\u0000' + row.RecipientAddress;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, row);
      first.set(key, i);
      continue;
    }
    const merged = mergeTrace(seen, row);
    if (merged === seen) {
      duplicatesInBatch++;
      if (outcomes) outcomes[i] = 2;
    } else {
      updatedInBatch++;
      if (outcomes) outcomes[i] = 1;
      byKey.set(key, merged);
    }
  }
  return { unique: byKey.size === rows.length ? (rows as TraceRow[]) : [...byKey.values()], updatedInBatch, duplicatesInBatch, first };
}

const FILL_KEYS = [...FILLABLE_STRINGS, ...FILLABLE_NUMBERS] as (keyof TraceRow)[];

/** `seen` updated with `next` (the same rule as the UPDATE statement); returns `seen` itself when nothing changes. */
function mergeTrace(seen: TraceRow, next: TraceRow): TraceRow {
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
