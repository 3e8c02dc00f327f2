/** Time parsing for the hot path: the common shapes without a regex, everything else through the schema's parseTime. */
import { parseTime } from '../../schema/index.js';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Value of `len` ASCII digits at `at`, or -1 when one of them is not a digit. */
function digits(s: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil), without a Date object. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Milliseconds since the epoch, as `parseTime` gives them, for ISO times (`2022-07-25T12:26:13.2403477`,
 * with or without `Z`) and OData `/Date(ms)/`; NaN when the value is not a time.
 */
export function fastTime(s: string): number {
  const len = s.length;
  if (len >= 19 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58) {
    const t = s.charCodeAt(10);
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    const h = digits(s, 11, 2);
    const mi = digits(s, 14, 2);
    const sec = digits(s, 17, 2);
    let i = 19;
    let ms = 0;
    if (i < len && s.charCodeAt(i) === 46) {
      i++;
      let scale = 100;
      const fracStart = i;
      while (i < len) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        ms += c * scale;
        scale /= 10;
        i++;
      }
      ms = Math.floor(ms);
      if (i === fracStart) i = -1;
    }
    if (i === len - 1 && s.charCodeAt(i) === 90) i++;
    if (
      i === len &&
      (t === 84 || t === 32) &&
      y >= 0 &&
      mo >= 1 &&
      mo <= 12 &&
      d >= 1 &&
      h >= 0 &&
      h <= 23 &&
      mi >= 0 &&
      mi <= 59 &&
      sec >= 0 &&
      sec <= 59 &&
      d <= (DAYS_IN_MONTH[mo - 1] ?? 0) &&
      (mo !== 2 || d <= 28 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)))
    ) {
      return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms;
    }
    return parseTime(s);
  }
  if (len > 8 && s.charCodeAt(0) === 47 && s.charCodeAt(5) === 40 && s.startsWith('/Date(')) {
    let i = 6;
    let neg = false;
    if (s.charCodeAt(i) === 45) {
      neg = true;
      i++;
    }
    const from = i;
    let n = 0;
    while (i < len) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      n = n * 10 + c;
      i++;
    }
    // `/Date(ms+0900)/` (an informational offset) goes the slow way; parseTime gives the same UTC ms.
    if (i > from && i === len - 2 && s.charCodeAt(i) === 41 && s.charCodeAt(i + 1) === 47) return neg ? -n : n;
    return parseTime(s);
  }
  return parseTime(s);
}
