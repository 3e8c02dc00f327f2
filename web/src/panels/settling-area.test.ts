// The settling part of a time series: which buckets hold data newer than the collectors' complete-up-to, and how it is drawn.
import { describe, expect, it } from 'vitest';
import { firstSettlingIndex, inferStep, SETTLING_DECAL, SETTLING_OPACITY, settlingBarItem, settlingMarkArea } from './settling-area';

const HOUR = 3_600_000;
const starts = [0, 1, 2, 3, 4, 5].map((h) => h * HOUR);

describe('firstSettlingIndex', () => {
  it('is the bucket holding the settled-until time, or the first one after it', () => {
    expect(firstSettlingIndex(starts, HOUR, 3.5 * HOUR)).toBe(3);
    // A bucket ending exactly at the settled-until time is settled.
    expect(firstSettlingIndex(starts, HOUR, 3 * HOUR)).toBe(3);
    expect(firstSettlingIndex(starts, HOUR, 3 * HOUR - 1)).toBe(2);
  });

  it('marks everything when nothing is settled yet, nothing when all is', () => {
    expect(firstSettlingIndex(starts, HOUR, -HOUR)).toBe(0);
    expect(firstSettlingIndex(starts, HOUR, 6 * HOUR)).toBeUndefined();
    expect(firstSettlingIndex(starts, HOUR, null)).toBeUndefined();
    expect(firstSettlingIndex(starts, HOUR, undefined)).toBeUndefined();
    expect(firstSettlingIndex(starts, HOUR, Number.NaN)).toBeUndefined();
    expect(firstSettlingIndex([], HOUR, 0)).toBeUndefined();
  });

  it('treats points without a known width as instants', () => {
    expect(firstSettlingIndex(starts, 0, 3 * HOUR)).toBe(4);
  });
});

describe('inferStep', () => {
  it('is the shortest gap between bucket starts', () => {
    expect(inferStep([0, 2 * HOUR, 3 * HOUR, 7 * HOUR])).toBe(HOUR);
    expect(inferStep([5])).toBe(0);
    expect(inferStep([])).toBe(0);
  });
});

describe('settling marks', () => {
  it('shades the settling categories over the whole plot height, without reacting to the mouse', () => {
    const area = settlingMarkArea(3, 5);
    expect(area).toMatchObject({ silent: true, label: { show: false }, data: [[{ xAxis: 3 }, { xAxis: 5 }]] });
    expect((area.data as unknown[][])[0]![0]).not.toHaveProperty('yAxis');
    expect(String((area.itemStyle as { color: string }).color)).toMatch(/^rgba\(.+, 0\.\d+\)$/);
    // One settling category: start and end are the same band.
    expect(settlingMarkArea(5, 5).data).toEqual([[{ xAxis: 5 }, { xAxis: 5 }]]);
    expect(settlingMarkArea(5, 2).data).toEqual([[{ xAxis: 5 }, { xAxis: 5 }]]);
  });

  it('draws a settling bar lighter and hatched, keeping its value', () => {
    expect(settlingBarItem(42)).toEqual({ value: 42, itemStyle: { opacity: SETTLING_OPACITY, decal: SETTLING_DECAL } });
    expect(SETTLING_OPACITY).toBeGreaterThan(0.3);
    expect(SETTLING_OPACITY).toBeLessThan(1);
  });
});
