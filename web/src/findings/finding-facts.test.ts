import { describe, expect, it } from 'vitest';
import { findingFacts, findingSeries } from './finding-facts';

describe("a finding's observed vs. usual", () => {
  it('reads the figures each rule records, with their usual values', () => {
    expect(findingFacts('status-spike', { observed: 298, expected: 23, factor: 13 }, 298)).toEqual([
      { key: 'rows', observed: 298, usual: 23, unit: 'count' },
      { key: 'factor', observed: 13, unit: 'factor' },
    ]);
    expect(
      findingFacts(
        'outbound-burst',
        { observed: { rows: 400, offHours: 300, newDomains: 0, failed: 2 }, usual: { rows: 20, offHours: 1 } },
        400,
      ),
    ).toEqual([
      { key: 'rows', observed: 400, usual: 20, unit: 'count' },
      { key: 'offHours', observed: 300, usual: 1, unit: 'count' },
      { key: 'newDomains', observed: 0, usual: null, unit: 'count' },
      { key: 'failed', observed: 2, usual: null, unit: 'count' },
    ]);
    expect(findingFacts('large-transfer', { bytes: 5e9, usualBytes: null, limitBytes: 1e9, messages: 3 }, 3)[0]).toEqual({
      key: 'bytes',
      observed: 5e9,
      usual: null,
      unit: 'bytes',
    });
    expect(findingFacts('threat-intel-match', { indicators: [{}, {}], delivered: 1, blocked: 0 }, 1).map((f) => f.observed)).toEqual([
      2, 1, 0,
    ]);
    expect(findingFacts('partner-compromise', { usualCountries: ['JP', 'US'], newOrigins: [{}] }, 9)).toContainEqual({
      key: 'usualCountries',
      observed: 'JP, US',
      unit: 'count',
    });
  });

  it('shows nothing it cannot read: unknown rules, missing or odd details', () => {
    expect(findingFacts('no-such-rule', { observed: 1 }, 1)).toEqual([]);
    expect(findingFacts('status-spike', { observed: '<img src=x onerror=alert(1)>', factor: null }, 1)).toEqual([]);
  });

  it('reads the hourly or daily series in time order, skipping broken points', () => {
    expect(
      findingSeries({
        series: [
          { hour: '2026-03-02T01:00:00.000Z', observed: 90, expected: 3 },
          { hour: '2026-03-02T00:00:00.000Z', observed: 2, expected: null },
          { hour: 'nope', observed: 1 },
          'x',
        ],
      }),
    ).toEqual({
      points: [
        { at: Date.parse('2026-03-02T00:00:00Z'), observed: 2, expected: null },
        { at: Date.parse('2026-03-02T01:00:00Z'), observed: 90, expected: 3 },
      ],
      hourly: true,
      unit: 'count',
    });
    expect(findingSeries({ series: [{ day: '2026-03-01T15:00:00.000Z', observed: 8, expected: 9 }], seriesUnit: 'bytes' })).toEqual({
      points: [{ at: Date.parse('2026-03-01T15:00:00Z'), observed: 8, expected: 9 }],
      hourly: false,
      unit: 'bytes',
    });
    expect(findingSeries({ series: 'x' }).points).toEqual([]);
  });
});
