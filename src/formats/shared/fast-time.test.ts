import { describe, expect, it } from 'vitest';
import { parseTime } from '../../schema/index.js';
import { fastTime } from './fast-time.js';

describe('fastTime', () => {
  const samples = [
    '2022-07-25T12:26:13.2403477',
    '2022-07-25T12:26:13.2403477Z',
    '2022-07-25T12:26:13Z',
    '2022-07-25T12:26:13',
    '2022-07-25 12:26:13.24',
    '2022-07-25T12:26:13.9999999Z',
    '2024-02-29T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2022-13-01T00:00:00Z',
    '2022-04-31T00:00:00Z',
    '2022-07-25T24:00:00Z',
    '2022-07-25T12:26:13+09:00',
    '2022-07-25T12:26:13.123-0500',
    '2022-07-25T12:26:13.Z',
    '2022-07-25T12:26',
    '/Date(1658751973240)/',
    '/Date(1658751973240+0900)/',
    '/Date(-1000)/',
    '\\/Date(1658751973240)\\/',
    '/Date()/',
    'not a date',
    '',
    '25/07/2022 12:26:13',
  ];
  it.each(samples)('agrees with parseTime on %s', (s) => {
    expect(fastTime(s)).toEqual(parseTime(s));
  });
  it('reads the documented example', () => {
    expect(new Date(fastTime('/Date(1658751973240)/')).toISOString()).toBe('2022-07-25T12:26:13.240Z');
  });
});

describe('fastTime over many days', () => {
  it('agrees with Date.UTC from 1601 to 2400', () => {
    for (let t = Date.UTC(1601, 0, 1); t < Date.UTC(2400, 0, 1); t += 86_400_000 * 13 + 3_723_456) {
      const iso = new Date(t).toISOString();
      expect(fastTime(iso)).toBe(t);
      expect(fastTime(iso.replace('Z', '1234'))).toBe(t);
    }
  });
});
