/**
 * Text of datetimes on ClickHouse, exact over Kusto's range (calendar.ts): the ISO 8601 text results carry and
 * format_datetime's strftime fields. No DateTime: 18.16's starts at 1970 and wraps at 2106.
 */
import { civil, clock, withValue } from './calendar.js';
import { escapeString } from './escape.js';

/** `n` (0 <= n < 10^width) zero-padded to `width` digits. */
export const pad = (n: string, width: number) => `substring(toString(${10 ** width} + ${n}), 2, ${width})`;

/** SQL of each strftime field the KQL compiler emits (format-datetime.ts), of the datetime `x`. */
function fields(x: string): Readonly<Record<string, () => string>> {
  const c = civil(x);
  const t = clock(x);
  const hour12 = `((${t.hour} + 11) % 12 + 1)`;
  return {
    '%Y': () => pad(c.year, 4),
    '%y': () => pad(`${c.year} % 100`, 2),
    '%-y': () => `toString(${c.year} % 100)`,
    '%m': () => pad(c.month, 2),
    '%-m': () => `toString(${c.month})`,
    '%d': () => pad(c.day, 2),
    '%-d': () => `toString(${c.day})`,
    '%H': () => pad(t.hour, 2),
    '%-H': () => `toString(${t.hour})`,
    '%I': () => pad(hour12, 2),
    '%-I': () => `toString(${hour12})`,
    '%M': () => pad(t.minute, 2),
    '%-M': () => `toString(${t.minute})`,
    '%S': () => pad(t.second, 2),
    '%-S': () => `toString(${t.second})`,
    '%f': () => pad(t.micros, 6),
    '%g': () => pad(`intDiv(${t.micros}, 1000)`, 3),
    // Not if(): 18.16 refuses a Nullable condition there.
    '%p': () => `arrayElement(['AM', 'PM'], intDiv(${t.hour}, 12) + 1)`,
  };
}

/** SQL texts that, concatenated, are the datetime `x` in the strftime `format` (other text as it is). */
function pieces(x: string, format: string): string[] {
  const f = fields(x);
  return format
    .split(/(%-?[a-zA-Z])/)
    .filter((p) => p !== '')
    .map((p) => f[p]?.() ?? escapeString(p));
}

/** The text of the datetime `x` in the strftime `format`. */
export function formatDatetime(x: string, format: string): string {
  return withValue(x, (v) => {
    const p = pieces(v, format);
    return `concat(${(p.length === 1 ? [...p, "''"] : p).join(', ')})`;
  });
}

/**
 * ISO 8601 text of a datetime as the DuckDB store gives it (src/store/datetime-text.ts): milliseconds always
 * ('2026-11-01T09:45:00.000Z'), all six digits when the value has microseconds ('...09:45:00.123456Z').
 */
export function isoText(x: string): string {
  return withValue(x, (v) => {
    const fraction = `replaceRegexpOne(${pad(clock(v).micros, 6)}, '^([0-9]{3})000$', '\\\\1')`;
    return `concat(${[...pieces(v, '%Y-%m-%dT%H:%M:%S.'), fraction, "'Z'"].join(', ')})`;
  });
}
