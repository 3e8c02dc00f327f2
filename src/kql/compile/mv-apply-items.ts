/** The arrays `mv-apply` expands, compiled: shared by the LATERAL form (mv-apply.ts) and the row-value form. */
import type { MvApplyNode } from '../ast/index.js';
import { derivedName } from '../semantic/naming.js';
import { checkNewName } from './columns.js';
import type { CompileContext } from './context.js';
import { compileExpr } from './expression.js';
import type { Column } from './select-state.js';

/**
 * The arrays of `mv-apply` compiled over `outer`: each a column of its name and element type holding the array's
 * SQL, and the columns they replace.
 */
export function applyItems(
  ctx: CompileContext,
  outer: readonly Column[],
  node: MvApplyNode,
): { expanded: Column[]; replaced: Set<string> } {
  const expanded: Column[] = [];
  const replaced = new Set<string>();
  for (const item of node.items) {
    const e = compileExpr(ctx, { columns: outer, aggregates: false }, item.column.expr);
    if (e.type !== 'dynamic')
      throw ctx.error('type-mismatch', 'needs-dynamic-array', { operator: 'mv-apply', type: e.type }, item.column.pos);
    const name = item.column.name !== undefined ? checkNewName(ctx, item.column.name, item.column.pos) : derivedName(item.column.expr);
    if (name === undefined)
      throw ctx.error('invalid-argument', 'name-expanded-column', { example: 'mv-apply Name = expr on (...)' }, item.column.pos);
    // An unnamed column is replaced by its elements; a named one stays (as Microsoft's parser types it).
    if (item.column.expr.kind === 'Name' && item.column.name === undefined) replaced.add(item.column.expr.name);
    expanded.push({ name, type: item.toType ?? 'dynamic', sql: e.sql, atomic: true });
  }
  return { expanded, replaced };
}
