/** Datetime cells of query results as local time with the offset (2026-11-26T00:00:00+09:00), for exports. */
import { formatInstant } from '../config/index.js';

/** The digits below the millisecond of ISO text (results keep microseconds, '...:00.123456Z', and ticks, '.1234567Z'). */
const BELOW_MS = /[.,]\d{3}(\d{1,4})\d*Z$/;

/** A datetime cell as local ISO text in `zone`, to its microsecond or tick; other values (and text that is no time) unchanged. */
export function localDatetime(value: unknown, zone: string): unknown {
  if (typeof value !== 'string' && !(value instanceof Date)) return value;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) return value;
  const local = formatInstant(ms, zone);
  const micros = typeof value === 'string' ? BELOW_MS.exec(value)?.[1]?.padEnd(3, '0') : undefined;
  if (micros === undefined || /^0+$/.test(micros)) return local;
  // formatInstant writes milliseconds only when there are some: 'YYYY-MM-DDTHH:mm:ss[.mmm]+hh:mm'.
  return local.replace(/^(.{19})(?:\.(\d{3}))?/, (_m, head: string, millis?: string) => `${head}.${millis ?? '000'}${micros}`);
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
