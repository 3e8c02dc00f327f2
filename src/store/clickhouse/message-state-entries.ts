/**
 * The entries of the distinct-messages-by-state summary (MESSAGE_STATE_AGGREGATE in src/schema/aggregates.ts) of a
 * message, from its rows' keys: for each hour it has rows in, its states there (the distinct tuples of the
 * summary's dimensions), one summary row per state. A message with rows in one hour is counted without its id; a
 * message with rows in two hours or more has rows of its own. The ClickHouse store writes the difference between a
 * message's entries before and after a write as signed counts; this is that arithmetic, with no I/O.
 */
import { MESSAGE_STATE_AGGREGATE, STATE_SEPARATOR, VALUE_SEPARATOR } from '../../schema/index.js';
import { compareUtf8 } from '../utf8-order.js';
import { hourOfUs } from './message-entries.js';

/** The summary's dimensions (Status, Direction, the countries), in the order of a state's values. */
export type StateDimension = (typeof MESSAGE_STATE_AGGREGATE.dimensions)[number];
export const STATE_DIMENSIONS: readonly StateDimension[] = MESSAGE_STATE_AGGREGATE.dimensions;

/** What the summary needs of one row of a message: its time (µs) and its values of the dimensions, in their order. */
export interface StateKey {
  readonly received: number;
  readonly values: readonly string[];
}

/** A row's StateKey from its columns (`Received` in µs). */
export const stateKeyOf = (row: Readonly<Record<string, unknown>>): StateKey => ({
  received: Number(row.Received),
  values: STATE_DIMENSIONS.map((d) => String(row[d] ?? '')),
});

/** A state's values as the summary's and the message keys' columns. */
export const stateColumns = (values: readonly string[]) =>
  Object.fromEntries(STATE_DIMENSIONS.map((d, i) => [d, values[i]!])) as Record<StateDimension, string>;

/** Whether two keys hold the same state. */
export const sameState = (a: StateKey, b: StateKey) => a.values.every((v, i) => v === b.values[i]);

/** A message's rows by key (the store uses RecipientAddress and Received: MessageTrace's key within a message). */
export type MessageKeys = ReadonlyMap<string, StateKey>;

/** A signed change of one summary row (MessageTraceId '' for a message with rows in one hour only). */
export type MessageStateChange = {
  readonly Received: number;
  readonly States: string;
  readonly MessageTraceId: string;
  readonly Messages: number;
} & Readonly<Record<StateDimension, string>>;

/** The summary rows of one message, each counting +1. */
export function stateEntries(id: string, keys: MessageKeys): MessageStateChange[] {
  const hours = new Map<number, Map<string, readonly string[]>>();
  for (const k of keys.values()) {
    const h = hourOfUs(k.received);
    let states = hours.get(h);
    if (!states) hours.set(h, (states = new Map()));
    states.set(k.values.join(VALUE_SEPARATOR), k.values);
  }
  const owner = hours.size > 1 ? id : '';
  const out: MessageStateChange[] = [];
  for (const [h, states] of hours) {
    // In the order the recount in SQL sorts a set's texts (its bytes).
    const texts = [...states.keys()].sort(compareUtf8);
    const set = texts.join(STATE_SEPARATOR);
    for (const t of texts) {
      out.push({ Received: h, States: set, ...stateColumns(states.get(t)!), MessageTraceId: owner, Messages: 1 });
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
    const key = [e.Received, e.States, ...STATE_DIMENSIONS.map((d) => e[d]), e.MessageTraceId].join('\u0000');
    sums.set(key, { ...e, Messages: (sums.get(key)?.Messages ?? 0) + sign });
  };
  for (const [id, before, after] of messages) {
    if (before) for (const e of stateEntries(id, before)) add(e, -1);
    for (const e of stateEntries(id, after)) add(e, 1);
  }
  return [...sums.values()].filter((c) => c.Messages !== 0);
}
