import { describe, expect, it } from 'vitest';
import { nextCronTime, parseCron } from './cron.js';
import { parseSchedule, schedulePeriod } from './schedule.js';

const next = (expr: string, after: string) => new Date(nextCronTime(parseCron(expr), Date.parse(after))!).toISOString();

describe('cron', () => {
  it('finds the next matching minute (UTC)', () => {
    expect(next('*/10 * * * *', '2026-03-03T00:03:30Z')).toBe('2026-03-03T00:10:00.000Z');
    expect(next('*/10 * * * *', '2026-03-03T00:10:00Z')).toBe('2026-03-03T00:20:00.000Z');
    expect(next('0 9 * * mon-fri', '2026-03-06T10:00:00Z')).toBe('2026-03-09T09:00:00.000Z');
    expect(next('30 2 1 * *', '2026-03-03T00:00:00Z')).toBe('2026-04-01T02:30:00.000Z');
    expect(next('0 0 29 feb *', '2026-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(next('15,45 8-9 * * 7', '2026-03-03T00:00:00Z')).toBe('2026-03-08T08:15:00.000Z');
    expect(next('0 0 * dec *', '2026-12-31T23:59:00Z')).toBe('2027-12-01T00:00:00.000Z');
  });

  it('fires on either day field when both are restricted (as Vixie cron)', () => {
    expect(next('0 0 13 * fri', '2026-03-03T00:00:00Z')).toBe('2026-03-06T00:00:00.000Z');
    expect(next('0 0 13 * fri', '2026-03-07T00:00:00Z')).toBe('2026-03-13T00:00:00.000Z');
  });

  it('says which field is wrong', () => {
    expect(() => parseCron('* * * *')).toThrow('a cron expression has 5 fields');
    expect(() => parseCron('60 * * * *')).toThrow("cron minute value '60'");
    expect(() => parseCron('* 5-2 * * *')).toThrow("cron hour range '5-2' runs backwards");
    expect(() => parseCron('*/0 * * * *')).toThrow('step must be 1 or more');
    expect(() => parseCron('0 0 31 feb *')).toThrow('never fires');
    expect(() => parseCron('0 0 * * funday')).toThrow("cron day of week value 'funday'");
  });

  it('schedules: intervals and cron, and their usual period', () => {
    expect(parseSchedule('5m')).toMatchObject({ kind: 'interval', everyMs: 300_000 });
    expect(parseSchedule('1h30m')).toMatchObject({ kind: 'interval', everyMs: 5_400_000 });
    expect(parseSchedule('*/10 * * * *').kind).toBe('cron');
    expect(() => parseSchedule('5 minutes')).toThrow();
    expect(() => parseSchedule('1s')).toThrow('too short');
    expect(() => parseSchedule('often')).toThrow("'often' is neither an interval");
    expect(schedulePeriod(parseSchedule('*/10 * * * *'), Date.parse('2026-03-03T00:03:00Z'))).toBe(600_000);
  });
});
