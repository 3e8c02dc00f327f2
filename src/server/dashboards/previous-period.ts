/** The period a stat compares with: the one before the range, as long on the local clock (DST-aware). */
import { instantOfWallClock, wallClockOf } from '../../config/index.js';

/**
 * The period before [from, to): the same local wall-clock span, ending at `from`. A local day across a clock change
 * (23 h, or 23.5 h at Lord Howe) compares with the whole local day before, not with a span of the same hours that
 * starts at 00:30; without a zone, the same number of milliseconds.
 */
export function previousPeriod(from: number, to: number, zone?: string): { from: number; to: number } {
  if (!zone) return { from: from - (to - from), to: from };
  const start = wallClockOf(from, zone);
  const span = wallClockOf(to, zone) - start;
  return { from: instantOfWallClock(start - span, zone), to: from };
}
