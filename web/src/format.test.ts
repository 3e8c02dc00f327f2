import { afterEach, describe, expect, it } from 'vitest';
import {
  configureFormat,
  formatAgo,
  formatBucket,
  formatBytes,
  formatCount,
  formatTime,
  fromZoneInput,
  toZoneInput,
  zoneName,
} from './format';
import { en, setStrings } from './strings';
import { ja } from './strings-ja';

const T = Date.parse('2026-11-26T00:00:00Z');

describe('formatting in the viewer language and zone', () => {
  afterEach(() => {
    setStrings(en);
    configureFormat({ locale: 'en-US', timeZone: 'UTC' });
  });

  it('writes Japanese dates in Tokyo time', () => {
    setStrings(ja);
    configureFormat({ locale: 'ja-JP', timeZone: 'Asia/Tokyo' });
    expect(formatTime(T)).toBe('2026年11月26日 09:00 JST');
    expect(formatBucket(Date.parse('2026-11-25T15:00:00Z'), false)).toBe('11月26日');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatAgo(T - 12 * 60_000, T)).toBe('12 分前');
    expect(zoneName(T)).toBe('JST');
  });

  it('writes English dates in New York time', () => {
    configureFormat({ locale: 'en-US', timeZone: 'America/New_York' });
    expect(formatTime(T)).toBe('Nov 25, 2026, 19:00 EST');
    expect(formatBucket(Date.parse('2026-11-26T05:00:00Z'), false)).toBe('Nov 26');
    expect(formatAgo(T - 12 * 60_000, T)).toBe('12 min ago');
  });

  it('reads and writes wall-clock inputs in the shown zone, not the browser zone', () => {
    configureFormat({ locale: 'ja-JP', timeZone: 'Asia/Tokyo' });
    expect(toZoneInput(T)).toBe('2026-11-26T09:00');
    expect(fromZoneInput('2026-11-26T09:00')).toBe(T);
    configureFormat({ locale: 'en-US', timeZone: 'America/New_York' });
    expect(toZoneInput(T)).toBe('2026-11-25T19:00');
    expect(fromZoneInput('2026-11-25T19:00')).toBe(T);
    // Summer time: -04:00.
    expect(fromZoneInput('2026-07-01T08:00')).toBe(Date.parse('2026-07-01T12:00:00Z'));
  });
});
