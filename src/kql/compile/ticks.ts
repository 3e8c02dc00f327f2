/**
 * Datetimes and timespans to Kusto's 100 ns tick. Both stores keep microseconds, and the dialects' datetime and
 * timespan types are microseconds; a value that has a digit below the microsecond (`1tick`, `datetime(...
 * 23:59:59.9999999)`, `endofday(d)`) is compiled as a 64-bit integer of ticks instead (a datetime: ticks since
 * 1970-01-01 UTC), marked `ticks` on its SqlExpr and Column. Arithmetic, comparisons, tostring, datetime_part,
 * datetime_diff and the results keep the digit; any other use reads the value in microseconds (the digit
 * dropped, toward the past), through `compileExpr`.
 */
import type { ColumnType } from '../../schema/index.js';
import type { CompileContext } from './context.js';
import { atom, expr, operand } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';

/** Whether `type` is one a tick count can stand for. */
const isTimeType = (type: ColumnType): boolean => type === 'datetime' || type === 'timespan';

/** `x` modulo `n`, from 0 to n - 1 (SQL's % keeps the dividend's sign). */
export function floorMod(ctx: CompileContext, x: string, n: number): string {
  const m = ctx.dialect.fn.integer(n);
  return `(((${x}) % ${m} + ${m}) % ${m})`;
}

/** `x` divided by `n`, rounded toward the past (an integer; SQL's integer division truncates toward zero). */
export function floorDiv(ctx: CompileContext, x: string, n: number): string {
  return ctx.dialect.fn.intDivide(`((${x}) - ${floorMod(ctx, x, n)})`, ctx.dialect.fn.integer(n));
}

/** `sql`, an integer of ticks of `type`. */
export function ticksExpr(sql: string, type: ColumnType, aggregate?: boolean): SqlExpr {
  return { ...expr(sql, type, aggregate), ticks: true };
}

/** A constant of `ticks` of `type`. */
export function ticksConstant(ctx: CompileContext, type: ColumnType, ticks: bigint): SqlExpr {
  return { ...atom(ctx.dialect.fn.integer(ticks), type), ticks: true };
}

/** `e` as ticks (the same expression when it already is). */
export function toTicks(ctx: CompileContext, e: SqlExpr): SqlExpr {
  if (e.ticks || !isTimeType(e.type)) return e;
  const fn = ctx.dialect.fn;
  const micros = e.type === 'datetime' ? fn.timestampToMicros(e.sql) : fn.intervalToMicros(e.sql);
  return ticksExpr(`${micros} * ${fn.integer(10)}`, e.type, e.aggregate);
}

/** `e` in the dialect's microsecond type: a datetime rounded toward the past, a timespan toward zero. */
export function toMicros(ctx: CompileContext, e: SqlExpr): SqlExpr {
  if (!e.ticks) return e;
  const fn = ctx.dialect.fn;
  if (e.type === 'datetime') return atom(fn.microsToTimestamp(floorDiv(ctx, e.sql, 10)), 'datetime', e.aggregate);
  return atom(fn.microsToInterval(fn.intDivide(operand(e), fn.integer(10))), 'timespan', e.aggregate);
}

/** `values` all in ticks when one is, else as they are: how arithmetic, comparisons and choices take them. */
export function alignTicks(ctx: CompileContext, values: readonly SqlExpr[]): SqlExpr[] {
  return values.some((v) => v.ticks) ? values.map((v) => toTicks(ctx, v)) : [...values];
}

type Order = '<' | '<=' | '>' | '>=';

/**
 * `l op r` where one side is ticks and the other microseconds: the microsecond side is kept as it is (a column
 * stays a column, so the engine still skips row groups by it), the tick side divided, rounded the way that keeps
 * the comparison exact: us * 10 < t is us < ceil(t / 10); us * 10 <= t is us <= floor(t / 10).
 */
export function compareAcross(ctx: CompileContext, op: Order | '=', l: SqlExpr, r: SqlExpr, aggregate: boolean): SqlExpr {
  const micros = l.ticks ? r : l;
  const ticks = l.ticks ? l : r;
  // Written with the microseconds on the left.
  const flipped: Record<Order | '=', Order | '='> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };
  const o = l.ticks ? flipped[op] : op;
  const fn = ctx.dialect.fn;
  const floor = floorDiv(ctx, ticks.sql, 10);
  const ceil = `${floor} + ${fn.integer(1)}`;
  const whole = `${floorMod(ctx, ticks.sql, 10)} = ${fn.integer(0)}`;
  const asMicros = (x: string) => (micros.type === 'datetime' ? fn.microsToTimestamp(x) : fn.microsToInterval(x));
  const side = operand(micros);
  switch (o) {
    case '<':
    case '>=':
      // ceil(t / 10): floor + 1 unless t is whole microseconds.
      return expr(
        `${side} ${o} ${asMicros(`CASE WHEN coalesce(${whole}, ${fn.bool(false)}) THEN ${floor} ELSE ${ceil} END`)}`,
        'bool',
        aggregate,
      );
    case '<=':
    case '>':
      return expr(`${side} ${o} ${asMicros(floor)}`, 'bool', aggregate);
    default:
      return expr(`(${whole} AND ${side} = ${asMicros(floor)})`, 'bool', aggregate);
  }
}

