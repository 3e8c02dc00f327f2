import { describe, expect, it } from 'vitest';
import { PAIR_SEPARATOR as P, STATE_SEPARATOR as S } from '../../schema/index.js';
import { stateChanges, stateEntries, type StateKey } from './message-state-entries.js';

const H = 3_600_000_000;
const T = 1_000 * H;
const keys = (...rows: [string, number, string, string][]) =>
  new Map<string, StateKey>(rows.map(([r, received, status, direction]) => [r, { received, status, direction }]));

describe('the distinct-messages-by-state entries of a message', () => {
  it('counts a message of one hour without its id, one row per state, each naming the sorted set', () => {
    const m = keys(['a', T + 5, 'Pending', 'Outbound'], ['b', T + 9, 'Delivered', 'Outbound'], ['c', T + 7, 'Pending', 'Outbound']);
    const states = `Delivered${P}Outbound${S}Pending${P}Outbound`;
    expect(stateEntries('m', m)).toEqual([
      { Received: T, States: states, Status: 'Delivered', Direction: 'Outbound', MessageTraceId: '', Messages: 1 },
      { Received: T, States: states, Status: 'Pending', Direction: 'Outbound', MessageTraceId: '', Messages: 1 },
    ]);
  });

  it('gives a message of two hours rows of its own in each hour, with the states of that hour', () => {
    const m = keys(['a', T + 5, 'Delivered', ''], ['b', T + H, 'Failed', 'Inbound']);
    expect(stateEntries('m', m)).toEqual([
      { Received: T, States: `Delivered${P}`, Status: 'Delivered', Direction: '', MessageTraceId: 'm', Messages: 1 },
      { Received: T + H, States: `Failed${P}Inbound`, Status: 'Failed', Direction: 'Inbound', MessageTraceId: 'm', Messages: 1 },
    ]);
  });

  it('moves an anonymous count to entries of its own when a late row comes in another hour', () => {
    const before = keys(['a', T + 5, 'Delivered', 'Outbound']);
    const after = new Map([...before, ...keys(['b', T - 24 * H, 'Delivered', 'Outbound'])]);
    const states = `Delivered${P}Outbound`;
    expect(stateChanges([['m', before, after]])).toEqual([
      { Received: T, States: states, Status: 'Delivered', Direction: 'Outbound', MessageTraceId: '', Messages: -1 },
      { Received: T, States: states, Status: 'Delivered', Direction: 'Outbound', MessageTraceId: 'm', Messages: 1 },
      { Received: T - 24 * H, States: states, Status: 'Delivered', Direction: 'Outbound', MessageTraceId: 'm', Messages: 1 },
    ]);
  });

  it('changes the set of an hour when a status moves on, and nothing when the states stay', () => {
    const before = keys(['a', T + 5, 'Pending', 'Outbound'], ['b', T + 6, 'Delivered', 'Outbound']);
    const after = new Map([...before, ...keys(['a', T + 5, 'Delivered', 'Outbound'])]);
    const both = `Delivered${P}Outbound${S}Pending${P}Outbound`;
    expect(stateChanges([['m', before, after]])).toEqual([
      { Received: T, States: both, Status: 'Delivered', Direction: 'Outbound', MessageTraceId: '', Messages: -1 },
      { Received: T, States: both, Status: 'Pending', Direction: 'Outbound', MessageTraceId: '', Messages: -1 },
      { Received: T, States: `Delivered${P}Outbound`, Status: 'Delivered', Direction: 'Outbound', MessageTraceId: '', Messages: 1 },
    ]);
    expect(stateChanges([['m', after, new Map([...after, ...keys(['c', T + 9, 'Delivered', 'Outbound'])])]])).toEqual([]);
  });

  it('adds up the anonymous entries of many messages per hour and set, and takes a message away whole', () => {
    const one = keys(['a', T + 1, 'Delivered', 'Inbound']);
    const changes = stateChanges(['x', 'y', 'z'].map((id) => [id, undefined, one] as const));
    expect(changes).toEqual([
      { Received: T, States: `Delivered${P}Inbound`, Status: 'Delivered', Direction: 'Inbound', MessageTraceId: '', Messages: 3 },
    ]);
    expect(stateChanges([['x', one, new Map()]])).toEqual([{ ...changes[0], Messages: -1 }]);
  });
});
