import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../config/index.js';
import { previousPeriod } from './previous-period.js';

const local = (ms: number, zone: string) => formatInstant(ms, zone);

describe('previousPeriod', () => {
  // Lord Howe moves its clocks by 30 minutes: 02:00 +10:30 becomes 02:30 +11:00 on 2026-10-04, and back on 2026-04-05.
  const zone = 'Australia/Lord_Howe';

  it('compares a local day of 23.5 hours with the whole local day before', () => {
    const from = Date.parse('2026-10-04T00:00:00+10:30');
    const to = Date.parse('2026-10-05T00:00:00+11:00');
    expect(to - from).toBe(23.5 * 3_600_000);
    const p = previousPeriod(from, to, zone);
    expect(local(p.from, zone)).toBe('2026-10-03T00:00:00+10:30');
    expect(p.to).toBe(from);
  });

  it('compares the day after the change (24 hours) with the day of the change (23.5 hours)', () => {
    const from = Date.parse('2026-10-05T00:00:00+11:00');
    const to = Date.parse('2026-10-06T00:00:00+11:00');
    const p = previousPeriod(from, to, zone);
    expect(local(p.from, zone)).toBe('2026-10-04T00:00:00+10:30');
    expect(from - p.from).toBe(23.5 * 3_600_000);
  });

  it('compares a week holding the change back to the local midnight a week before, and a 24.5-hour day in April', () => {
    const from = Date.parse('2026-10-01T00:00:00+10:30');
    const to = Date.parse('2026-10-08T00:00:00+11:00');
    expect(local(previousPeriod(from, to, zone).from, zone)).toBe('2026-09-24T00:00:00+10:30');
    const aprilFrom = Date.parse('2026-04-06T00:00:00+10:30');
    const aprilTo = Date.parse('2026-04-07T00:00:00+10:30');
    // 2026-04-05 is 24.5 hours long (02:00 +11:00 is followed by 01:30 +10:30).
    const april = previousPeriod(aprilFrom, aprilTo, zone);
    expect(local(april.from, zone)).toBe('2026-04-05T00:00:00+11:00');
    expect(aprilFrom - april.from).toBe(24.5 * 3_600_000);
  });

  it('is the same length in zones without a change in the span (JST), and without a zone', () => {
    const from = Date.parse('2026-12-01T00:00:00+09:00');
    const to = Date.parse('2026-12-03T12:00:00+09:00');
    expect(previousPeriod(from, to, 'Asia/Tokyo')).toEqual({ from: from - (to - from), to: from });
    expect(previousPeriod(from, to)).toEqual({ from: from - (to - from), to: from });
  });
});
