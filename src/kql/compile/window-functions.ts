/**
 * Functions over ordered rows (after sort or serialize): row_number, prev, next, row_cumsum, row_rank_dense,
 * row_rank_min. They compile to SQL window functions over the current order of the rows.
 */
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

/** Compile a window function call against the order of the rows in `scope`. */
export function compileWindowCall(ctx: CompileContext, scope: ExprScope, call: CallNode): SqlExpr {
  const [min, max] = WINDOW_FUNCTIONS.get(call.name)!;
  if (!ctx.dialect.capabilities.windowFunctions)
    throw ctx.error('unsupported', 'not-on-engine', { name: call.name, engine: ctx.dialect.name }, call.pos);
  if (scope.order === undefined) {
    throw ctx.error('unsupported', 'needs-ordered-rows', { name: call.name }, call.pos);
  }
  if (call.args.length < min || call.args.length > max) {
    throw ctx.error('invalid-argument', 'argument-count-range', { name: call.name, min, max, given: call.args.length }, call.pos);
  }
  if (call.name !== 'row_number' && call.args.length > (call.name === 'prev' || call.name === 'next' ? 2 : 1)) {
    throw ctx.error('unsupported', 'window-extra-arguments', { name: call.name }, call.args.at(-1)!.pos);
  }
  if (call.name === 'row_number' && call.args.length > 0) {
    throw ctx.error('unsupported', 'row-number-arguments', {}, call.args[0]!.pos);
  }
  const args = call.args.map((a) => ctx.compile.expr(ctx, { columns: scope.columns, aggregates: false }, a));
  const keys = scope.order.map((k) => `${k.sql} ${k.descending ? 'DESC' : 'ASC'} NULLS ${k.nulls.toUpperCase()}`);
  const over = (orderBy: readonly string[], frame = ''): string =>
    `OVER (${orderBy.length ? `ORDER BY ${orderBy.join(', ')}` : ''}${frame})`;
  const x = args[0];
  switch (call.name) {
    case 'row_number':
      return atom(`row_number() ${over(keys)}`, 'long');
    case 'prev':
    case 'next': {
      const offset = args[1]?.constant?.value ?? 1;
      if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
        throw ctx.error('invalid-argument', 'window-offset', { name: call.name }, call.args[1]!.pos);
      }
      return atom(`${call.name === 'prev' ? 'lag' : 'lead'}(${x!.sql}, ${offset}) ${over(keys)}`, x!.type);
    }
    case 'row_cumsum': {
      if (!isNumeric(x!.type)) throw ctx.error('type-mismatch', 'row-cumsum-number', { type: x!.type }, call.args[0]!.pos);
      const sum = `sum(${x!.sql}) ${over(keys, ' ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW')}`;
      return atom(x!.type === 'real' ? sum : ctx.dialect.fn.cast(sum, 'long'), x!.type === 'real' ? 'real' : 'long');
    }
    default: {
      // Ranks by the column's value; rows are expected sorted by it (as Kusto requires).
      const orderBy = keys.length ? keys : [`${x!.sql} ASC`];
      return atom(`${call.name === 'row_rank_dense' ? 'dense_rank()' : 'rank()'} ${over(orderBy)}`, 'long');
    }
  }
}
