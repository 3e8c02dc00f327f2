import { describe, expect, it } from 'vitest';
import { formatInstant, formatOffset, isValidTimeZone, startOfLocalDay, zoneOffsetMinutes } from './time-zone.js';

describe('time zones', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('gives offsets, DST included', () => {
    expect(zoneOffsetMinutes('Asia/Tokyo', Date.parse('2026-11-26T00:00:00Z'))).toBe(540);
    expect(zoneOffsetMinutes('America/New_York', Date.parse('2026-11-26T00:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', Date.parse('2026-07-01T00:00:00Z'))).toBe(-240);
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.parse('2026-07-01T00:00:00Z'))).toBe(330);
    expect(formatOffset(-570)).toBe('-09:30');
    expect(formatOffset(0)).toBe('+00:00');
  });

  it('answers the same instant asked again, and in another zone, as the first time (offsets are remembered per zone)', () => {
    // New York's clocks went forward at 2026-03-08 07:00 UTC: the second before and the second of the change.
    const change = Date.UTC(2026, 2, 8, 7);
    for (let round = 0; round < 2; round++) {
      expect(zoneOffsetMinutes('America/New_York', change - 1)).toBe(-300);
      expect(zoneOffsetMinutes('America/New_York', change)).toBe(-240);
      expect(zoneOffsetMinutes('Asia/Tokyo', change - 1)).toBe(540);
      expect(zoneOffsetMinutes('Asia/Kolkata', change)).toBe(330);
      expect(formatInstant(change - 1, 'America/New_York')).toBe('2026-03-08T01:59:59.999-05:00');
      expect(formatInstant(change + 1, 'America/New_York')).toBe('2026-03-08T03:00:00.001-04:00');
      // Local mean time before standard time: an offset with seconds (+09:18:59), its wall clock to the second.
      expect(formatInstant(Date.UTC(1880, 0, 1), 'Asia/Tokyo')).toBe('1880-01-01T09:18:59+09:19');
    }
  });

  it('writes local ISO time with the offset', () => {
    expect(formatInstant(Date.parse('2026-11-26T00:00:00Z'), 'Asia/Tokyo')).toBe('2026-11-26T09:00:00+09:00');
    expect(formatInstant(Date.parse('2026-11-25T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-11-26T00:00:00+09:00');
    expect(formatInstant(Date.parse('2026-11-26T00:00:00.250Z'), 'America/New_York')).toBe('2026-11-25T19:00:00.250-05:00');
    expect(formatInstant(Date.parse('2026-11-26T00:00:00Z'), 'UTC')).toBe('2026-11-26T00:00:00+00:00');
  });

  it("finds the zone's midnight, also on a DST day", () => {
    expect(new Date(startOfLocalDay(Date.parse('2026-11-26T05:00:00Z'), 'Asia/Tokyo')).toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(new Date(startOfLocalDay(Date.parse('2026-11-25T14:59:00Z'), 'Asia/Tokyo')).toISOString()).toBe('2026-11-24T15:00:00.000Z');
    // 2026-03-08: New York goes from -05:00 to -04:00 at 02:00; midnight is still at -05:00.
    expect(new Date(startOfLocalDay(Date.parse('2026-03-08T20:00:00Z'), 'America/New_York')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(new Date(startOfLocalDay(Date.parse('2026-03-09T20:00:00Z'), 'America/New_York')).toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
  });
});
