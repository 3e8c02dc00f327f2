import { describe, expect, it } from 'vitest';
import { entryChanges, withRows } from './message-entries.js';

const H = 3_600_000_000;
const T = 1_000 * H;

describe('the distinct-messages entries of a message', () => {
  it('counts a new message once, first seen in its first hour, and its later hours by their Previous', () => {
    const after = withRows(undefined, [T + 5, T + 9, T + 2 * H + 1]);
    expect(entryChanges([['m', undefined, after]])).toEqual([
      { Received: T, Previous: T, MessageTraceId: '', Messages: 1 },
      { Received: T + 2 * H, Previous: T + 9, MessageTraceId: 'm', Messages: 1 },
    ]);
  });

  it('moves the first hour of a message that gets an earlier row, and writes nothing for a row in a known hour', () => {
    const before = withRows(undefined, [T + 5]);
    expect(entryChanges([['m', before, withRows(before, [T - 24 * H])]])).toEqual([
      { Received: T, Previous: T, MessageTraceId: '', Messages: -1 },
      { Received: T - 24 * H, Previous: T - 24 * H, MessageTraceId: '', Messages: 1 },
      { Received: T, Previous: T - 24 * H, MessageTraceId: 'm', Messages: 1 },
    ]);
    expect(entryChanges([['m', before, withRows(before, [T + 1])]])).toEqual([]);
  });

  it('changes the Previous of the next hour when a later row comes into an earlier hour', () => {
    const before = withRows(undefined, [T + 5, T + H + 1]);
    expect(entryChanges([['m', before, withRows(before, [T + 7])]])).toEqual([
      { Received: T + H, Previous: T + 5, MessageTraceId: 'm', Messages: -1 },
      { Received: T + H, Previous: T + 7, MessageTraceId: 'm', Messages: 1 },
    ]);
  });

  it('adds up the first-seen entries of many messages per hour', () => {
    const changes = entryChanges(['a', 'b', 'c'].map((id) => [id, undefined, withRows(undefined, [T + 1])] as const));
    expect(changes).toEqual([{ Received: T, Previous: T, MessageTraceId: '', Messages: 3 }]);
  });
});
