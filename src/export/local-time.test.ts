import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';
import { localizeRows } from './local-time.js';

describe('exported times', () => {
  const columns = [
    { name: 'Time', type: 'datetime' },
    { name: 'Note', type: 'string' },
    { name: 'Count', type: 'long' },
  ];

  it('writes datetime columns as local time with the offset, nothing else', () => {
    const rows = [
      ['2026-11-25T15:00:00.000Z', '2026-11-25T15:00:00.000Z', 3],
      [null, 'x', 1],
    ];
    expect(localizeRows(columns, rows, 'Asia/Tokyo')).toEqual([
      ['2026-11-26T00:00:00+09:00', '2026-11-25T15:00:00.000Z', 3],
      [null, 'x', 1],
    ]);
    expect(localizeRows(columns, rows, 'America/New_York')[0]![0]).toBe('2026-11-25T10:00:00-05:00');
  });

  it('gives a CSV whose daily bucket reads as the local day', () => {
    const csv = toCsv(columns, localizeRows(columns, [['2026-11-25T15:00:00.000Z', 'a', 1]], 'Asia/Tokyo'));
    expect(csv).toBe('Time,Note,Count\r\n2026-11-26T00:00:00+09:00,a,1\r\n');
  });

  it('keeps the microseconds of a result datetime', () => {
    const rows = [['2026-11-25T15:00:00.123456Z'], ['2026-11-25T15:00:00.000001Z'], ['1969-12-31T23:59:59.999999Z']];
    expect(localizeRows([{ name: 'T', type: 'datetime' }], rows, 'Asia/Tokyo')).toEqual([
      ['2026-11-26T00:00:00.123456+09:00'],
      ['2026-11-26T00:00:00.000001+09:00'],
      ['1970-01-01T08:59:59.999999+09:00'],
    ]);
  });
});
