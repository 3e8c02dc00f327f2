import { describe, expect, it } from 'vitest';
import { isoFromMicros } from './datetime-text.js';

describe('isoFromMicros', () => {
  it('keeps milliseconds, and all six digits when the value has microseconds', () => {
    expect(isoFromMicros(1_767_261_600_000_000n)).toBe('2026-01-01T10:00:00.000Z');
    expect(isoFromMicros(1_767_261_600_123_000n)).toBe('2026-01-01T10:00:00.123Z');
    expect(isoFromMicros(1_767_261_600_123_456n)).toBe('2026-01-01T10:00:00.123456Z');
    expect(isoFromMicros(1_767_261_600_000_001n)).toBe('2026-01-01T10:00:00.000001Z');
  });

  it('counts back from 1970 by whole seconds (floor), down to year 1', () => {
    expect(isoFromMicros(-1n)).toBe('1969-12-31T23:59:59.999999Z');
    expect(isoFromMicros(-1000n)).toBe('1969-12-31T23:59:59.999Z');
    expect(isoFromMicros(-62_135_596_800_000_000n)).toBe('0001-01-01T00:00:00.000Z');
    expect(isoFromMicros(-62_135_596_800_000_000n + 123n)).toBe('0001-01-01T00:00:00.000123Z');
  });

  it('is read back by Date.parse to the millisecond', () => {
    expect(Date.parse(isoFromMicros(-1n)!)).toBe(-1);
    expect(Date.parse(isoFromMicros(1_767_261_600_123_456n)!)).toBe(1_767_261_600_123);
  });

  it('gives null past the years a Date holds', () => {
    expect(isoFromMicros(10n ** 22n)).toBeNull();
  });
});
