/**
 * Translates .NET-style format_datetime patterns (yyyy-MM-dd HH:mm:ss.fff) into strftime patterns, with the
 * fractions of a second strftime has no field for (f, ff, ffff, fffff, fffffff) as parts of their own.
 */

/** A strftime pattern, or the first `digits` digits of the fraction of a second. */
export type FormatPart = string | { readonly digits: number };

const TOKENS: readonly [string, FormatPart][] = [
  ['yyyy', '%Y'],
  ['yy', '%y'],
  ['y', '%-y'],
  ['MM', '%m'],
  ['dd', '%d'],
  ['HH', '%H'],
  ['hh', '%I'],
  ['mm', '%M'],
  ['ss', '%S'],
  ['fffffff', { digits: 7 }],
  ['ffffff', '%f'],
  ['fffff', { digits: 5 }],
  ['ffff', { digits: 4 }],
  ['fff', '%g'],
  ['ff', { digits: 2 }],
  ['f', { digits: 1 }],
  ['tt', '%p'],
  ['M', '%-m'],
  ['d', '%-d'],
  ['H', '%-H'],
  ['h', '%-I'],
  ['m', '%-M'],
  ['s', '%-S'],
];
const SEPARATORS = /^[ \-/:.,_T[\]]$/;

/** The parts of a KQL format (strftime texts joined where they meet), or undefined when it uses something unsupported. */
export function toFormatParts(format: string): FormatPart[] | undefined {
  const parts: FormatPart[] = [];
  const add = (p: FormatPart) => {
    const last = parts.at(-1);
    if (typeof p === 'string' && typeof last === 'string') parts[parts.length - 1] = last + p;
    else parts.push(p);
  };
  let i = 0;
  while (i < format.length) {
    const hit = TOKENS.find(([k]) => format.startsWith(k, i));
    if (hit) {
      add(hit[1]);
      i += hit[0].length;
      continue;
    }
    const c = format[i]!;
    if (!SEPARATORS.test(c)) return undefined;
    add(c);
    i++;
  }
  return parts;
}
