/**
 * The functions whose answer has a digit below the microsecond (endof*, make_datetime of fractional seconds,
 * unixtime_nanoseconds_todatetime) or reads it (datetime_part and datetime_diff in nanoseconds): they give or take
 * ticks (see ticks.ts); with other parts they are the functions they wrap, on microseconds.
 */
import { isInteger } from '../semantic/types.js';
import type { ScalarFunction } from './arguments.js';
import { constString, want } from './arguments.js';
import { SIMPLE_FUNCTIONS } from './simple-functions.js';
import { expr, operand } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';
import { floorDiv, floorMod, ticksExpr, toMicros, toTicks } from './ticks.js';
import { TIME_FUNCTIONS } from './time-functions.js';

/** Functions whose arguments are compiled with their ticks kept (every other function reads microseconds). */
export const EXACT_ARGUMENTS: ReadonlySet<string> = new Set([
  'tostring',
  'datetime_part',
  'datetime_diff',
  'format_datetime',
  'format_timespan',
  'iff',
  'iif',
  'case',
  'coalesce',
]);

const ticks = (sql: string, aggregate: boolean | undefined): SqlExpr => ticksExpr(sql, 'datetime', aggregate);

/** `base`, its arguments read in microseconds. */
const onMicros =
  (base: ScalarFunction): ScalarFunction['compile'] =>
  (ctx, args, call) =>
    base.compile(
      ctx,
      args.map((a) => toMicros(ctx, a)),
      call,
    );

/** endof*(d [, offset]): the last tick of the unit, one tick before the start of the next. */
function endOf(base: ScalarFunction): ScalarFunction {
  return {
    ...base,
    compile: (ctx, args, call) => {
      const last = toTicks(ctx, base.compile(ctx, args, call));
      return ticks(`${operand(last)} + ${ctx.dialect.fn.integer(9)}`, last.aggregate);
    },
  };
}

const base = (name: string): ScalarFunction => (SIMPLE_FUNCTIONS[name] ?? TIME_FUNCTIONS[name])!;

/** Overrides of the scalar functions (functions.ts). */
export const TICK_FUNCTIONS: Readonly<Record<string, ScalarFunction>> = {
  endofday: endOf(base('endofday')),
  endofweek: endOf(base('endofweek')),
  endofmonth: endOf(base('endofmonth')),
  endofyear: endOf(base('endofyear')),
  make_datetime: {
    ...base('make_datetime'),
    compile: (ctx, args, call) => {
      const whole = base('make_datetime').compile(ctx, args.slice(0, 5), call);
      if (args.length < 6) return whole;
      // The seconds to the tick (0.1234567 is 1234567 ticks), added to the minute.
      const fn = ctx.dialect.fn;
      const seconds = args.slice(5).map((a, i) => want(ctx, call, 5 + i, a, 'int', 'long', 'real'));
      const parts = [`${operand(seconds[0]!)} * 1e7`, ...(seconds[1] ? [operand(seconds[1])] : [])];
      const sub = fn.cast(`round(${parts.join(' + ')})`, 'long');
      return ticks(
        `${operand(toTicks(ctx, whole))} + ${sub}`,
        args.some((a) => a.aggregate),
      );
    },
  },
  unixtime_nanoseconds_todatetime: {
    ...base('unixtime_nanoseconds_todatetime'),
    compile: (ctx, [a], call) => {
      const n = want(ctx, call, 0, a!, 'int', 'long', 'real');
      const fn = ctx.dialect.fn;
      const sql = isInteger(n.type) ? floorDiv(ctx, n.sql, 100) : fn.cast(fn.floor(`${operand(n)} / 100`), 'long');
      return ticks(sql, n.aggregate);
    },
  },
  datetime_part: {
    ...base('datetime_part'),
    compile: (ctx, args, call) => {
      const part = constString(ctx, call, 0, args[0]!).toLowerCase();
      const d = args[1]!;
      if (part !== 'nanosecond' || !d.ticks) return onMicros(base('datetime_part'))(ctx, args, call);
      return expr(ctx.dialect.fn.cast(`${floorMod(ctx, d.sql, 10_000_000)} * 100`, 'int'), 'int', d.aggregate);
    },
  },
  datetime_diff: {
    ...base('datetime_diff'),
    compile: (ctx, args, call) => {
      const part = constString(ctx, call, 0, args[0]!).toLowerCase();
      if (part !== 'nanosecond') return onMicros(base('datetime_diff'))(ctx, args, call);
      const [a, b] = [1, 2].map((i) => toTicks(ctx, want(ctx, call, i, args[i]!, 'datetime')));
      return expr(`(${operand(a!)} - ${operand(b!)}) * ${ctx.dialect.fn.integer(100)}`, 'long', a!.aggregate || b!.aggregate);
    },
  },
};
