/** Reading KQL results in the rules: dynamic arrays (JSON text or arrays), datetimes (ISO text) and counts. */
import { toEpochMs } from './time-zone.js';

/** A dynamic array of strings (make_set / make_list) as a string[]; [] for null. */
export function asList(v: unknown): string[] {
  if (v == null) return [];
  const x = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(x) ? x.map((e) => (e == null ? '' : String(e))) : [];
}

/** A datetime cell as ms since the epoch. */
export function asMs(v: unknown): number {
  return toEpochMs(v);
}

/** A numeric cell as a number (0 for null). */
export function asNumber(v: unknown): number {
  return v == null ? 0 : Number(v);
}
