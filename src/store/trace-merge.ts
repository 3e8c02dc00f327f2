/**
 * The merge rule of MessageTrace, the same for every engine: re-reading a record (same MessageTraceId and
 * RecipientAddress) may move its status on (a final status is never replaced by a transient one) and fill
 * fields that were empty; it never empties a field. Engines express it in their own SQL from these lists.
 */
import { TRANSIENT_STATUSES, statusSupersedes, type TraceRow } from '../schema/index.js';

export { TRANSIENT_STATUSES, statusSupersedes };

/**
 * How far from a batch's times the stored rows of its keys and of its messages are looked for. A record's Received
 * does not move between reads (sources differ in rounding, a mis-set time zone by hours), and a message's recipient
 * rows are received together; so each engine reads only these days of MessageTrace, and a write into a store of
 * years reads about as much as one into a store of a month.
 */
export const LOOKUP_SLACK_MS = 7 * 86_400_000;

/** String columns a later read fills in when the stored value is ''. */
export const FILLABLE_STRING_COLUMNS = [
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
] as const satisfies readonly (keyof TraceRow)[];

/** Number columns a later read fills in when the stored value is 0. */
export const FILLABLE_NUMBER_COLUMNS = ['Size', 'FromAsn', 'ToAsn'] as const satisfies readonly (keyof TraceRow)[];

const FILLABLE = [...FILLABLE_STRING_COLUMNS, ...FILLABLE_NUMBER_COLUMNS];

/** `stored` updated with `next` by the merge rule; returns `stored` itself when nothing changes. */
export function mergeTrace(stored: TraceRow, next: TraceRow): TraceRow {
  let out: TraceRow | undefined;
  if (statusSupersedes(stored.Status, next.Status)) out = { ...stored, Status: next.Status };
  for (const k of FILLABLE) {
    if (!stored[k] && next[k]) {
      out ??= { ...stored };
      (out as unknown as Record<string, unknown>)[k] = next[k];
    }
  }
  return out ?? stored;
}

/** A batch with repeats of one key merged into one row, and how many repeats changed the row or did not. */
export interface CollapsedBatch {
  unique: TraceRow[];
  updatedInBatch: number;
  duplicatesInBatch: number;
  /** Where each key first appears in the input (key: MessageTraceId NUL RecipientAddress). */
  first: Map<string, number>;
}

/**
 * Collapse repeats of one key inside a batch (Pending then Delivered in the same file) to one row, merged
 * the way stored rows are merged, and count them. With `outcomes`, each repeat's outcome is written at its
 * index (1 updated, 2 duplicate); the first row of each key is left for the engine to decide.
 */
export function collapseBatch(rows: readonly TraceRow[], outcomes?: Uint8Array): CollapsedBatch {
  const byKey = new Map<string, TraceRow>();
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
