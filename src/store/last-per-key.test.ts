import { describe, expect, it } from 'vitest';
import { Indicators } from '../schema/index.js';
import { lastPerKey } from './last-per-key.js';

describe('lastPerKey', () => {
  it('keeps the last row of a key, at the place of its first, and every other row as it was', () => {
    const row = (Indicator: string, Actor: string) => ({ Feed: 'f', Type: 'cidr', Indicator, Actor });
    expect(lastPerKey(Indicators, [row('a', '1'), row('b', '2'), row('a', '3')])).toEqual([row('a', '3'), row('b', '2')]);
    expect(lastPerKey(Indicators, [row('a', '1'), row('b', '2')])).toEqual([row('a', '1'), row('b', '2')]);
  });
});
