/** Parsing of the time formats found in message-trace inputs into milliseconds since the epoch (UTC). */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/**
 * Milliseconds since the epoch for an ISO 8601 time (a missing zone means UTC, as the
 * Reporting Web Service omits it) or an OData `/Date(ms)/`; NaN when it is neither.
 */
export function parseTime(raw: string): number {
  const s = raw.trim();
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, zone] = iso;
    const ms = frac ? Number((frac + '00').slice(0, 3)) : 0;
    let t = utc(+y!, +mo! - 1, +d!, +h!, +mi!, sec ? +sec : 0, ms);
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    }
    // Reject calendar overflow such as 2026-02-31 that Date.UTC silently rolls over.
    const check = new Date(utc(+y!, +mo! - 1, +d!, 0, 0, 0, 0));
    if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h! > 23 || +mi! > 59) return NaN;
    return t;
  }
  const od = MS_DATE.exec(s.replace(/\\\//g, '/'));
  if (od) return Number(od[1]);
  return NaN;
}

/** Date.UTC, except that years 0-99 are those years (Date.UTC reads them as 1900-1999: datetime(0001-01-01)). */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

/** ISO 8601 with milliseconds and Z. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString();
}
