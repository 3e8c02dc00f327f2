/** Datetime cells of query results as local time with the offset (2026-11-26T00:00:00+09:00), for exports. */
import { formatInstant } from '../config/index.js';

/** A datetime cell as local ISO text in `zone`; other values (and text that is no time) unchanged. */
export function localDatetime(value: unknown, zone: string): unknown {
  if (typeof value !== 'string' && !(value instanceof Date)) return value;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? value : formatInstant(ms, zone);
}

/** Rows with every `datetime` column written in `zone`. */
export function localizeRows(
  columns: readonly { name: string; type?: string }[],
  rows: readonly (readonly unknown[])[],
  zone: string,
): unknown[][] {
  const times = columns.flatMap((c, i) => (c.type === 'datetime' ? [i] : []));
  if (times.length === 0) return rows.map((r) => [...r]);
  return rows.map((row) => {
    const out = [...row];
    for (const i of times) out[i] = localDatetime(out[i], zone);
    return out;
  });
}
