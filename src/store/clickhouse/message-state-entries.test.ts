import { describe, expect, it } from 'vitest';
import { VALUE_SEPARATOR as P, STATE_SEPARATOR as S } from '../../schema/index.js';
import { stateChanges, stateEntries, type StateKey } from './message-state-entries.js';

const H = 3_600_000_000;
const T = 1_000 * H;
type Values = [status: string, direction: string, from?: string, to?: string];
const full = ([status, direction, from = '', to = '']: Values) => [status, direction, from, to];
const keys = (...rows: [string, number, ...Values][]) =>
  new Map<string, StateKey>(rows.map(([r, received, ...v]) => [r, { received, values: full(v) }]));
/** A state's text. */
const st = (...v: Values) => full(v).join(P);
/** A summary row of hour `h` for the state `v` of the set `states`. */
const entry = (h: number, states: string, v: Values, MessageTraceId: string, Messages: number) => {
  const [Status, Direction, FromCountry, ToCountry] = full(v);
  return { Received: h, States: states, Status, Direction, FromCountry, ToCountry, MessageTraceId, Messages };
};

describe('the distinct-messages-by-state entries of a message', () => {
  it('counts a message of one hour without its id, one row per state, each naming the sorted set', () => {
    const m = keys(['a', T + 5, 'Pending', 'Outbound'], ['b', T + 9, 'Delivered', 'Outbound'], ['c', T + 7, 'Pending', 'Outbound']);
    const states = `${st('Delivered', 'Outbound')}${S}${st('Pending', 'Outbound')}`;
    expect(stateEntries('m', m)).toEqual([
      entry(T, states, ['Delivered', 'Outbound'], '', 1),
      entry(T, states, ['Pending', 'Outbound'], '', 1),
    ]);
  });

  it('tells the countries of a message apart: a recipient abroad is a state of its own', () => {
    const m = keys(
      ['a', T + 5, 'Delivered', 'Outbound', 'JP', 'US'],
      ['b', T + 9, 'Delivered', 'Outbound', 'JP', 'DE'],
      ['c', T + 7, 'Delivered', 'Outbound', 'JP', 'US'],
    );
    const de: Values = ['Delivered', 'Outbound', 'JP', 'DE'];
    const us: Values = ['Delivered', 'Outbound', 'JP', 'US'];
    const states = `${st(...de)}${S}${st(...us)}`;
    expect(stateEntries('m', m)).toEqual([entry(T, states, de, '', 1), entry(T, states, us, '', 1)]);
  });

  it('orders a set by the bytes of its texts, as the recount in SQL does (a value past U+FFFF after U+FF01)', () => {
    const wide: Values = ['Delivered', 'Outbound', 'JP', '\uFF01'];
    const astral: Values = ['Delivered', 'Outbound', 'JP', '\u{1F4E7}'];
    const m = keys(['a', T + 5, ...astral], ['b', T + 9, ...wide]);
    const states = `${st(...wide)}${S}${st(...astral)}`;
    expect(Buffer.compare(Buffer.from(st(...wide)), Buffer.from(st(...astral)))).toBe(-1);
    expect(stateEntries('m', m)).toEqual([entry(T, states, wide, '', 1), entry(T, states, astral, '', 1)]);
  });

  it('gives a message of two hours rows of its own in each hour, with the states of that hour', () => {
    const m = keys(['a', T + 5, 'Delivered', ''], ['b', T + H, 'Failed', 'Inbound']);
    expect(stateEntries('m', m)).toEqual([
      entry(T, st('Delivered', ''), ['Delivered', ''], 'm', 1),
      entry(T + H, st('Failed', 'Inbound'), ['Failed', 'Inbound'], 'm', 1),
    ]);
  });

  it('moves an anonymous count to entries of its own when a late row comes in another hour', () => {
    const before = keys(['a', T + 5, 'Delivered', 'Outbound']);
    const after = new Map([...before, ...keys(['b', T - 24 * H, 'Delivered', 'Outbound'])]);
    const states = st('Delivered', 'Outbound');
    const v: Values = ['Delivered', 'Outbound'];
    expect(stateChanges([['m', before, after]])).toEqual([
      entry(T, states, v, '', -1),
      entry(T, states, v, 'm', 1),
      entry(T - 24 * H, states, v, 'm', 1),
    ]);
  });

  it('changes the set of an hour when a status moves on or a country is filled in, and nothing when the states stay', () => {
    const before = keys(['a', T + 5, 'Pending', 'Outbound'], ['b', T + 6, 'Delivered', 'Outbound']);
    const after = new Map([...before, ...keys(['a', T + 5, 'Delivered', 'Outbound'])]);
    const both = `${st('Delivered', 'Outbound')}${S}${st('Pending', 'Outbound')}`;
    expect(stateChanges([['m', before, after]])).toEqual([
      entry(T, both, ['Delivered', 'Outbound'], '', -1),
      entry(T, both, ['Pending', 'Outbound'], '', -1),
      entry(T, st('Delivered', 'Outbound'), ['Delivered', 'Outbound'], '', 1),
    ]);
    expect(stateChanges([['m', after, new Map([...after, ...keys(['c', T + 9, 'Delivered', 'Outbound'])])]])).toEqual([]);
    const located = new Map([
      ...after,
      ...keys(['a', T + 5, 'Delivered', 'Outbound', 'KR', ''], ['b', T + 6, 'Delivered', 'Outbound', 'KR', '']),
    ]);
    expect(stateChanges([['m', after, located]])).toEqual([
      entry(T, st('Delivered', 'Outbound'), ['Delivered', 'Outbound'], '', -1),
      entry(T, st('Delivered', 'Outbound', 'KR'), ['Delivered', 'Outbound', 'KR'], '', 1),
    ]);
  });

  it('adds up the anonymous entries of many messages per hour and set, and takes a message away whole', () => {
    const one = keys(['a', T + 1, 'Delivered', 'Inbound']);
    const changes = stateChanges(['x', 'y', 'z'].map((id) => [id, undefined, one] as const));
    expect(changes).toEqual([entry(T, st('Delivered', 'Inbound'), ['Delivered', 'Inbound'], '', 3)]);
    expect(stateChanges([['x', one, new Map()]])).toEqual([{ ...changes[0], Messages: -1 }]);
  });
});
