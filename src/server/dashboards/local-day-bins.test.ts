import { describe, expect, it } from 'vitest';
import { binSpec, panelKql } from './panel-runner.js';
import { localDayStarts, offsetChangesWithin } from './local-day-bins.js';

const HOUR = 3_600_000;
const env = { embargoedCountries: [] };

describe('local days across clock changes', () => {
  it('lists New York midnights around the end of DST (a 25-hour 2026-11-01)', () => {
    const from = Date.UTC(2026, 9, 30, 4);
    const starts = localDayStarts('America/New_York', from, from, Date.UTC(2026, 10, 4, 5));
    expect(starts?.map((t) => new Date(t).toISOString())).toEqual([
      '2026-10-30T04:00:00.000Z',
      '2026-10-31T04:00:00.000Z',
      '2026-11-01T04:00:00.000Z',
      '2026-11-02T05:00:00.000Z',
      '2026-11-03T05:00:00.000Z',
    ]);
  });

  it('lists Berlin midnights around the start of summer time (a 23-hour 2026-03-29)', () => {
    const from = Date.UTC(2026, 2, 27, 23);
    const starts = localDayStarts('Europe/Berlin', from, from, Date.UTC(2026, 2, 30, 22));
    expect(starts?.map((t) => new Date(t).toISOString())).toEqual([
      '2026-03-27T23:00:00.000Z',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
  });

  it('lists nothing when every day is 24 hours (Tokyo, or a week without a change)', () => {
    expect(localDayStarts('Asia/Tokyo', Date.UTC(2026, 9, 30, 15), Date.UTC(2026, 9, 30, 15), Date.UTC(2026, 10, 6, 15))).toBeUndefined();
    expect(offsetChangesWithin('Asia/Tokyo', Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31))).toBe(false);
    expect(offsetChangesWithin('America/New_York', Date.UTC(2026, 9, 25), Date.UTC(2026, 10, 5))).toBe(true);
    expect(offsetChangesWithin('America/New_York', Date.UTC(2026, 10, 5), Date.UTC(2026, 10, 12))).toBe(false);
  });

  it("bins dashboard days by the viewer's calendar when the clocks change, by a fixed step otherwise", () => {
    const week = { from: Date.UTC(2026, 9, 29, 4), to: Date.UTC(2026, 10, 5, 5), filters: {}, timeZone: 'America/New_York' };
    const kql = panelKql('MessageTrace | summarize count() by Time = ${bin(Received)}', week, env);
    // 24-hour steps up to New York's 25-hour Nov 1, that day as its start, then 24-hour steps from Nov 2's midnight.
    expect(kql).toContain(
      'Time = case(Received < datetime(2026-11-01T04:00:00.000Z), bin_at(Received, 1d, datetime(2026-10-21T04:00:00.000Z)), ' +
        'Received < datetime(2026-11-02T05:00:00.000Z), datetime(2026-11-01T04:00:00.000Z), ' +
        'bin_at(Received, 1d, datetime(2026-11-02T05:00:00.000Z)))',
    );
    expect(binSpec(week).starts).toHaveLength(7);
    expect(binSpec(week).starts![4]).toBe(Date.UTC(2026, 10, 2, 5));
    const later = { from: Date.UTC(2026, 10, 15, 5), to: Date.UTC(2026, 10, 22, 5), filters: {}, timeZone: 'America/New_York' };
    expect(panelKql('T | summarize count() by Time = ${bin(Received)}', later, env)).toContain(
      'bin_at(Received, 1d, datetime(1970-01-01T05:00:00.000Z))',
    );
    expect(binSpec(later)).toEqual({ stepMs: 24 * HOUR, originMs: 5 * HOUR });
    // A stat compares with the period before: a change there makes its bins local days too.
    expect(panelKql('T | summarize count() by Time = ${bin(Received)}', { ...later, from: Date.UTC(2026, 10, 8, 5) }, env)).toContain(
      'case(Received < datetime(2026-11-01T04:00:00.000Z)',
    );
  });
});
