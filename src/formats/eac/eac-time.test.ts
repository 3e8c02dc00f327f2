import { describe, expect, it } from 'vitest';
import { parseEacTime } from './index.js';

describe('parseEacTime', () => {
  it('reads ISO and US admin-center times as UTC', () => {
    expect(parseEacTime('2026-03-08T01:02:03.4570000Z')).toBe(Date.UTC(2026, 2, 8, 1, 2, 3, 457));
    expect(parseEacTime('3/10/2026 5:15:30 PM')).toBe(Date.UTC(2026, 2, 10, 17, 15, 30));
    expect(parseEacTime('3/10/2026 12:05:00 AM')).toBe(Date.UTC(2026, 2, 10, 0, 5, 0));
    expect(parseEacTime('12/31/2025 23:59')).toBe(Date.UTC(2025, 11, 31, 23, 59));
  });
  it('rejects what is not a time', () => {
    for (const s of ['yesterday', '13/10/2026 5:15:30 PM', '2/30/2026 1:00 AM', '3/10/2026 13:00 PM']) expect(parseEacTime(s)).toBeNaN();
  });
});
