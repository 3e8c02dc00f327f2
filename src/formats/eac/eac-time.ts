/** Times of EAC CSV reports: ISO 8601 (UTC), or the US `M/D/YYYY h:mm:ss AM` the admin center writes in some downloads. */
import { fastTime } from '../shared/index.js';

const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$/i;

/** Milliseconds since the epoch (the reports are in UTC), or NaN. */
export function parseEacTime(raw: string): number {
  const t = fastTime(raw);
  if (t === t) return t;
  const m = US.exec(raw.trim());
  if (!m) return NaN;
  const [, mo, d, y, hh, mi, ss, ampm] = m;
  let h = Number(hh);
  if (ampm) {
    if (h < 1 || h > 12) return NaN;
    h = (h % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
  }
  const month = Number(mo);
  const day = Number(d);
  const ms = Date.UTC(Number(y), month - 1, day, h, Number(mi), ss ? Number(ss) : 0);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || h > 23 || Number(mi) > 59) return NaN;
  return ms;
}
