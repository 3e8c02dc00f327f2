/** Date and time functions: now, ago, bin/floor, bin_at, startof*, dayofweek, hourofday, format_datetime, datetime_diff. */
import type { CallNode } from '../ast/index.js';
import { isInteger, isNumeric } from '../semantic/types.js';
import type { CompileContext } from './context.js';
import { toFormatParts, type FormatPart } from './format-datetime.js';
import type { ScalarFunction } from './arguments.js';
import { constNumber, constString, want } from './arguments.js';
import { atom, expr, operand } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';
import { floorMod, toMicros } from './ticks.js';

const DAY_US = 86_400e6;
const DIFF_PARTS = new Set([
  'year',
  'quarter',
  'month',
  'week',
  'day',
  'hour',
  'minute',
  'second',
  'millisecond',
  'microsecond',
  'nanosecond',
]);

const agg = (...args: readonly SqlExpr[]): boolean => args.some((a) => a.aggregate);

function nowPlus(ctx: CompileContext, call: CallNode, offsetUs: SqlExpr | undefined, sign: 1 | -1): SqlExpr {
  const now = ctx.options.now;
  if (offsetUs === undefined) return { ...atom(ctx.param(now, 'datetime'), 'datetime'), constant: { value: now } };
  const span = want(ctx, call, 0, offsetUs, 'timespan');
  if (span.constant && typeof span.constant.value === 'number') {
    const ms = now + (sign * span.constant.value) / 1000;
    return { ...atom(ctx.param(ms, 'datetime'), 'datetime'), constant: { value: ms } };
  }
  return expr(`${ctx.param(now, 'datetime')} ${sign > 0 ? '+' : '-'} ${operand(span)}`, 'datetime', agg(span));
}

/** KQL bin(): floor to a multiple of `size` (numbers), or of a timespan counted from 0001-01-01 (datetimes). */
function bin(ctx: CompileContext, [x, size]: readonly SqlExpr[], call: CallNode): SqlExpr {
  const fn = ctx.dialect.fn;
  const v = x!;
  const s = size!;
  if (v.type === 'datetime') {
    want(ctx, call, 1, s, 'timespan');
    const us = constNumber(ctx, call, 1, s);
    if (us <= 0) throw ctx.error('invalid-argument', 'positive-bin-size', { name: call.name }, call.args[1]!.pos);
    return atom(fn.binTimestamp(v.sql, us), 'datetime', agg(v));
  }
  if (v.type === 'timespan') {
    want(ctx, call, 1, s, 'timespan');
    const us = constNumber(ctx, call, 1, s);
    if (us <= 0) throw ctx.error('invalid-argument', 'positive-bin-size', { name: call.name }, call.args[1]!.pos);
    const micros = fn.intervalToMicros(v.sql);
    return atom(fn.microsToInterval(`${fn.floor(`${micros} / ${fn.integer(us)}`)} * ${fn.integer(us)}`), 'timespan', agg(v));
  }
  if (!isNumeric(v.type)) throw ctx.error('type-mismatch', 'bin-types', { name: call.name, type: v.type }, call.pos);
  want(ctx, call, 1, s, 'int', 'long', 'real');
  const n = constNumber(ctx, call, 1, s);
  if (n <= 0) throw ctx.error('invalid-argument', 'positive-bin-size', { name: call.name }, call.args[1]!.pos);
  const floored = `${fn.floor(`${operand(v)} / ${operand(s)}`)} * ${operand(s)}`;
  const type = isInteger(v.type) && isInteger(s.type) ? 'long' : 'real';
  return type === 'long' ? atom(fn.cast(floored, 'long'), 'long', agg(v)) : expr(floored, 'real', agg(v));
}

/**
 * KQL bin_at(): floor a datetime to a multiple of `size` counted from `fixed` (e.g. local midnights). Integer
 * arithmetic on microseconds: several times faster in DuckDB than shifting timestamps by intervals.
 */
