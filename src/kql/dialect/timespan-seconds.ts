/** make_timespan's arguments read as KQL reads them, for both dialects. */
import type { SimpleArg } from './simple-functions.js';

/** SQL of the seconds of make_timespan(h, m), (h, m, s) or (d, h, m, s). */
export function timespanSeconds(args: readonly SimpleArg[]): string {
  const [d, h, m, s] =
    args.length === 2
      ? ['0', args[0]!.sql, args[1]!.sql, '0']
      : args.length === 3
        ? ['0', ...args.map((a) => a.sql)]
        : args.map((a) => a.sql);
  return `((((${d}) * 24 + (${h})) * 60 + (${m})) * 60 + (${s}))`;
}
