/**
 * Functions over ordered rows (after sort or serialize): row_number, prev, next, row_cumsum, row_rank_dense,
 * row_rank_min. With window functions they compile to SQL window functions over the current order of the rows
 * (in SELECT layers of their own when they restart or rank, see window-segments.ts); without, to a column of the
 * arrays the rows are collected into (see window-layer.ts).
 */
import type { ColumnType } from '../../schema/index.js';
import type { CallNode } from '../ast/index.js';
import { isNumeric } from '../semantic/types.js';
import type { CompileContext } from './context.js';
import type { ExprScope } from './expression.js';
import { atom } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';

/** The window functions, by KQL name, with their arities. */
export const WINDOW_FUNCTIONS: ReadonlyMap<string, [number, number]> = new Map([
  ['row_number', [0, 2]],
  ['prev', [1, 3]],
  ['next', [1, 3]],
  ['row_cumsum', [1, 2]],
  ['row_rank_dense', [1, 2]],
  ['row_rank_min', [1, 2]],
]);

/** A window call, its arguments compiled against the rows it reads. */
export interface WindowCall {
  readonly name: string;
  readonly pos: number;
  /** The value read (all but row_number). */
  readonly x?: SqlExpr;
  /** prev / next: how many rows away, and the value where there is no such row (a constant, NULL by default). */
  readonly offset: number;
  readonly fallback?: SqlExpr;
  /** row_number: the first number. */
  readonly start: number;
  /** row_number, row_cumsum, row_rank_*: the bool that starts the numbering (sum, rank) again at its row. */
  readonly restart?: SqlExpr;
  readonly type: ColumnType;
}

/** Where the window calls of an extend or project are gathered when the current SELECT cannot hold them. */
export interface WindowUses {
  /** The column (a quoted identifier) that will hold the call's value. */
  add(ctx: CompileContext, call: WindowCall): string;
}

/** A gathered call and its hidden column. */
export interface WindowUse {
  readonly column: string;
  readonly call: WindowCall;
  /** 1 when its arguments read no other gathered call, else one more than the deepest call they read. */
  readonly depth: number;
}

/** The gathered calls of one extend or project, in the order they were compiled. */
export class WindowUseList implements WindowUses {
  readonly uses: WindowUse[] = [];

  add(ctx: CompileContext, call: WindowCall): string {
    const read = [call.x, call.restart].filter((v) => v !== undefined);
    const depth = 1 + Math.max(0, ...this.uses.filter((u) => read.some((v) => v.sql.includes(u.column))).map((u) => u.depth));
    const column = ctx.q(ctx.alias('w'));
    this.uses.push({ column, call, depth });
    return column;
  }
}

/** Whether a call needs SELECT layers (see window-segments.ts) on a dialect with window functions, or reads another window call. */
export function needsSegments(call: WindowCall): boolean {
  const nested = [call.x, call.restart].some((v) => v?.sql.includes(' OVER ('));
  return nested || call.restart !== undefined || call.name === 'row_rank_dense' || call.name === 'row_rank_min';
}

/** Compile a window call against the order of the rows in `scope`. */
export function compileWindowCall(ctx: CompileContext, scope: ExprScope, node: CallNode): SqlExpr {
  const [min, max] = WINDOW_FUNCTIONS.get(node.name)!;
  if (scope.order === undefined) {
    throw ctx.error('unsupported', 'needs-ordered-rows', { name: node.name }, node.pos);
  }
  const arrays = !ctx.dialect.capabilities.windowFunctions;
  if (arrays && (ctx.dialect.windowArrays === undefined || scope.windows === undefined))
    throw ctx.error('unsupported', 'not-on-engine', { name: node.name, engine: ctx.dialect.name }, node.pos);
  if (node.args.length < min || node.args.length > max) {
    throw ctx.error('invalid-argument', 'argument-count-range', { name: node.name, min, max, given: node.args.length }, node.pos);
  }
  const call = windowCall(ctx, scope, node);
  if (arrays || needsSegments(call)) {
    // extend and project gather them; elsewhere the rows have no order.
    if (scope.windows === undefined) throw ctx.error('unsupported', 'needs-ordered-rows', { name: node.name }, node.pos);
    return atom(scope.windows.add(ctx, call), call.type);
  }
  const keys = scope.order.map((k) => `${k.sql} ${k.descending ? 'DESC' : 'ASC'} NULLS ${k.nulls.toUpperCase()}`);
  const over = (orderBy: readonly string[], frame = ''): string =>
    `OVER (${orderBy.length ? `ORDER BY ${orderBy.join(', ')}` : ''}${frame})`;
  const x = call.x;
  switch (node.name) {
    case 'row_number': {
      const n = `row_number() ${over(keys)}`;
      return call.start === 1 ? atom(n, 'long') : atom(`(${n} + ${ctx.dialect.fn.integer(call.start - 1)})`, 'long');
    }
    case 'prev':
    case 'next': {
      const fallback = call.fallback === undefined ? '' : `, ${call.fallback.sql}`;
      return atom(`${node.name === 'prev' ? 'lag' : 'lead'}(${x!.sql}, ${call.offset}${fallback}) ${over(keys)}`, x!.type);
    }
    default: {
      const sum = `sum(${x!.sql}) ${over(keys, ' ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW')}`;
      return atom(x!.type === 'real' ? sum : ctx.dialect.fn.cast(sum, 'long'), call.type);
    }
  }
}

/** The call's arguments, checked. */
function windowCall(ctx: CompileContext, scope: ExprScope, node: CallNode): WindowCall {
  const args = node.args.map((a) => ctx.compile.expr(ctx, { ...scope, aggregates: false }, a));
  const name = node.name;
  const whole = (e: SqlExpr | undefined, at: number, reason: 'window-offset' | 'window-start', fallback: number, least: number) => {
    if (e === undefined) return fallback;
    const v = e.constant?.value;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < least)
      throw ctx.error('invalid-argument', reason, { name }, node.args[at]!.pos);
    return v;
  };
  const bool = (at: number): SqlExpr | undefined => {
    const e = args[at];
    if (e !== undefined && e.type !== 'bool')
      throw ctx.error('type-mismatch', 'argument-type', { n: at + 1, name, types: 'bool', type: e.type }, node.args[at]!.pos);
    return e;
  };
  if (name === 'row_number') {
    return { name, pos: node.pos, offset: 0, start: whole(args[0], 0, 'window-start', 1, -Infinity), restart: bool(1), type: 'long' };
  }
  const x = args[0]!;
  if (name === 'prev' || name === 'next') {
    const offset = whole(args[1], 1, 'window-offset', 1, 0);
    const d = args[2];
    if (
      d !== undefined &&
      (d.constant === undefined || !(d.type === x.type || (isNumeric(d.type) && isNumeric(x.type)) || d.constant.value === null))
    )
      throw ctx.error('invalid-argument', 'window-default', { name, type: x.type }, node.args[2]!.pos);
    const fallback = d === undefined ? undefined : atom(ctx.dialect.fn.cast(d.sql, x.type), x.type);
    return { name, pos: node.pos, x, offset, fallback, start: 1, type: x.type };
  }
  if (name === 'row_cumsum') {
    if (!isNumeric(x.type)) throw ctx.error('type-mismatch', 'row-cumsum-number', { type: x.type }, node.args[0]!.pos);
    return { name, pos: node.pos, x, offset: 0, start: 1, restart: bool(1), type: x.type === 'real' ? 'real' : 'long' };
  }
  return { name, pos: node.pos, x, offset: 0, start: 1, restart: bool(1), type: 'long' };
}
