import { describe, expect, it } from 'vitest';
import { literal, microsOfIso } from './literal.js';

describe('ClickHouse datetime constants', () => {
  it('keep every microsecond of the text', () => {
    expect(literal('2026-01-01 10:00:00.123456', 'datetime')).toBe('toInt64(1767261600123456)');
    expect(literal('2026-01-01T10:00:00.1234567Z', 'datetime')).toBe('toInt64(1767261600123456)');
    expect(literal('2026-01-01 10:00:00.000', 'datetime')).toBe('toInt64(1767261600000000)');
  });

  it('count back from 1970, down to year 1', () => {
    expect(microsOfIso('1969-12-31 23:59:59.999999')).toBe(-1n);
    expect(microsOfIso('0001-01-01')).toBe(-62_135_596_800_000_000n);
    expect(microsOfIso('0050-06-01 00:00:00')).toBe(BigInt(Date.parse('0050-06-01T00:00:00Z')) * 1000n);
  });

  it('read offsets and other text as Date.parse does', () => {
    expect(microsOfIso('2026-01-01T10:00:00+09:00')).toBe(BigInt(Date.parse('2026-01-01T01:00:00Z')) * 1000n);
    expect(microsOfIso('Thu, 01 Jan 2026 10:00:00 GMT')).toBe(BigInt(Date.parse('2026-01-01T10:00:00Z')) * 1000n);
    expect(() => literal('not a date', 'datetime')).toThrow(/not a datetime/);
  });
});
