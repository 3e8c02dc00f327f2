/** Turning assignments (`Name = expr` or bare expressions) into output columns with KQL names. */
import type { AssignmentNode } from '../ast/index.js';
import { derivedName } from '../semantic/naming.js';
import { VALID_NAME } from '../semantic/types.js';
import type { CompileContext } from './context.js';
import { compileExactExpr, type ExprScope } from './expression.js';
import type { Column } from './select-state.js';
import type { SqlExpr } from './sql-expr.js';

/** A name the query creates: it must be a plain identifier, since it becomes a quoted SQL identifier. */
export function checkNewName(ctx: CompileContext, name: string, pos: number): string {
  if (!VALID_NAME.test(name)) {
    throw ctx.error('invalid-name', 'invalid-column-name', { name }, pos);
  }
  return name;
}

/** A column from a compiled expression. */
export function toColumn(name: string, e: SqlExpr): Column {
  return { name, type: e.type, sql: e.sql, atomic: e.atomic, ...(e.ticks ? { ticks: true } : {}) };
}

/** Compile one assignment: its name (given, derived, or from `fallback`) and expression. */
export function compileAssignment(
  ctx: CompileContext,
  scope: ExprScope,
  a: AssignmentNode,
  fallback: () => string,
): { name: string; expr: SqlExpr } {
  const e = compileExactExpr(ctx, scope, a.expr);
  const name = a.name !== undefined ? checkNewName(ctx, a.name, a.pos) : (derivedName(a.expr) ?? fallback());
  return { name, expr: e };
}
