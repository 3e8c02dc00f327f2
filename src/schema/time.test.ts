import { describe, expect, it } from 'vitest';
import { formatTime, parseTime } from './time.js';

describe('parseTime', () => {
  it('reads ISO times with and without Z (UTC) and 7 fractional digits', () => {
    expect(formatTime(parseTime('2022-07-25T12:26:13.2403333Z'))).toBe('2022-07-25T12:26:13.240Z');
    expect(formatTime(parseTime('2022-07-25T12:26:13.2403333'))).toBe('2022-07-25T12:26:13.240Z');
    expect(formatTime(parseTime('2022-07-25 12:26'))).toBe('2022-07-25T12:26:00.000Z');
  });
  it('reads years before 100 as those years (not 1900-1999)', () => {
    expect(formatTime(parseTime('0001-01-01T00:00:00Z'))).toBe('0001-01-01T00:00:00.000Z');
    expect(formatTime(parseTime('0099-12-31 10:00'))).toBe('0099-12-31T10:00:00.000Z');
  });
  it('applies zone offsets', () => {
    expect(formatTime(parseTime('2022-07-25T21:26:13+09:00'))).toBe('2022-07-25T12:26:13.000Z');
    expect(formatTime(parseTime('2022-07-25T07:26:13-0500'))).toBe('2022-07-25T12:26:13.000Z');
  });
  it('reads OData /Date(ms)/ with or without escaped slashes', () => {
    expect(formatTime(parseTime('/Date(1658751973240)/'))).toBe('2022-07-25T12:26:13.240Z');
    expect(formatTime(parseTime('\\/Date(1658751973240)\\/'))).toBe('2022-07-25T12:26:13.240Z');
  });
  it('returns NaN for what is not a time, including impossible dates', () => {
    for (const bad of ['', 'yesterday', '2026-02-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T25:00:00Z'])
      expect(parseTime(bad)).toBeNaN();
  });
});
