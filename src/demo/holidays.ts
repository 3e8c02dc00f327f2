/** Japanese public holidays and common company closures, by local calendar date (yyyy-mm-dd). */

function key(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day of month of the n-th Monday of a month. */
function nthMonday(y: number, m: number, n: number): number {
  const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const firstMonday = 1 + ((8 - first) % 7);
  return firstMonday + (n - 1) * 7;
}

/** Holidays of one year, with substitute holidays (振替休日) and the usual company closures. */
export function japaneseHolidays(y: number): Set<string> {
  const dates: Array<[number, number]> = [
    [1, 1],
    [2, 11],
    [2, 23],
    [4, 29],
    [5, 3],
    [5, 4],
    [5, 5],
    [8, 11],
    [11, 3],
    [11, 23],
    [1, nthMonday(y, 1, 2)],
    [7, nthMonday(y, 7, 3)],
    [9, nthMonday(y, 9, 3)],
    [10, nthMonday(y, 10, 2)],
  ];
  // Equinox days by the usual approximation (valid 1980-2099), as the Cabinet Office publishes them.
  const leap = Math.floor((y - 1980) / 4);
  dates.push([3, Math.floor(20.8431 + 0.242194 * (y - 1980) - leap)]);
  dates.push([9, Math.floor(23.2488 + 0.242194 * (y - 1980) - leap)]);
  const out = new Set<string>();
  for (const [m, d] of dates) out.add(key(y, m, d));
  for (const [m, d] of dates) {
    if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() !== 0) continue;
    let next = new Date(Date.UTC(y, m - 1, d + 1));
    while (out.has(key(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()))) {
      next = new Date(next.getTime() + 86_400_000);
    }
    out.add(key(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()));
  }
  // Year-end and Obon closures most Japanese companies observe.
  for (const d of [29, 30, 31]) out.add(key(y, 12, d));
  for (const d of [2, 3]) out.add(key(y, 1, d));
  for (const d of [13, 14, 15, 16]) out.add(key(y, 8, d));
  return out;
}