/** `text` of the non-null value of `x` (ClickHouse 18.16 refuses a Nullable condition in CASE), null for null. */
function ofValue(ctx: CompileContext, x: string, text: (v: string) => string): string {
  return `CASE WHEN ${x} IS NULL THEN NULL ELSE ${text(`coalesce(${x}, ${ctx.dialect.fn.integer(0)})`)} END`;
}

/**
 * ISO 8601 text of a tick count, as results carry datetimes: milliseconds when the rest is 0, six digits when
 * the value has microseconds, seven when it has a tick.
 */
export function ticksIsoText(ctx: CompileContext, x: string): string {
  const fn = ctx.dialect.fn;
  return ofValue(ctx, x, (v) => {
    const micros = fn.microsToTimestamp(floorDiv(ctx, v, 10));
    const six = fn.formatDatetime(micros, '%Y-%m-%dT%H:%M:%S.%f');
    const digit = floorMod(ctx, v, 10);
    const millis = fn.padLeft(fn.intDivide(floorMod(ctx, v, 10_000_000), fn.integer(10_000)), 3);
    return (
      `CASE WHEN ${floorMod(ctx, v, 10_000)} = ${fn.integer(0)} ` +
      `THEN ${fn.concat([fn.formatDatetime(micros, '%Y-%m-%dT%H:%M:%S.'), millis, "'Z'"])} ` +
      `WHEN ${digit} = ${fn.integer(0)} THEN ${fn.concat([six, "'Z'"])} ` +
      `ELSE ${fn.concat([six, fn.cast(digit, 'string'), "'Z'"])} END`
    );
  });
}

/** Kusto's text of a datetime in ticks (tostring): whole seconds end in Z, a fraction has its 7 digits. */
export function ticksKustoText(ctx: CompileContext, x: string): string {
  const fn = ctx.dialect.fn;
  return ofValue(ctx, x, (v) => {
    const micros = fn.microsToTimestamp(floorDiv(ctx, v, 10));
    const fraction = floorMod(ctx, v, 10_000_000);
    return (
      `CASE WHEN ${fraction} = ${fn.integer(0)} THEN ${fn.formatDatetime(micros, '%Y-%m-%dT%H:%M:%SZ')} ` +
      `ELSE ${fn.concat([fn.formatDatetime(micros, '%Y-%m-%dT%H:%M:%S.'), fn.padLeft(fraction, 7), "'Z'"])} END`
    );
  });
}

/** KQL's text of a timespan in ticks: [-][d.]hh:mm:ss[.fffffff]. */
export function ticksTimespanText(ctx: CompileContext, x: string): string {
  const fn = ctx.dialect.fn;
  return ofValue(ctx, x, (v) => {
    const a = `abs(${v})`;
    const part = (divisor: number, modulo?: number) =>
      fn.intDivide(modulo === undefined ? a : `(${a} % ${fn.integer(modulo)})`, fn.integer(divisor));
    const day = 864_000_000_000;
    const days = part(day);
    const fraction = `(${a} % ${fn.integer(10_000_000)})`;
    return fn.concat([
      `CASE WHEN ${v} < ${fn.integer(0)} THEN '-' ELSE '' END`,
      `CASE WHEN ${days} > ${fn.integer(0)} THEN ${fn.concat([fn.cast(days, 'string'), "'.'"])} ELSE '' END`,
      fn.padLeft(part(36_000_000_000, day), 2),
      "':'",
      fn.padLeft(part(600_000_000, 36_000_000_000), 2),
      "':'",
      fn.padLeft(part(10_000_000, 600_000_000), 2),
      `CASE WHEN ${fraction} = ${fn.integer(0)} THEN '' ELSE ${fn.concat(["'.'", fn.padLeft(fraction, 7)])} END`,
    ]);
  });
}

/** Ticks of a datetime literal: its milliseconds (with microseconds as a fraction) and the digit below them. */
export function literalTicks(ms: number, tick: number): bigint {
  const whole = Math.floor(ms);
  const micros = Math.round((ms - whole) * 1000);
  return BigInt(whole) * 10_000n + BigInt(micros) * 10n + BigInt(tick);
}
