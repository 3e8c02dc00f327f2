/**
 * Times of EAC CSV reports: ISO 8601, the US `M/D/YYYY h:mm:ss AM` the admin center writes in some downloads,
 * and `YYYY/MM/DD H:mm[:ss]` as Excel writes dates on a Japanese Windows (`2026/12/01 1:15:30`).
 * Times without a zone of their own are in the zone of the column header (`Date (UTC+09:00)`), UTC by default.
 */
import { fastTime } from '../shared/index.js';

const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$/i;
const YMD = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const OWN_ZONE = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** Milliseconds since the epoch, or NaN. `offsetMinutes` is the zone of the column (east of UTC positive). */
export function parseEacTime(raw: string, offsetMinutes = 0): number {
  const s = raw.trim();
  const t = fastTime(s);
  if (t === t) return OWN_ZONE.test(s) ? t : t - offsetMinutes * 60_000;
  let y: number, month: number, day: number, h: number, mi: number, sec: number;
  const us = US.exec(s);
  const ymd = us ? undefined : YMD.exec(s);
  if (us) {
    const [, mo, d, yy, hh, mm, ss, ampm] = us;
    [y, month, day, h, mi, sec] = [Number(yy), Number(mo), Number(d), Number(hh), Number(mm), ss ? Number(ss) : 0];
    if (ampm) {
      if (h < 1 || h > 12) return NaN;
      h = (h % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
    }
  } else if (ymd) {
    const [, yy, mo, d, hh, mm, ss] = ymd;
    [y, month, day, h, mi, sec] = [Number(yy), Number(mo), Number(d), Number(hh), Number(mm), ss ? Number(ss) : 0];
  } else {
    return NaN;
  }
  const ms = Date.UTC(y, month - 1, day, h, mi, sec);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || h > 23 || mi > 59 || sec > 59) return NaN;
  return ms - offsetMinutes * 60_000;
}

/** The zone a column header names, in minutes east of UTC: `Date (UTC+09:00)` -> 540, `日付 (UTC)` -> 0; undefined when none. */
export function headerZone(name: string): number | undefined {
  const m = /\(\s*(?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)/i.exec(name);
  if (!m) return undefined;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + (m[3] ? Number(m[3]) : 0);
  return m[1] === '-' ? -minutes : minutes;
}
