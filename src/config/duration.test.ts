import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

describe('durations', () => {
  it('reads units, combinations, decimals and bare seconds', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1h 30m')).toBe(5_400_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('2w')).toBe(1_209_600_000);
    expect(parseDuration('100ms')).toBe(100);
    expect(parseDuration(90)).toBe(90_000);
    expect(parseDuration('90')).toBe(90_000);
  });
  it('refuses what is not a duration', () => {
    for (const bad of ['', '5 minutes', 'm', '5x', '-5m', '5m!']) expect(parseDuration(bad), bad).toBeNaN();
    expect(parseDuration(-1)).toBeNaN();
  });
  it('renders the largest whole unit', () => {
    expect(formatDuration(604_800_000)).toBe('7d');
    expect(formatDuration(90_000)).toBe('90s');
    expect(formatDuration(1500.4)).toBe('1500ms');
  });
});
