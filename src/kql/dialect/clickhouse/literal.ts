/** Values inlined into ClickHouse SQL (18.16 has no query parameters): strings only through escapeString. */
import type { ColumnType } from '../../../schema/index.js';
import { escapeString } from './escape.js';

/** A constant of `type` for `value`; throws for a value that is not of that type (never text pasted into SQL). */
export function literal(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') {
    if (type === 'datetime') {
      const micros = microsOfIso(value);
      if (micros === undefined) throw new Error(`not a datetime: ${JSON.stringify(value)}`);
      return `toInt64(${micros})`;
    }
    return escapeString(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'bigint') return `toInt64(${value.toString()})`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    if (type === 'real') return `toFloat64(${Number.isInteger(value) ? `${value}.0` : String(value)})`;
    if (type === 'datetime') return `toInt64(${Math.round(value * 1000)})`;
    return Number.isInteger(value) ? `toInt64(${value})` : `toFloat64(${value})`;
  }
  throw new Error(`cannot inline a ${typeof value} as ${type}`);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Microseconds since 1970 of ISO text ('2026-11-01 10:00:00.123456', '...T10:00:00Z', an offset), exact to the
 * microsecond (a 7th fraction digit is dropped, as everywhere in mailsift); other text as Date.parse reads it.
 */
export function microsOfIso(text: string): bigint | undefined {
  const m = ISO.exec(text);
  if (!m) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : BigInt(ms) * 1000n;
  }
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone = 'Z'] = m;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(sec), 0);
  if (Number.isNaN(date.getTime())) return undefined;
  const offsetMinutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return (BigInt(date.getTime()) - BigInt(offsetMinutes) * 60_000n) * 1000n + BigInt(frac.slice(0, 6).padEnd(6, '0') || '0');
}
