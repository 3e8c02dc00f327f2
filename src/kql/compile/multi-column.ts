/**
 * Assignments of the functions that give several columns (series_stats, series_decompose, ...): `extend f(x)` makes
 * the columns f_x_part1, f_x_part2, ... (Kusto's names); `extend (a, b) = f(x)` names the first ones and keeps only
 * those.
 */
import type { AssignmentNode, CallNode } from '../ast/index.js';
import { derivedName } from '../semantic/naming.js';
import { own } from '../own.js';
import { checkNewName, compileAssignment } from './columns.js';
import type { CompileContext } from './context.js';
import type { ExprScope } from './expression.js';
import { MULTI_COLUMN_FUNCTIONS } from './series-functions.js';
import type { SqlExpr } from './sql-expr.js';

/** Compile one assignment into its columns (one, or several for such a function). */
export function compileAssignments(
  ctx: CompileContext,
  scope: ExprScope,
  a: AssignmentNode,
  fallback: () => string,
): { name: string; expr: SqlExpr }[] {
  const call = a.expr.kind === 'Call' ? a.expr : undefined;
  const f = call && !ctx.bindings.has(call.name) ? own(MULTI_COLUMN_FUNCTIONS, call.name) : undefined;
  if (!f || !call) {
    if (a.names !== undefined) throw ctx.error('invalid-argument', 'names-need-multi-column', {}, a.pos);
    return [compileAssignment(ctx, scope, a, fallback)];
  }
  if (a.name !== undefined) throw ctx.error('invalid-argument', 'several-columns-one-name', { name: call.name, given: a.name }, a.pos);
  const values = compileParts(ctx, scope, call, f);
  if (a.names !== undefined) {
    if (a.names.length > values.length)
      throw ctx.error('invalid-argument', 'column-count', { name: call.name, count: values.length, given: a.names.length }, a.pos);
    return a.names.map((n, i) => ({ name: checkNewName(ctx, n, a.pos), expr: values[i]! }));
  }
  const arg = call.args[0] ? derivedName(call.args[0]) : undefined;
  const prefix = arg === undefined ? call.name : `${call.name}_${arg}`;
  return f.parts.map((p, i) => ({ name: `${prefix}_${p}`, expr: values[i]! }));
}

function compileParts(ctx: CompileContext, scope: ExprScope, call: CallNode, f: (typeof MULTI_COLUMN_FUNCTIONS)[string]): SqlExpr[] {
  if (call.args.length < f.min || call.args.length > f.max)
    throw ctx.error(
      'invalid-argument',
      'argument-count',
      { name: call.name, count: `${f.min} to ${f.max}`, given: call.args.length },
      call.pos,
    );
  const args = call.args.map((x) => ctx.compile.expr(ctx, scope, x));
  return f.compile(ctx, args, call);
}
