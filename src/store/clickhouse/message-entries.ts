/**
 * The entries of the distinct-messages summary (MESSAGE_AGGREGATE in src/schema/aggregates.ts) of a message, from
 * the hours it has rows in and its last row of each: one entry per hour, with Previous the last row before that
 * hour (none for its first hour). The ClickHouse store writes the difference between a message's entries before
 * and after a write as signed counts; this is that arithmetic, with no I/O.
 */
import { AGGREGATE_GRAIN_MS } from '../../schema/index.js';

/** A message's hours (start, µs) with the time of its last row in each (µs). */
export type MessageHours = ReadonlyMap<number, number>;

/**
 * A signed change of the summary: `Previous` equal to `Received` stands for "no earlier row" (a sorting key
 * cannot hold NULL on ClickHouse), and such entries are counted per hour, without the message's id.
 */
export interface MessageEntryChange {
  readonly Received: number;
  readonly Previous: number;
  readonly MessageTraceId: string;
  readonly Messages: number;
}

const HOUR_US = AGGREGATE_GRAIN_MS * 1000;

/** The hour (start, µs) of a time in µs. */
export const hourOfUs = (us: number): number => Math.floor(us / HOUR_US) * HOUR_US;

/** `hours` with the rows at `timesUs` added. */
export function withRows(hours: MessageHours | undefined, timesUs: readonly number[]): Map<number, number> {
  const out = new Map(hours ?? []);
  for (const t of timesUs) {
    const h = hourOfUs(t);
    out.set(h, Math.max(out.get(h) ?? t, t));
  }
  return out;
}

/** The entries of one message: [hour, Previous or undefined]. */
function entries(hours: MessageHours): [number, number | undefined][] {
  const sorted = [...hours.keys()].sort((a, b) => a - b);
  return sorted.map((h, i) => [h, i === 0 ? undefined : hours.get(sorted[i - 1]!)!]);
}

/** The signed changes that take each message from its hours `before` to its hours `after`, summed per summary row. */
export function entryChanges(
  messages: Iterable<[id: string, before: MessageHours | undefined, after: MessageHours]>,
): MessageEntryChange[] {
  const sums = new Map<string, MessageEntryChange>();
  const add = (id: string, hour: number, previous: number | undefined, sign: number) => {
    const row =
      previous === undefined
        ? { Received: hour, Previous: hour, MessageTraceId: '' }
        : { Received: hour, Previous: previous, MessageTraceId: id };
    const key = `${row.Received}\u0000${row.Previous}\u0000${row.MessageTraceId}`;
    sums.set(key, { ...row, Messages: (sums.get(key)?.Messages ?? 0) + sign });
  };
  for (const [id, before, after] of messages) {
    for (const [h, p] of before ? entries(before) : []) add(id, h, p, -1);
    for (const [h, p] of entries(after)) add(id, h, p, 1);
  }
  return [...sums.values()].filter((c) => c.Messages !== 0);
}
