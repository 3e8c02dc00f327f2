/**
 * series_fill_const, series_fill_forward, series_fill_backward and the element-wise series_add, series_subtract,
 * series_multiply, series_divide, over the dialect's list hooks (so on every engine). A series of integers stays one
 * when filled with integers.
 */
import type { CallNode } from '../ast/index.js';
import { want } from './arguments.js';
import type { ScalarFunction } from './arguments.js';
import type { CompileContext } from './context.js';
import { atom } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';

/** Whether an optional argument is absent or a null constant. */
export const isNull = (e: SqlExpr | undefined): boolean => e === undefined || (e.constant !== undefined && e.constant.value === null);

/** The missing-value placeholder argument `i` (null by default), as SQL or undefined. */
function placeholder(ctx: CompileContext, call: CallNode, args: readonly SqlExpr[], i: number): string | undefined {
  return isNull(args[i]) ? undefined : want(ctx, call, i, args[i]!, 'int', 'long', 'real').sql;
}

/** Whether element `v` is missing: null, or equal to the placeholder. */
const missing = (v: string, p: string | undefined): string => (p === undefined ? `${v} IS NULL` : `(${v} IS NULL OR ${v} = ${p})`);

/** The JSON text of `list`, written as integers when the input series (and `alsoInteger`) are integral. */
export function output(ctx: CompileContext, series: SqlExpr, list: string, alsoInteger: boolean): string {
  const m = ctx.dialect.series;
  if (!alsoInteger) return m.json(list);
  const f = ctx.alias('f');
  return m.bind(list, f, `CASE WHEN ${m.allIntegers(series.sql)} THEN ${m.json(f, true)} ELSE ${m.json(f)} END`);
}

/** A fill: element i of the series read once as `x`, from `element(x, i, p)`. */
function fill(
  min: number,
  max: number,
  at: number,
  element: (ctx: CompileContext, x: string, i: string, p: string | undefined, args: readonly SqlExpr[]) => string,
  integral: (args: readonly SqlExpr[]) => boolean,
): ScalarFunction {
  return {
    min,
    max,
    compile: (ctx, args, call) => {
      const s = want(ctx, call, 0, args[0]!, 'dynamic');
      const m = ctx.dialect.series;
      const p = placeholder(ctx, call, args, at);
      const [x, i] = [ctx.alias('x'), ctx.alias('i')];
      const list = m.bind(m.doubles(s.sql), x, m.build(m.len(x), i, element(ctx, x, i, p, args)));
      return atom(output(ctx, s, list, integral(args)), 'dynamic', s.aggregate);
    },
  };
}

/** The value at the nearest present element at or before (`last`) or at or after (first) `i`; the element itself when none. */
function nearest(ctx: CompileContext, x: string, i: string, p: string | undefined, last: boolean): string {
  const m = ctx.dialect.series;
  const [j, s] = [ctx.alias('j'), ctx.alias('s')];
  const candidates = last
    ? m.build(`${i} + 1`, j, `CASE WHEN ${missing(m.at(x, j), p)} THEN NULL ELSE ${j} END`)
    : m.build(`${m.len(x)} - ${i}`, j, `CASE WHEN ${missing(m.at(x, `${i} + ${j}`), p)} THEN NULL ELSE ${i} + ${j} END`);
  const index = m.bind(m.sortedValues(candidates), s, last ? m.at(s, `${m.len(s)} - 1`) : m.at(s, '0'));
  return `coalesce(${m.at(x, index)}, ${m.at(x, i)})`;
}

const integerArg = (e: SqlExpr | undefined): boolean => e === undefined || isNull(e) || e.type === 'int' || e.type === 'long';

const fillConst = fill(
  2,
  3,
  2,
  (ctx, x, i, p, args) => {
    const m = ctx.dialect.series;
    return `CASE WHEN ${missing(m.at(x, i), p)} THEN ${args[1]!.sql} ELSE ${m.at(x, i)} END`;
  },
  (args) => integerArg(args[1]),
);

const fillForward = fill(
  1,
  2,
  1,
  (ctx, x, i, p) => nearest(ctx, x, i, p, true),
  () => true,
);
const fillBackward = fill(
  1,
  2,
  1,
  (ctx, x, i, p) => nearest(ctx, x, i, p, false),
  () => true,
);

/** Element by element over the longer length, null past the shorter series. */
function elementwise(op: string): ScalarFunction {
  return {
    min: 2,
    max: 2,
    compile: (ctx, args, call) => {
      const [a, b] = [want(ctx, call, 0, args[0]!, 'dynamic'), want(ctx, call, 1, args[1]!, 'dynamic')];
      const m = ctx.dialect.series;
      const [x, y, i] = [ctx.alias('x'), ctx.alias('y'), ctx.alias('i')];
      const list = m.bind(
        m.doubles(a.sql),
        x,
        m.bind(m.doubles(b.sql), y, m.build(`greatest(${m.len(x)}, ${m.len(y)})`, i, `${m.at(x, i)} ${op} ${m.at(y, i)}`)),
      );
      return atom(m.json(list), 'dynamic', a.aggregate || b.aggregate);
    },
  };
}

/** The functions of this file. */
export const SERIES_FILL_FUNCTIONS: Readonly<Record<string, ScalarFunction>> = {
  series_fill_const: fillConst,
  series_fill_forward: fillForward,
  series_fill_backward: fillBackward,
  series_add: elementwise('+'),
  series_subtract: elementwise('-'),
  series_multiply: elementwise('*'),
  series_divide: elementwise('/'),
};
