/**
 * `evaluate pivot(Column [, aggregate] [, GroupColumn, ...])`: one output column per distinct value of Column
 * (sorted), holding the aggregate of that value's rows, per group of the other columns.
 */
import type { ColumnType } from '../../schema/index.js';
import type { CallNode, EvaluateNode, ExprNode, NameNode } from '../ast/index.js';
import type { CompileContext } from './context.js';
import { valuesFor } from './values-from-data.js';
import { compileExpr } from './expression.js';
import { canFilter, ensure, toSql } from './select-state.js';
import type { Column, SelectState } from './select-state.js';

/** `evaluate pivot`. */
export function compilePivot(ctx: CompileContext, state: SelectState, node: EvaluateNode): SelectState {
  const s = ensure(ctx, state, canFilter);
  const [pivot, aggregate, ...groupArgs] = node.args;
  if (pivot === undefined) throw ctx.error('invalid-argument', 'pivot-column', {}, node.pos);
  const rowScope = { columns: s.columns, aggregates: false };
  const key: ExprNode = { kind: 'Call', name: 'tostring', args: [pivot], pos: pivot.pos };
  const keySql = compileExpr(ctx, rowScope, key).sql;
  const agg: CallNode = aggregate === undefined ? { kind: 'Call', name: 'count', args: [], pos: node.pos } : (aggregate as CallNode);
  if (agg.kind !== 'Call') throw ctx.error('invalid-argument', 'pivot-aggregate', {}, aggregate!.pos);
  const referenced = new Set<string>([...names(pivot), ...names(agg)]);
  const groups: Column[] = [];
  for (const g of groupArgs.length > 0 ? groupArgs : s.columns.filter((c) => !referenced.has(c.name)).map((c) => name(c.name, node.pos))) {
    if (g.kind !== 'Name') throw ctx.error('invalid-argument', 'pivot-groups', {}, g.pos);
    const e = compileExpr(ctx, rowScope, g);
    groups.push({ name: g.name, type: e.type, sql: e.sql, atomic: e.atomic });
  }
  const aggScope = { columns: s.columns, aggregates: true };
  const taken = new Set(groups.map((g) => g.name));
  // With an output schema, its columns after the groups are the values (nothing is read first), in its order.
  const sorted = node.schema
    ? node.schema.filter((c) => !taken.has(c.name)).map((c) => c.name)
    : [
        ...new Set(
          valuesFor(ctx, node, () =>
            toSql(ctx, {
              ...s,
              columns: [{ name: 'v', type: 'string', sql: keySql, atomic: false }],
              distinct: true,
              orderBy: [],
              star: false,
            }),
          ).map((v) => v.value),
        ),
      ].sort();
  const xType = agg.args[0] === undefined ? 'long' : compileExpr(ctx, rowScope, agg.args[0]).type;
  const cells: Column[] = sorted.map((v) => {
    if (taken.has(v)) throw ctx.error('invalid-name', 'column-exists', { operator: 'pivot', name: v }, node.pos);
    taken.add(v);
    const e = compileExpr(ctx, aggScope, only(agg, key, v, xType));
    if (!e.aggregate) throw ctx.error('invalid-argument', 'pivot-aggregate', {}, agg.pos);
    return { name: v, type: e.type, sql: e.sql, atomic: e.atomic };
  });
  return { ...s, columns: [...groups, ...cells], groupBy: groups.map((g) => g.sql), orderBy: [], star: false };
}

const name = (n: string, pos: number): NameNode => ({ kind: 'Name', name: n, bracketed: false, pos });

/** The aggregate over the rows whose key is `value`: count() as countif, f(x, ...) as f(iff(key == value, x, null), ...). */
function only(agg: CallNode, key: ExprNode, value: string, type: ColumnType): ExprNode {
  const is: ExprNode = {
    kind: 'Binary',
    op: '==',
    left: key,
    right: { kind: 'Literal', type: 'string', value, pos: agg.pos },
    pos: agg.pos,
  };
  if (agg.name === 'count' && agg.args.length === 0) return { kind: 'Call', name: 'countif', args: [is], pos: agg.pos };
  const [x, ...rest] = agg.args;
  if (x === undefined) return agg;
  const none: ExprNode = { kind: 'Call', name: 'iff', args: [is, x, { kind: 'Literal', type, value: null, pos: agg.pos }], pos: agg.pos };
  const cell: ExprNode = { ...agg, args: [none, ...rest] };
  // A sum over no rows is 0 in a pivot's cell, as a count is (Kusto's pivot examples show 0 for absent pairs).
  return agg.name === 'sum'
    ? { kind: 'Call', name: 'coalesce', args: [cell, { kind: 'Literal', type, value: 0, pos: agg.pos }], pos: agg.pos }
    : cell;
}

/** The column names an expression reads. */
function names(e: ExprNode): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (n === null || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o['kind'] === 'Name' && typeof o['name'] === 'string') out.push(o['name']);
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(e);
  return out;
}