function binAt(ctx: CompileContext, [x, size, fixed]: readonly SqlExpr[], call: CallNode): SqlExpr {
  const fn = ctx.dialect.fn;
  if (isNumeric(x!.type)) return binAtNumber(ctx, [x!, size!, fixed!], call);
  if (x!.type !== 'datetime') throw ctx.error('type-mismatch', 'bin-at-types', { name: call.name, type: x!.type }, call.pos);
  want(ctx, call, 1, size!, 'timespan');
  want(ctx, call, 2, fixed!, 'datetime');
  const us = Math.trunc(constNumber(ctx, call, 1, size!));
  if (us <= 0) throw ctx.error('invalid-argument', 'positive-bin-size', { name: call.name }, call.args[1]!.pos);
  const f = fn.timestampToMicros(fixed!.sql);
  const d = `(${fn.timestampToMicros(x!.sql)} - ${f})`;
  // Floor, also before the fixed point: % keeps the sign of the dividend in both dialects.
  const u = fn.integer(us);
  const key = `${d} - ((${d} % ${u}) + ${u}) % ${u}`;
  const sql = fn.microsToTimestamp(`${f} + ${key}`);
  // summarize groups on the integer key and makes it a datetime once per group, not once per row.
  return {
    ...atom(sql, 'datetime', agg(x!, fixed!)),
    bucket: { of: sql, key, time: (k) => fn.microsToTimestamp(`${f} + ${k}`), step: us },
  };
}

/** bin_at() of a number: `fixed` plus a whole number of `size` steps, floored. */
function binAtNumber(ctx: CompileContext, [x, size, fixed]: readonly SqlExpr[], call: CallNode): SqlExpr {
  const fn = ctx.dialect.fn;
  want(ctx, call, 1, size!, 'int', 'long', 'real');
  want(ctx, call, 2, fixed!, 'int', 'long', 'real');
  if (constNumber(ctx, call, 1, size!) <= 0)
    throw ctx.error('invalid-argument', 'positive-bin-size', { name: call.name }, call.args[1]!.pos);
  const sql = `${operand(fixed!)} + ${fn.floor(`(${operand(x!)} - ${operand(fixed!)}) / ${operand(size!)}`)} * ${operand(size!)}`;
  const whole = [x!, size!, fixed!].every((e) => isInteger(e.type));
  return whole ? atom(fn.cast(sql, 'long'), 'long', agg(x!, fixed!)) : expr(sql, 'real', agg(x!, fixed!));
}

function dt(ctx: CompileContext, call: CallNode, e: SqlExpr): SqlExpr {
  return want(ctx, call, 0, e, 'datetime');
}

/** The fewest days between the starts of two units. */
const UNIT_DAYS = { day: 1, week: 7, month: 28, year: 365 } as const;

/** startofday/week/month/year(d [, offset]): the start of d's unit, moved by offset units. */
function startOf(unit: 'day' | 'week' | 'month' | 'year'): ScalarFunction {
  return {
    min: 1,
    max: 2,
    compile: (ctx, [a, k], c) => {
      const fn = ctx.dialect.fn;
      const d = dt(ctx, c, a!);
      let sql: string;
      if (unit === 'week') {
        // KQL weeks start on Sunday; bins of 7d from 0001-01-01 (a Monday) start on Monday, hence the shift by a day.
        const shifted = `${operand(d)} + ${fn.intervalMicros(DAY_US)}`;
        sql = `${fn.binTimestamp(shifted, 7 * DAY_US)} - ${fn.intervalMicros(DAY_US)}`;
      } else sql = fn.dateTrunc(unit, d.sql);
      if (k === undefined) {
        // A bucket of its own start (see datetime_local_to_utc); units are whole days apart, at least.
        const bucket = { of: sql, key: sql, time: (key: string) => key, step: UNIT_DAYS[unit] * DAY_US };
        return { ...(unit === 'week' ? expr(sql, 'datetime', agg(d)) : atom(sql, 'datetime', agg(d))), bucket };
      }
      const n = want(ctx, c, 1, k, 'int', 'long');
      const add = Object.hasOwn(ctx.dialect.simple, 'datetime_add') ? ctx.dialect.simple.datetime_add : undefined;
      if (!add) throw ctx.error('unsupported', 'offset-not-on-engine', { name: c.name, engine: ctx.dialect.name }, c.pos);
      const step = unit === 'week' ? { sql: `7 * ${operand(n)}`, type: n.type } : n;
      const moved = add([
        { sql: `'${unit === 'week' ? 'day' : unit}'`, type: 'string', value: unit === 'week' ? 'day' : unit },
        step,
        { sql: `(${sql})`, type: 'datetime' },
      ]);
      return atom(moved, 'datetime', agg(d, n));
    },
  };
}

