import { describe, expect, it } from 'vitest';
import { spanMarkArea, spanMarks } from './span-marks';

const DAY = 86_400_000;
const starts = [0, 1, 2, 3, 4].map((d) => Date.UTC(2026, 10, 1) + d * DAY);
const columns = [{ name: 'Start' }, { name: 'End' }, { name: 'Label' }, { name: 'Id' }];
const iso = (t: number) => new Date(t).toISOString();

describe('spanMarks', () => {
  it('maps each span to the buckets it overlaps, a point in time to its own bucket', () => {
    const rows = [
      [iso(starts[1]! + 3_600_000), iso(starts[2]! + 7_200_000), 'Quarantined 9x above usual', 'f1'],
      [iso(starts[4]! + 60_000), iso(starts[4]! + 60_000), 'one hour', 'f2'],
    ];
    expect(spanMarks(columns, rows, starts, DAY).map((s) => [s.first, s.last, s.id, s.label])).toEqual([
      [1, 2, 'f1', 'Quarantined 9x above usual'],
      [4, 4, 'f2', 'one hour'],
    ]);
  });

  it("labels a span with the finding's title in the viewer's language when the query gives Titles", () => {
    const cols = [...columns, { name: 'Titles' }];
    const ja = '迷惑メール判定 が通常の 9.8 倍に増加';
    const rows = [
      [iso(starts[1]!), iso(starts[1]!), 'FilteredAsSpam 9.8x above its usual level', 'f1', { ja }],
      [iso(starts[2]!), iso(starts[2]!), 'Failed 3x above its usual level', 'f2', JSON.stringify({ ja: '失敗 が通常の 3 倍に増加' })],
      [iso(starts[3]!), iso(starts[3]!), 'older finding without titles', 'f3', null],
    ];
    expect(spanMarks(cols, rows, starts, DAY, 'ja').map((s) => s.label)).toEqual([
      ja,
      '失敗 が通常の 3 倍に増加',
      'older finding without titles',
    ]);
    expect(spanMarks(cols, rows, starts, DAY, 'en').map((s) => s.label)).toEqual([
      'FilteredAsSpam 9.8x above its usual level',
      'Failed 3x above its usual level',
      'older finding without titles',
    ]);
  });

  it('leaves out spans outside the buckets, unreadable times, and results without a Start column', () => {
    const rows = [
      [iso(starts[0]! - 3 * DAY), iso(starts[0]! - 2 * DAY), 'before', 'a'],
      [iso(starts[4]! + 2 * DAY), iso(starts[4]! + 3 * DAY), 'after', 'b'],
      ['not a time', '', 'x', 'c'],
    ];
    expect(spanMarks(columns, rows, starts, DAY)).toEqual([]);
    expect(spanMarks([{ name: 'When' }], [[iso(starts[1]!)]], starts, DAY)).toEqual([]);
  });

  it('treats an end before the start as a point', () => {
    const [mark] = spanMarks(columns, [[iso(starts[3]!), iso(starts[0]!), 'odd', 'z']], starts, DAY);
    expect([mark!.first, mark!.last]).toEqual([3, 3]);
  });
});

describe('spanMarkArea', () => {
  it('shades one area per span, labelled', () => {
    const spans = spanMarks(columns, [[iso(starts[1]!), iso(starts[2]!), 'x', 'f1']], starts, DAY);
    const area = spanMarkArea(spans, 'spike');
    expect(area.data).toEqual([[{ xAxis: 1 }, { xAxis: 2 }]]);
    expect((area.label as { formatter: string }).formatter).toBe('spike');
  });
});
