/**
 * The entries of the distinct-messages-by-state summary (MESSAGE_STATE_AGGREGATE in src/schema/aggregates.ts) of a
 * message, from its rows' keys: for each hour it has rows in, its states there (the distinct Status and Direction
 * pairs), one summary row per state. A message with rows in one hour is counted without its id; a message with rows
 * in two hours or more has rows of its own. The ClickHouse store writes the difference between a message's entries
 * before and after a write as signed counts; this is that arithmetic, with no I/O.
 */
import { PAIR_SEPARATOR, STATE_SEPARATOR } from '../../schema/index.js';
import { hourOfUs } from './message-entries.js';

/** What the summary needs of one row of a message: its time (µs), Status and Direction. */
export interface StateKey {
  readonly received: number;
  readonly status: string;
  readonly direction: string;
}

/** A message's rows by key (the store uses RecipientAddress and Received: MessageTrace's key within a message). */
export type MessageKeys = ReadonlyMap<string, StateKey>;

/** A signed change of one summary row (MessageTraceId '' for a message with rows in one hour only). */
export interface MessageStateChange {
  readonly Received: number;
  readonly States: string;
  readonly Status: string;
  readonly Direction: string;
  readonly MessageTraceId: string;
  readonly Messages: number;
}

const pairText = (status: string, direction: string) => status + PAIR_SEPARATOR + direction;

/** The summary rows of one message, each counting +1. */
export function stateEntries(id: string, keys: MessageKeys): MessageStateChange[] {
  const hours = new Map<number, Map<string, [string, string]>>();
  for (const k of keys.values()) {
    const h = hourOfUs(k.received);
    let pairs = hours.get(h);
    if (!pairs) hours.set(h, (pairs = new Map()));
    pairs.set(pairText(k.status, k.direction), [k.status, k.direction]);
  }
  const owner = hours.size > 1 ? id : '';
  const out: MessageStateChange[] = [];
  for (const [h, pairs] of hours) {
    const texts = [...pairs.keys()].sort();
    const states = texts.join(STATE_SEPARATOR);
    for (const t of texts) {
      const [status, direction] = pairs.get(t)!;
      out.push({ Received: h, States: states, Status: status, Direction: direction, MessageTraceId: owner, Messages: 1 });
    }
  }
  return out;
}

/** The signed changes that take each message from its keys `before` to its keys `after`, summed per summary row. */
export function stateChanges(
  messages: Iterable<readonly [id: string, before: MessageKeys | undefined, after: MessageKeys]>,
): MessageStateChange[] {
  const sums = new Map<string, MessageStateChange>();
  const add = (e: MessageStateChange, sign: number) => {
    const key = [e.Received, e.States, e.Status, e.Direction, e.MessageTraceId].join('\u0000');
    sums.set(key, { ...e, Messages: (sums.get(key)?.Messages ?? 0) + sign });
  };
  for (const [id, before, after] of messages) {
    if (before) for (const e of stateEntries(id, before)) add(e, -1);
    for (const e of stateEntries(id, after)) add(e, 1);
  }
  return [...sums.values()].filter((c) => c.Messages !== 0);
}
