import { describe, expect, it } from 'vitest';
import { isoSeconds, planWindows } from './windows.js';

const MIN = 60_000;
const DAY = 86_400_000;
const now = Date.parse('2026-03-01T12:00:30.500Z');
const base = { now, lag: 15 * MIN, lookback: DAY, initialLookback: 7 * DAY, maxWindowMs: 10 * DAY, maxAgeMs: 90 * DAY };

describe('planWindows', () => {
  it('first run: initialLookback up to now minus lag, on whole seconds', () => {
    const p = planWindows(base);
    expect(p.windows.map((w) => [isoSeconds(w.start), isoSeconds(w.end)])).toEqual([['2026-02-22T12:00:31Z', '2026-03-01T11:45:30Z']]);
  });

  it('later runs start at the checkpoint minus lookback', () => {
    const p = planWindows({ ...base, checkpoint: Date.parse('2026-03-01T11:40:00Z') });
    expect(p.windows.map((w) => [isoSeconds(w.start), isoSeconds(w.end)])).toEqual([['2026-02-28T11:40:00Z', '2026-03-01T11:45:30Z']]);
  });

  it('splits into contiguous windows of at most the maximum', () => {
    const p = planWindows({ ...base, initialLookback: 89 * DAY });
    expect(p.windows.length).toBe(9);
    for (let i = 1; i < p.windows.length; i++) expect(p.windows[i]!.start).toBe(p.windows[i - 1]!.end);
    for (const w of p.windows) expect(w.end - w.start).toBeLessThanOrEqual(10 * DAY);
  });

  it('never starts older than the service keeps, and reports what was lost', () => {
    const checkpoint = now - 120 * DAY;
    const p = planWindows({ ...base, checkpoint });
    expect(p.windows[0]!.start).toBeGreaterThan(now - 90 * DAY);
    expect(p.gap).toEqual({ start: Math.floor(checkpoint / 1000) * 1000, end: p.windows[0]!.start });
  });

  it('plans nothing while the lag has not passed', () => {
    expect(planWindows({ ...base, checkpoint: now - 5 * MIN, lookback: 0 }).windows).toEqual([]);
  });
});
