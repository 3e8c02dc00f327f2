/**
 * Filters moved to where a table's rows are read. An engine that keeps versions of a row and de-duplicates them
 * when reading (ClickHouse: FINAL) would otherwise read the whole table before a time range applies. A conjunct
 * of a `where` moves only when that is exact: it reads no column but the dialect's prefilterColumns of the table
 * (which every version of a row shares), reads at least one of them, and depends on nothing but its own row.
 */
import type { ExprNode } from '../ast/index.js';
import type { CompileContext } from './context.js';
import { compilePredicate } from './expression.js';
import type { SelectState } from './select-state.js';

/** Functions whose value depends on other rows or on chance. */
const NOT_ROW_LOCAL = new Set(['row_number', 'prev', 'next', 'row_cumsum', 'row_rank_dense', 'row_rank_min', 'rand']);

/** The state reading table `name` from `from` (its source, as the dialect reads it) with `filters` there. */
export function tableState(ctx: CompileContext, s: SelectState, table: string, filters: readonly string[]): SelectState {
  const from = ctx.dialect.tableSource(table, filters);
  return { ...s, from, base: { table, filters, from } };
}

/** The time-range conditions of a table, inside its source when exact there, else in the WHERE. */
export function withTimeRange(ctx: CompileContext, s: SelectState, column: string, conditions: readonly string[]): SelectState {
  const base = s.base;
  if (base && ctx.dialect.prefilterColumns(base.table).includes(column)) return tableState(ctx, s, base.table, conditions);
  return { ...s, where: [...s.where, ...conditions] };
}

/** `where predicate` with its exact conjuncts inside the table's source; undefined when none can move. */
export function whereInSource(ctx: CompileContext, s: SelectState, predicate: ExprNode): SelectState | undefined {
  const base = s.base;
  if (!base || s.from !== base.from) return undefined;
  // A column moves only as itself (not renamed, not computed: `extend Received = ...` is another value).
  const allowed = new Set(ctx.dialect.prefilterColumns(base.table).filter((c) => s.columns.find((x) => x.name === c)?.sql === ctx.q(c)));
  if (allowed.size === 0) return undefined;
  const columns = new Set(s.columns.map((c) => c.name));
  const parts = conjuncts(predicate);
  const inside = parts.filter((p) => {
    const read = new Set<string>();
    return rowLocal(ctx, p, columns, read) && read.size > 0 && [...read].every((c) => allowed.has(c));
  });
  if (inside.length === 0) return undefined;
  const scope = { columns: s.columns, aggregates: false };
  const sql = (p: ExprNode) => {
    const e = compilePredicate(ctx, scope, p);
    return e.atomic ? e.sql : `(${e.sql})`;
  };
  const moved = tableState(ctx, s, base.table, [...base.filters, ...inside.map(sql)]);
  return { ...moved, where: [...s.where, ...parts.filter((p) => !inside.includes(p)).map(sql)] };
}

/** The operands of the top-level `and`s. */
function conjuncts(p: ExprNode): ExprNode[] {
  return p.kind === 'Binary' && p.op === 'and' ? [...conjuncts(p.left), ...conjuncts(p.right)] : [p];
}

/** Whether `node` depends on its row alone (no subquery, no other rows), collecting the columns it reads into `read`. */
function rowLocal(ctx: CompileContext, node: ExprNode, columns: ReadonlySet<string>, read: Set<string>): boolean {
  const all = (xs: readonly ExprNode[]) => xs.every((x) => rowLocal(ctx, x, columns, read));
  switch (node.kind) {
    case 'Literal':
      return true;
    case 'Name':
      if (!columns.has(node.name)) return ctx.bindings.get(node.name)?.kind === 'scalar';
      read.add(node.name);
      return true;
    case 'Binary':
      return all([node.left, node.right]);
    case 'Unary':
      return all([node.operand]);
    case 'Between':
      return all([node.expr, node.low, node.high]);
    case 'In':
      return (
        Array.isArray(node.values) && all([node.expr, ...(node.values as readonly ExprNode[])]) && !tabularName(ctx, node.values, columns)
      );
    case 'Call':
      return !NOT_ROW_LOCAL.has(node.name.toLowerCase()) && !ctx.bindings.has(node.name) && all(node.args);
    case 'Index':
      return all([node.target, node.index]);
    case 'Member':
      return all([node.target]);
    default:
      return false;
  }
}

/** `x in (T)` with T a let-bound table: a subquery. */
function tabularName(ctx: CompileContext, values: readonly ExprNode[], columns: ReadonlySet<string>): boolean {
  const only = values.length === 1 ? values[0] : undefined;
  return only?.kind === 'Name' && !columns.has(only.name) && ctx.bindings.get(only.name)?.kind !== 'scalar';
}
