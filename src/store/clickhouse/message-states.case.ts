// The distinct-messages-by-state summary of a ClickHouse store, on small hand-made cases: after every kind of write the
// summary holds exactly the expected rows, and checkIntegrity (a recount from the rows) finds nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDialect } from '../../kql/index.js';
import { VALUE_SEPARATOR as P, STATE_SEPARATOR as S, type TraceRow } from '../../schema/index.js';
import type { Store } from '../store.js';
import { traceRow } from '../testing/trace-row.js';
import { stateChanges, type StateKey } from './message-state-entries.js';

const H = 3_600_000;
/** An hour's start (ms). */
const T = Date.UTC(2026, 10, 2, 9);
const us = (ms: number) => ms * 1000;
/** A state's text: Status, Direction and the countries (none here, unless given). */
const st = (status: string, direction: string, from = '', to = '') => [status, direction, from, to].join(P);
const DO = st('Delivered', 'Outbound');
const PO = st('Pending', 'Outbound');

/** A summary row of no countries: [Received µs, States, Status, Direction, MessageTraceId, Messages]. */
type Entry = [number, string, string, string, string, number];
/** The same as the dialect reads it (the countries after Direction). */
const read = ([h, states, status, direction, id, n]: Entry) => [h, states, status, direction, '', '', id, n];
const sorted = (rows: readonly unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();

/** The summary as the dialect reads it, each row as JSON, sorted. */
export const heldStates = async (store: Store) => sorted((await store.query(getDialect('clickhouse').messageStateAggregateSource())).rows);

/** The summary every message's entries from its rows as they are now give (message-state-entries.ts), as heldStates. */
export async function countedStates(store: Store): Promise<string[]> {
  const res = await store.query(
    `SELECT MessageTraceId, RecipientAddress, Received, Status, Direction, FromCountry, ToCountry FROM ${getDialect('clickhouse').tableSource('MessageTrace')}`,
  );
  const keys = new Map<string, Map<string, StateKey>>();
  for (const [id, recipient, received, ...values] of res.rows) {
    let m = keys.get(String(id));
    if (!m) keys.set(String(id), (m = new Map()));
    m.set(`${String(recipient)}\u0000${String(received)}`, { received: Number(received), values: values.map(String) });
  }
  const changes = stateChanges([...keys].map(([id, k]) => [id, undefined, k] as const));
  return sorted(
    changes.map((c) => [c.Received, c.States, c.Status, c.Direction, c.FromCountry, c.ToCountry, c.MessageTraceId, c.Messages]),
  );
}

export function runMessageStateTests(name: string, factory: () => Promise<Store>): void {
  describe(`distinct messages by state (${name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    const expectHeld = async (after: string, rows: readonly Entry[]) => {
      expect(await store.checkIntegrity(), `integrity after ${after}`).toEqual([]);
      expect(await heldStates(store), `summary after ${after}`).toEqual(sorted(rows.map(read)));
    };
    const row = (id: string, recipient: string, ms: number, Status: string, Direction = 'Outbound') =>
      traceRow({ MessageTraceId: id, RecipientAddress: recipient, Received: ms, Status, Direction } as Partial<TraceRow>);

    it('holds the states of each message per hour after new rows, an update, a late row and a re-ingest', async () => {
      const first = [
        row('m1', 'a@x', T + 60_000, 'Pending'),
        row('m1', 'b@x', T + 120_000, 'Delivered'),
        row('m2', 'a@x', T + 5, 'Delivered'),
      ];
      await store.upsertTraces(first);
      await expectHeld('new rows', [
        [us(T), `${DO}${S}${PO}`, 'Delivered', 'Outbound', '', 1],
        [us(T), `${DO}${S}${PO}`, 'Pending', 'Outbound', '', 1],
        [us(T), DO, 'Delivered', 'Outbound', '', 1],
      ]);
      // Read again later, in another hour: the row keeps its first Received, so its hour.
      await store.upsertTraces([row('m1', 'a@x', T + 2 * H, 'Delivered')]);
      await expectHeld('a status update', [[us(T), DO, 'Delivered', 'Outbound', '', 2]]);
      // A recipient row of m2 a day before its other row: m2 has entries of its own in both hours.
      await store.upsertTraces([row('m2', 'late@x', T - 24 * H + 7, 'Failed', '')]);
      const late: Entry[] = [
        [us(T), DO, 'Delivered', 'Outbound', '', 1],
        [us(T), DO, 'Delivered', 'Outbound', 'm2', 1],
        [us(T - 24 * H), st('Failed', ''), 'Failed', '', 'm2', 1],
      ];
      await expectHeld('a late row', late);
      await store.upsertTraces([...first, row('m2', 'late@x', T - 24 * H + 7, 'Failed', '')]);
      await expectHeld('the same rows again', late);
    });

    it('holds the states left after retention through the middle of an hour and on the hour', async () => {
      const D = T - 24 * H;
      await store.upsertTraces([
        // m3: one row a day before; it goes through the middle of that hour and m3 is left with one hour.
        row('m3', 'a@x', T + 1, 'Delivered', 'Inbound'),
        row('m3', 'b@x', D + 10 * 60_000, 'Failed', 'Inbound'),
        // m4: rows before and after the cutoff in that hour, and one in the later hour.
        row('m4', 'a@x', D + 10 * 60_000, 'Pending'),
        row('m4', 'b@x', D + 40 * 60_000, 'Delivered'),
        row('m4', 'c@x', T + 2, 'Delivered'),
        // m5: wholly before the cutoff, and m6 in the cut hour after it.
        row('m5', 'a@x', D + 5, 'Delivered'),
        row('m6', 'a@x', D + 50 * 60_000, 'Delivered'),
      ]);
      await expectHeld('new rows', [
        [us(T), st('Delivered', 'Inbound'), 'Delivered', 'Inbound', 'm3', 1],
        [us(D), st('Failed', 'Inbound'), 'Failed', 'Inbound', 'm3', 1],
        [us(D), `${DO}${S}${PO}`, 'Delivered', 'Outbound', 'm4', 1],
        [us(D), `${DO}${S}${PO}`, 'Pending', 'Outbound', 'm4', 1],
        [us(T), DO, 'Delivered', 'Outbound', 'm4', 1],
        [us(D), DO, 'Delivered', 'Outbound', '', 2],
      ]);
      await store.deleteOlderThan(D + 30 * 60_000);
      await expectHeld('retention through the middle of an hour', [
        [us(T), st('Delivered', 'Inbound'), 'Delivered', 'Inbound', '', 1],
        [us(D), DO, 'Delivered', 'Outbound', 'm4', 1],
        [us(T), DO, 'Delivered', 'Outbound', 'm4', 1],
        [us(D), DO, 'Delivered', 'Outbound', '', 1],
      ]);
      await store.deleteOlderThan(T);
      await expectHeld('retention on the hour', [
        [us(T), st('Delivered', 'Inbound'), 'Delivered', 'Inbound', '', 1],
        [us(T), DO, 'Delivered', 'Outbound', '', 1],
      ]);
    });

    it('orders a set of states as the recount does, by bytes: a value past U+FFFF after U+FF01', async () => {
      const abroad = (recipient: string, to: string) => ({ ...row('m7', recipient, T + 5, 'Delivered'), ToCountry: to });
      await store.upsertTraces([abroad('a@x', '\u{1F4E7}'), abroad('b@x', '\uFF01')]);
      const set = `${st('Delivered', 'Outbound', '', '\uFF01')}${S}${st('Delivered', 'Outbound', '', '\u{1F4E7}')}`;
      expect(await store.checkIntegrity()).toEqual([]);
      expect(await heldStates(store)).toEqual(
        sorted([
          [us(T), set, 'Delivered', 'Outbound', '', '\uFF01', '', 1],
          [us(T), set, 'Delivered', 'Outbound', '', '\u{1F4E7}', '', 1],
        ]),
      );
    });

    it('holds a batch of many messages, then their updates (a country filled in too), as their keys count them', async () => {
      const statuses = ['Pending', 'Delivered', 'Failed', 'Expanded'];
      const rows = Array.from({ length: 400 }, (_, i) => ({
        ...row(`b-${i % 90}`, `u${i % 7}@x`, T + (i % 11 === 0 ? (i % 3) * H : 0) + i * 1_000, statuses[i % 4]!, i % 5 ? 'Inbound' : ''),
        FromCountry: ['', 'US', 'JP'][i % 3]!,
        ToCountry: i % 4 ? 'JP' : 'DE',
      }));
      await store.upsertTraces(rows);
      // The rows of no FromCountry get one: a new state of their messages.
      await store.upsertTraces(
        rows.filter((_, i) => i % 3 === 0).map((r) => ({ ...r, Status: 'Delivered', Direction: 'Outbound', FromCountry: 'KR' })),
      );
      const kr = await store.query(`SELECT count() FROM ${getDialect('clickhouse').tableSource('MessageTrace')} WHERE FromCountry = 'KR'`);
      expect(Number(kr.rows[0]![0])).toBeGreaterThan(0);
      const expected = await countedStates(store);
      // Some messages have rows in two hours, and entries of their own.
      expect(expected.some((e) => e.includes(',"b-'))).toBe(true);
      expect(await store.checkIntegrity()).toEqual([]);
      expect(await heldStates(store)).toEqual(expected);
    });
  });
}
