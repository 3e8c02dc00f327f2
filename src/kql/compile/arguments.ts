/** Argument checks shared by the scalar functions, and the shape of a function definition. */
import type { ColumnType } from '../../schema/index.js';
import type { CallNode } from '../ast/index.js';
import { fromDynamic } from './dynamic-values.js';
import type { CompileContext } from './context.js';
import type { SqlExpr } from './sql-expr.js';

/** One scalar function: arity and how it compiles. */
export interface ScalarFunction {
  readonly min: number;
  readonly max: number;
  compile(ctx: CompileContext, args: readonly SqlExpr[], call: CallNode): SqlExpr;
}

/** Fail unless `e` has one of `types`. */
export function want(ctx: CompileContext, call: CallNode, i: number, e: SqlExpr, ...types: ColumnType[]): SqlExpr {
  if (types.includes(e.type)) return e;
  if (e.type === 'dynamic' && types.length === 1) return fromDynamic(ctx, e, types[0]!);
  throw ctx.error(
    'type-mismatch',
    'argument-type',
    { n: i + 1, name: call.name, types: types.join(','), type: e.type },
    call.args[i]?.pos ?? call.pos,
  );
}

/** The constant string of argument `i`, or an error. */
export function constString(ctx: CompileContext, call: CallNode, i: number, e: SqlExpr): string {
  if (e.constant && typeof e.constant.value === 'string') return e.constant.value;
  throw ctx.error('invalid-argument', 'constant-string-argument', { n: i + 1, name: call.name }, call.args[i]?.pos ?? call.pos);
}

/** The constant number of argument `i`, or an error. */
export function constNumber(ctx: CompileContext, call: CallNode, i: number, e: SqlExpr): number {
  if (e.constant && typeof e.constant.value === 'number') return e.constant.value;
  throw ctx.error('invalid-argument', 'constant-number-argument', { n: i + 1, name: call.name }, call.args[i]?.pos ?? call.pos);
}
