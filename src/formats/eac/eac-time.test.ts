import { describe, expect, it } from 'vitest';
import { headerZone, parseEacTime } from './index.js';

describe('parseEacTime', () => {
  it('reads ISO and US admin-center times as UTC', () => {
    expect(parseEacTime('2026-03-08T01:02:03.4570000Z')).toBe(Date.UTC(2026, 2, 8, 1, 2, 3, 457));
    expect(parseEacTime('3/10/2026 5:15:30 PM')).toBe(Date.UTC(2026, 2, 10, 17, 15, 30));
    expect(parseEacTime('3/10/2026 12:05:00 AM')).toBe(Date.UTC(2026, 2, 10, 0, 5, 0));
    expect(parseEacTime('12/31/2025 23:59')).toBe(Date.UTC(2025, 11, 31, 23, 59));
  });
  it('reads dates as Excel writes them in Japan, in the zone of the column', () => {
    expect(parseEacTime('2026/12/01 1:15:30')).toBe(Date.UTC(2026, 11, 1, 1, 15, 30));
    expect(parseEacTime('2026/12/01 01:15', 540)).toBe(Date.UTC(2026, 10, 30, 16, 15));
    expect(parseEacTime('2026/1/5 9:00:00', 540)).toBe(Date.UTC(2026, 0, 5, 0, 0));
    expect(parseEacTime('2026-12-01T01:15:30Z', 540)).toBe(Date.UTC(2026, 11, 1, 1, 15, 30));
    expect(parseEacTime('2026-12-01T01:15:30', 540)).toBe(Date.UTC(2026, 10, 30, 16, 15, 30));
    expect(parseEacTime('12/1/2026 1:15:30 AM', -300)).toBe(Date.UTC(2026, 11, 1, 6, 15, 30));
    expect(parseEacTime('2026/02/30 1:00')).toBeNaN();
  });
  it('reads the zone of a column header', () => {
    expect(headerZone('Date (UTC+09:00)')).toBe(540);
    expect(headerZone('日付 (UTC+09:00)')).toBe(540);
    expect(headerZone('Date (UTC)')).toBe(0);
    expect(headerZone('Date (UTC-05:30)')).toBe(-330);
    expect(headerZone('Date')).toBeUndefined();
  });
  it('rejects what is not a time', () => {
    for (const s of ['yesterday', '13/10/2026 5:15:30 PM', '2/30/2026 1:00 AM', '3/10/2026 13:00 PM']) expect(parseEacTime(s)).toBeNaN();
  });
});
