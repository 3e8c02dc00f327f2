/**
 * todatetime() of text on ClickHouse: ISO 8601 text ('2026-11-01', '0001-01-01 10:00', '1960-01-01T10:00:00.123456Z',
 * an offset '+09:00') read exactly by the integer calendar (calendar.ts), over Kusto's whole range; other forms
 * ('Sat, 8 Nov 2014 15:05:02 GMT') through 18.16's parseDateTimeBestEffort, which knows 1970-2105 only.
 */
import { atDay, daysOfCivil, monthLength } from './calendar.js';
import { bind } from './json-text.js';
import { escapeString } from './escape.js';

const ISO =
  '^\\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?)?\\s*(Z|[+-][0-9]{2}:?[0-9]{2})?\\s*$';

/** Microseconds since 1970 of the datetime text `t` (a String expression); NULL when it is none. */
export function datetimeFromText(t: string): string {
  const iso = escapeString(ISO);
  // The eight fields, space-separated ('' for an absent one), then split: one regular expression per value.
  const fields = `splitByChar(' ', replaceRegexpOne(ifNull(${t}, ''), ${iso}, '\\\\1 \\\\2 \\\\3 \\\\4 \\\\5 \\\\6 \\\\7 \\\\8'))`;
  const exact = bind(fields, (f) => {
    const n = (i: number) => `toInt64OrZero(${f}[${i}])`;
    const [y, m, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map(n) as [string, string, string, string, string, string];
    const frac = `toInt64OrZero(substring(concat(${f}[7], '000000'), 1, 6))`;
    const zone = `${f}[8]`;
    const offset = `(if(startsWith(${zone}, '-'), -1, 1) * (toInt64OrZero(substring(${zone}, 2, 2)) * 60 + toInt64OrZero(extract(${zone}, '([0-9]{2})$'))) * 60000000)`;
    const months = `(${y} * 12 + ${m} - 3)`;
    const valid = `${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${monthLength(months)} AND ${h} < 24 AND ${mi} < 60 AND ${s} < 60`;
    const value = `${atDay(daysOfCivil(y, m, d))} + ((${h} * 60 + ${mi}) * 60 + ${s}) * 1000000 + ${frac} - ${offset}`;
    return `multiIf(${valid}, ${value}, NULL)`;
  });
  const secs = `toInt64(toUnixTimestamp(parseDateTimeBestEffortOrNull(${t})))`;
  const frac = `toInt64OrZero(substring(concat(extract(${t}, '[.,]([0-9]{1,6})'), '000000'), 1, 6))`;
  return `multiIf(match(${t}, ${iso}), ${exact}, ${secs} * 1000000 + ${frac})`;
}
