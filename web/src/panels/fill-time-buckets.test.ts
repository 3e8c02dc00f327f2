// Filling time series: every bucket of the range is present, 0 where the result has no row, for every series.
import { describe, expect, it } from 'vitest';
import { bucketStart, bucketStarts, fillTimeBuckets, MAX_BUCKETS, type SeriesTable } from './fill-time-buckets';

const HOUR = 3_600_000;
const DAY = 86_400_000;
// Days from Tokyo midnight, as the API bins them for a viewer in Japan.
const TOKYO_DAYS = { stepMs: DAY, originMs: -9 * HOUR };
const iso = (t: number) => new Date(t).toISOString();
// Tokyo midnight of 2026-11-01 is 2026-10-31T15:00Z.
const nov = (day: number) => Date.UTC(2026, 9, 31, 15) + (day - 1) * DAY;

const statusTable = (rows: unknown[][]): SeriesTable => ({
  columns: [
    { name: 'Time', type: 'datetime' },
    { name: 'Status', type: 'string' },
    { name: 'Count', type: 'long' },
  ],
  rows,
});

describe('bucketStarts', () => {
  it('starts at the first bucket at or after from and stops before to', () => {
    expect(bucketStarts(TOKYO_DAYS, nov(1), nov(4))).toEqual([nov(1), nov(2), nov(3)]);
    // A range starting mid-day: the partial day before is not a bucket of the range.
    expect(bucketStarts(TOKYO_DAYS, nov(1) + 5 * HOUR, nov(3) + 1)).toEqual([nov(2), nov(3)]);
    expect(bucketStarts({ stepMs: HOUR, originMs: 0 }, Date.UTC(2026, 10, 1, 9, 30), Date.UTC(2026, 10, 1, 12))).toEqual([
      Date.UTC(2026, 10, 1, 10),
      Date.UTC(2026, 10, 1, 11),
    ]);
  });

  it('takes the listed starts when the days are of unequal length (New York, end of DST on 2026-11-01)', () => {
    const ny = { stepMs: DAY, originMs: 4 * HOUR, starts: [Date.UTC(2026, 9, 31, 4), Date.UTC(2026, 10, 1, 4), Date.UTC(2026, 10, 2, 5)] };
    expect(bucketStarts(ny, Date.UTC(2026, 9, 31, 4), Date.UTC(2026, 10, 3, 5))).toEqual(ny.starts);
    expect(bucketStarts(ny, Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 2, 5))).toEqual([Date.UTC(2026, 10, 1, 4)]);
  });

  it('gives nothing for an empty or inverted range, a bad step, or too many buckets', () => {
    expect(bucketStarts(TOKYO_DAYS, nov(2), nov(2))).toEqual([]);
    expect(bucketStarts(TOKYO_DAYS, nov(3), nov(2))).toEqual([]);
    expect(bucketStarts({ stepMs: 0, originMs: 0 }, nov(1), nov(3))).toEqual([]);
    expect(bucketStarts({ stepMs: HOUR, originMs: 0 }, 0, (MAX_BUCKETS + 2) * HOUR)).toEqual([]);
    expect(bucketStarts({ stepMs: HOUR, originMs: 0 }, 0, MAX_BUCKETS * HOUR)).toHaveLength(MAX_BUCKETS);
  });

  it('finds the bucket of a time before the origin too', () => {
    expect(bucketStart(-1, { stepMs: DAY, originMs: 0 })).toBe(-DAY);
    expect(bucketStart(nov(2) + 3 * HOUR, TOKYO_DAYS)).toBe(nov(2));
  });
});

