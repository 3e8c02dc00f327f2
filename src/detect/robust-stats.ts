/** Robust statistics for baselines: median and median absolute deviation. */

/** Median of the values (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation scaled to estimate a standard deviation (x 1.4826). */
export function mad(values: readonly number[], center = median(values)): number {
  if (values.length === 0) return 0;
  return 1.4826 * median(values.map((v) => Math.abs(v - center)));
}

/** Sum of the values. */
export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