/** Date and time functions by KQL name. */
export const TIME_FUNCTIONS: Readonly<Record<string, ScalarFunction>> = {
  now: { min: 0, max: 1, compile: (ctx, [o], c) => nowPlus(ctx, c, o, 1) },
  ago: { min: 1, max: 1, compile: (ctx, [o], c) => nowPlus(ctx, c, o, -1) },
  bin: { min: 2, max: 2, compile: (ctx, args, c) => bin(ctx, args, c) },
  floor: { min: 2, max: 2, compile: (ctx, args, c) => bin(ctx, args, c) },
  bin_at: { min: 3, max: 3, compile: (ctx, args, c) => binAt(ctx, args, c) },
  startofday: startOf('day'),
  startofmonth: startOf('month'),
  startofyear: startOf('year'),
  startofweek: startOf('week'),
  dayofweek: {
    min: 1,
    max: 1,
    compile: (ctx, [a], c) => atom(ctx.dialect.fn.daysToInterval(ctx.dialect.fn.dayOfWeek(dt(ctx, c, a!).sql)), 'timespan', agg(a!)),
  },
  hourofday: {
    min: 1,
    max: 1,
    compile: (ctx, [a], c) => atom(ctx.dialect.fn.cast(ctx.dialect.fn.hour(dt(ctx, c, a!).sql), 'int'), 'int', agg(a!)),
  },
  format_datetime: {
    min: 2,
    max: 2,
    compile: (ctx, [a, f], c) => {
      const parts = toFormatParts(constString(ctx, c, 1, f!));
      if (parts === undefined) throw ctx.error('invalid-argument', 'format-datetime-pattern', {}, c.args[1]!.pos);
      const fn = ctx.dialect.fn;
      const d = dt(ctx, c, a!);
      const x = toMicros(ctx, d).sql;
      // The 7th digit of a fraction (ten-millionths): a value in ticks has one, others hold microseconds.
      const seventh = d.ticks ? fn.cast(floorMod(ctx, d.sql, 10), 'string') : "'0'";
      const text = (p: FormatPart): string =>
        typeof p === 'string'
          ? p.includes('%')
            ? fn.formatDatetime(x, p)
            : ctx.dialect.escapeString(p)
          : p.digits > 6
            ? fn.concat([fn.formatDatetime(x, '%f'), seventh])
            : fn.substring(fn.formatDatetime(x, '%f'), '1', String(p.digits));
      if (parts.length === 1) return atom(`coalesce(${text(parts[0]!)}, '')`, 'string', agg(a!));
      // Kusto gives '' for a null datetime (concat would keep the separators).
      return atom(`CASE WHEN ${x} IS NULL THEN '' ELSE ${fn.concat(parts.map(text))} END`, 'string', agg(a!));
    },
  },
  datetime_diff: {
    min: 3,
    max: 3,
    compile: (ctx, [p, a, b], c) => {
      const part = constString(ctx, c, 0, p!).toLowerCase();
      if (!DIFF_PARTS.has(part))
        throw ctx.error('invalid-argument', 'datetime-diff-part', { parts: [...DIFF_PARTS].join(', ') }, c.args[0]!.pos);
      const x = want(ctx, c, 1, a!, 'datetime');
      const y = want(ctx, c, 2, b!, 'datetime');
      const fn = ctx.dialect.fn;
      if (part === 'week') {
        // Kusto counts the Sunday week boundaries crossed: whole weeks between the Sundays that start each week.
        const sunday = (e: SqlExpr): string => `${fn.dateTrunc('day', e.sql)} - ${fn.daysToInterval(fn.dayOfWeek(e.sql))}`;
        return atom(fn.cast(fn.intDivide(fn.dateDiff('day', sunday(x), sunday(y)), '7'), 'long'), 'long', agg(x, y));
      }
      return atom(fn.cast(fn.dateDiff(part, x.sql, y.sql), 'long'), 'long', agg(x, y));
    },
  },
};
