/** Coercions from loosely typed input values (JSON or CSV) to the column types, shared by the parsers. */
import { normalizeStatus } from '../../schema/index.js';
import type { Status } from '../../schema/index.js';
import { fastTime } from './fast-time.js';

/** A string column: '' for null and absent values, numbers and booleans as text. */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v == null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * A time column in ms since the epoch, or NaN. PowerShell's ConvertTo-Json sometimes writes a DateTime
 * as an object whose `value` holds the `/Date(ms)/` string, so that shape is read too.
 */
export function timeOf(v: unknown): number {
  if (typeof v === 'string') return fastTime(v);
  if (v != null && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string') {
    return fastTime((v as { value: string }).value);
  }
  return NaN;
}

/** A size in bytes: 0 for null and absent, the number for numbers and numeric text, NaN otherwise. */
export function sizeOf(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.trunc(v) : NaN;
  if (v == null || v === '') return 0;
  if (typeof v === 'string') {
    const n = Number(v.trim().replace(/,/g, ''));
    return Number.isFinite(n) && n >= 0 ? Math.trunc(n) : NaN;
  }
  return NaN;
}

const statusCache = new Map<string, Status | undefined>();

/** Canonical status of a raw value (any case), undefined when it is not a status; cached for the hot path. */
export function statusOf(v: unknown): Status | undefined {
  if (v == null) return normalizeStatus(null);
  if (typeof v !== 'string') return undefined;
  let s = statusCache.get(v);
  if (s === undefined && !statusCache.has(v)) {
    s = normalizeStatus(v);
    // Raw values are attacker-influenced: keep the cache small.
    if (statusCache.size < 256) statusCache.set(v, s);
  }
  return s;
}

/** A short quoted rendering of a bad value for a reject reason. */
export function quoteValue(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}...` : s);
}

/** A value of the `Data` XML of a trace detail: `<MEP Name="ClientIP" String="203.0.113.5" />` ('' when absent). */
export function mepValue(data: string, name: string): string {
  const at = data.indexOf(`Name="${name}"`);
  if (at < 0) return '';
  const m = /^Name="[^"]*"\s+(?:String|Value|Long|Integer|Blob)="([^"]*)"/.exec(data.slice(at, at + 400));
  return m ? m[1]! : '';
}
