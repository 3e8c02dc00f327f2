/**
 * format_timespan(t, format): Kusto's timespan format elements (d..dddddddd, h/hh, H/HH, m/mm, s/ss, f..fffffff,
 * F..FFFFFFF) and literal separators, read at compile time into a concatenation of the timespan's parts.
 */
import type { ScalarFunction } from './arguments.js';
import { constString, want } from './arguments.js';
import type { CompileContext } from './context.js';
import { atom } from './sql-expr.js';
import { toTicks } from './ticks.js';

const ELEMENT = /d{1,8}|f{1,7}|F{1,7}|[hH]{1,2}|m{1,2}|s{1,2}|[^dfFhHms]/g;
const SEPARATOR = /^[ /\-:,._[\]]$/;

/** format_timespan. */
export const FORMAT_TIMESPAN: ScalarFunction = {
  min: 2,
  max: 2,
  compile: (ctx, [t, f], call) => {
    const ts = want(ctx, call, 0, t!, 'timespan');
    const format = constString(ctx, call, 1, f!);
    const fn = ctx.dialect.fn;
    // In ticks (ticks.ts): the seven digits of the fraction are the ticks of the second.
    const ticks = `abs(${toTicks(ctx, ts).sql})`;
    const whole = (divisor: number, modulo?: number): string =>
      fn.intDivide(modulo === undefined ? ticks : `(${ticks} % ${fn.integer(modulo)})`, fn.integer(divisor));
    const fraction = fn.padLeft(`(${ticks} % ${fn.integer(10_000_000)})`, 7);
    const parts: string[] = [];
    for (const [e] of format.matchAll(ELEMENT)) {
      const width = e.length;
      switch (e[0]) {
        case 'd':
          parts.push(fn.padLeft(whole(864_000_000_000), width));
          break;
        case 'h':
        case 'H':
          parts.push(fn.padLeft(whole(36_000_000_000, 864_000_000_000), width));
          break;
        case 'm':
          parts.push(fn.padLeft(whole(600_000_000, 36_000_000_000), width));
          break;
        case 's':
          parts.push(fn.padLeft(whole(10_000_000, 600_000_000), width));
          break;
        case 'f':
          parts.push(fn.substring(fraction, '1', String(width)));
          break;
        case 'F':
          // If non-zero: the digits without their trailing zeros (nothing when all are 0).
          parts.push(fn.regexReplace(fn.substring(fraction, '1', String(width)), ctx.param('0+$', 'string'), "''"));
          break;
        default:
          if (!SEPARATOR.test(e)) throw formatError(ctx, call.args[1]!.pos, e);
          parts.push(ctx.param(e, 'string'));
      }
    }
    if (parts.length === 0) return atom("''", 'string', ts.aggregate);
    return atom(`CASE WHEN ${ts.sql} IS NULL THEN '' ELSE ${fn.concat(parts)} END`, 'string', ts.aggregate);
  },
};

function formatError(ctx: CompileContext, pos: number, e: string) {
  return ctx.error('invalid-argument', 'format-timespan-pattern', { part: e }, pos);
}