describe('fillTimeBuckets', () => {
  it('adds a 0 row for a day without mail, for every series, sorted by time', () => {
    const table = statusTable([
      [iso(nov(1)), 'Delivered', 10],
      [iso(nov(1)), 'Failed', 2],
      [iso(nov(3)), 'Delivered', 7],
    ]);
    const out = fillTimeBuckets(table, { x: 'Time', y: 'Count', series: 'Status' }, TOKYO_DAYS, nov(1), nov(4));
    expect(out.rows).toEqual([
      ['2026-10-31T15:00:00.000Z', 'Delivered', 10],
      ['2026-10-31T15:00:00.000Z', 'Failed', 2],
      ['2026-11-01T15:00:00.000Z', 'Delivered', 0],
      ['2026-11-01T15:00:00.000Z', 'Failed', 0],
      ['2026-11-02T15:00:00.000Z', 'Delivered', 7],
      ['2026-11-02T15:00:00.000Z', 'Failed', 0],
    ]);
    expect(out.columns).toBe(table.columns);
    // The input is left alone.
    expect(table.rows).toHaveLength(3);
  });

  it('keeps rows outside the range (the partial first bucket) and fills only the buckets of the range', () => {
    const table = statusTable([
      [iso(nov(3)), 'Delivered', 4],
      [iso(nov(1)), 'Delivered', 5],
    ]);
    const out = fillTimeBuckets(table, { x: 'Time', y: 'Count', series: 'Status' }, TOKYO_DAYS, nov(1) + 14 * HOUR, nov(5) + 14 * HOUR);
    expect(out.rows.map((r) => [Date.parse(String(r[0])), r[2]])).toEqual([
      [nov(1), 5],
      [nov(2), 0],
      [nov(3), 4],
      [nov(4), 0],
      [nov(5), 0],
    ]);
  });

  it('fills a table without a series column as one series, zeros everywhere when it has no rows', () => {
    const columns = [
      { name: 'Time', type: 'datetime' },
      { name: 'Bytes', type: 'long' },
    ];
    const hours = { stepMs: HOUR, originMs: 0 };
    const from = Date.UTC(2026, 10, 1, 0);
    const out = fillTimeBuckets({ columns, rows: [[iso(from + HOUR), 99]] }, { x: 'Time', y: 'Bytes' }, hours, from, from + 3 * HOUR);
    expect(out.rows).toEqual([
      [iso(from), 0],
      [iso(from + HOUR), 99],
      [iso(from + 2 * HOUR), 0],
    ]);
    expect(fillTimeBuckets({ columns, rows: [] }, { x: 'Time', y: 'Bytes' }, hours, from, from + 2 * HOUR).rows).toEqual([
      [iso(from), 0],
      [iso(from + HOUR), 0],
    ]);
  });

  it('adds nothing when a series column has no rows (there is no series to draw)', () => {
    expect(fillTimeBuckets(statusTable([]), { x: 'Time', y: 'Count', series: 'Status' }, TOKYO_DAYS, nov(1), nov(3)).rows).toEqual([]);
  });

  it('gives extra columns null and keeps an empty series name as it was', () => {
    const table: SeriesTable = {
      columns: [
        { name: 'Time', type: 'datetime' },
        { name: 'Direction', type: 'string' },
        { name: 'Count', type: 'long' },
        { name: 'Note', type: 'string' },
      ],
      rows: [[iso(nov(1)), null, 3, 'x']],
    };
    const out = fillTimeBuckets(table, { x: 'Time', y: 'Count', series: 'Direction' }, TOKYO_DAYS, nov(1), nov(3));
    expect(out.rows).toEqual([
      [iso(nov(1)), null, 3, 'x'],
      [iso(nov(2)), null, 0, null],
    ]);
  });

  it('leaves tables alone whose x is not a time or whose columns are missing', () => {
    const byRule: SeriesTable = {
      columns: [
        { name: 'Rule', type: 'string' },
        { name: 'Count', type: 'long' },
      ],
      rows: [
        ['b', 1],
        ['a', 2],
      ],
    };
    expect(fillTimeBuckets(byRule, { x: 'Rule', y: 'Count' }, TOKYO_DAYS, nov(1), nov(3))).toBe(byRule);
    const t = statusTable([[iso(nov(1)), 'Delivered', 1]]);
    expect(fillTimeBuckets(t, { x: 'Time', y: 'Nope' }, TOKYO_DAYS, nov(1), nov(3))).toBe(t);
  });

  it('only sorts when the range has too many buckets to fill', () => {
    const t = statusTable([
      [iso(nov(2)), 'Delivered', 1],
      [iso(nov(1)), 'Delivered', 2],
    ]);
    const out = fillTimeBuckets(t, { x: 'Time', y: 'Count', series: 'Status' }, { stepMs: 1, originMs: 0 }, nov(1), nov(3));
    expect(out.rows).toEqual([
      [iso(nov(1)), 'Delivered', 2],
      [iso(nov(2)), 'Delivered', 1],
    ]);
  });
});
