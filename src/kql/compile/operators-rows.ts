/** Row operators: where, sort, top, take, count, distinct, search, render, as. */
import type {
  AsNode,
  CountNode,
  DistinctNode,
  ExprNode,
  RenderNode,
  SearchNode,
  SortKeyNode,
  SortNode,
  TakeNode,
  TopNode,
  WhereNode,
} from '../ast/index.js';
import { columnNamer } from '../semantic/naming.js';
import { compileAssignment, toColumn } from './columns.js';
import type { CompileContext } from './context.js';
import { compileExactExpr, compileExpr, compilePredicate } from './expression.js';
import { canFilter, canSort, ensure, toSql } from './select-state.js';
import type { OrderKey, SelectState } from './select-state.js';
import { whereInSource } from './source-filters.js';
import { compileStringPredicate } from './string-predicates.js';
import { topKeysFirst } from './top-keys-first.js';

/** `where`. */
export function compileWhere(ctx: CompileContext, state: SelectState, node: WhereNode): SelectState {
  const s = ensure(ctx, state, canFilter);
  const inSource = whereInSource(ctx, s, node.predicate);
  if (inSource) return inSource;
  const p = compilePredicate(ctx, { columns: s.columns, aggregates: false }, node.predicate);
  return { ...s, where: [...s.where, p.atomic || s.where.length === 0 ? p.sql : `(${p.sql})`] };
}

/** The ORDER BY keys of sort keys over the columns of `s`. */
export function orderKeys(ctx: CompileContext, s: SelectState, keys: readonly SortKeyNode[]): OrderKey[] {
  return keys.map((k) => {
    // Ticks (ticks.ts) order as their integers.
    const e = compileExactExpr(ctx, { columns: s.columns, aggregates: false }, k.expr);
    if (e.type === 'dynamic') throw ctx.error('type-mismatch', 'cannot-sort-dynamic', {}, k.pos);
    // KQL puts nulls last when descending and first when ascending, unless told otherwise.
    return { sql: e.sql, descending: k.descending, nulls: k.nulls ?? (k.descending ? 'last' : 'first') };
  });
}

/** `order by` / `sort by`. */
export function compileSort(ctx: CompileContext, state: SelectState, node: SortNode): SelectState {
  const s = ensure(ctx, state, canSort);
  return { ...s, orderBy: orderKeys(ctx, s, node.keys) };
}

/** The constant row count of take / top. */
export function rowCount(ctx: CompileContext, e: ExprNode): number {
  const c = compileExpr(ctx, { columns: [], aggregates: false }, e);
  const n = c.constant?.value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw ctx.error('invalid-argument', 'row-count', {}, e.pos);
  return n;
}

/** `top N by key`. */
export function compileTop(ctx: CompileContext, state: SelectState, node: TopNode): SelectState {
  const n = rowCount(ctx, node.count);
  const s = ensure(ctx, state, canSort);
  const orderBy = orderKeys(ctx, s, node.keys);
  return { ...topKeysFirst(ctx, s, orderBy, n), orderBy, limit: n };
}

/** `take N` / `limit N`. */
export function compileTake(ctx: CompileContext, state: SelectState, node: TakeNode): SelectState {
  const n = rowCount(ctx, node.count);
  const s = ensure(ctx, state, (st) => !st.sealed);
  if (s.limit === undefined && s.orderBy.length > 0) return { ...topKeysFirst(ctx, s, s.orderBy, n), limit: n };
  return { ...s, limit: s.limit === undefined ? n : Math.min(s.limit, n) };
}

/** `count`. */
export function compileCount(ctx: CompileContext, state: SelectState, _node: CountNode): SelectState {
  const s = ensure(ctx, state, canFilter);
  const count = { name: 'Count', type: 'long' as const, sql: ctx.dialect.fn.count(), atomic: true };
  return { ...s, columns: [count], groupBy: [], orderBy: [], star: false };
}

/** `distinct a, b` / `distinct *`. */
export function compileDistinct(ctx: CompileContext, state: SelectState, node: DistinctNode): SelectState {
  const s = ensure(ctx, state, canFilter);
  if (node.columns === undefined) return { ...s, distinct: true, orderBy: [] };
  const taken = new Set<string>();
  const next = columnNamer(taken);
  const columns = node.columns.map((a) => {
    const { name, expr } = compileAssignment(ctx, { columns: s.columns, aggregates: false }, a, next);
    if (taken.has(name)) throw ctx.error('invalid-name', 'listed-twice', { name }, a.pos);
    taken.add(name);
    return toColumn(name, expr);
  });
  return { ...s, columns, distinct: true, orderBy: [], star: false };
}

/** `search "term"`: any string column has the term. */
export function compileSearch(ctx: CompileContext, state: SelectState, node: SearchNode): SelectState {
  const s = ensure(ctx, state, canFilter);
  const strings = s.columns.filter((c) => c.type === 'string');
  if (strings.length === 0) return { ...s, where: [...s.where, ctx.dialect.fn.bool(false)] };
  const term = { sql: '', type: 'string' as const, atomic: true, constant: { value: node.term } };
  const parts = strings.map(
    (c) =>
      compileStringPredicate(
        ctx,
        {
          kind: 'Binary',
          op: 'has',
          left: { kind: 'Name', name: c.name, bracketed: false, pos: node.pos },
          right: { kind: 'Literal', type: 'string', value: node.term, pos: node.pos },
          pos: node.pos,
        },
        { sql: c.sql, type: 'string', atomic: c.atomic },
        term,
      ).sql,
  );
  return { ...s, where: [...s.where, `(${parts.map((p) => `(${p})`).join(' OR ')})`] };
}

/** `render`: kept as a hint; rows are unchanged. */
export function compileRender(ctx: CompileContext, state: SelectState, node: RenderNode): SelectState {
  ctx.render = { kind: node.visualization, props: { ...node.props } };
  return state;
}

/** `as Name`: later parts of the query may use Name. */
export function compileAs(ctx: CompileContext, state: SelectState, node: AsNode): SelectState {
  ctx.bindings.set(node.name, { kind: 'rows', compiled: { sql: toSql(ctx, state), columns: state.columns } });
  return state;
}
