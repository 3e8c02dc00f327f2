/** Translates .NET-style format_datetime patterns (yyyy-MM-dd HH:mm:ss.fff) into strftime patterns. */

const TOKENS: readonly [string, string][] = [
  ['yyyy', '%Y'],
  ['yy', '%y'],
  ['MM', '%m'],
  ['dd', '%d'],
  ['HH', '%H'],
  ['hh', '%I'],
  ['mm', '%M'],
  ['ss', '%S'],
  ['ffffff', '%f'],
  ['fff', '%g'],
  ['tt', '%p'],
  ['M', '%-m'],
  ['d', '%-d'],
  ['H', '%-H'],
  ['h', '%-I'],
  ['m', '%-M'],
  ['s', '%-S'],
];
const SEPARATORS = /^[ \-/:.,_T[\]]$/;

/** The strftime pattern for a KQL format, or undefined when it uses something unsupported. */
export function toStrftime(format: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < format.length) {
    const hit = TOKENS.find(([k]) => format.startsWith(k, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
      continue;
    }
    const c = format[i]!;
    if (!SEPARATORS.test(c)) return undefined;
    out += c;
    i++;
  }
  return out;
}
