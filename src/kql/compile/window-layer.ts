/**
 * Window functions on a dialect without them (ClickHouse 18.16): the rows, in their order, are collected into one
 * array; each call is an array with an element per row (the dialect's windowArrays), and the rows are made rows
 * again with those values as hidden columns that the extend (or project) reads. A call whose arguments read
 * another call's value needs that value first: it is computed in a further layer over the first.
 *
 * All the rows read are held in one array on one server while the query runs (see docs/kql.md).
 */
import type { ColumnType } from '../../schema/index.js';
import type { CompileContext } from './context.js';
import { WindowUseList } from './window-functions.js';
import type { WindowCall } from './window-functions.js';
import { fromSource, toSql } from './select-state.js';
import type { Column, SelectState } from './select-state.js';
import type { SqlExpr } from './sql-expr.js';

/** The window calls of one extend or project, each given a hidden column. */
export class WindowLayers extends WindowUseList {
  override add(ctx: CompileContext, call: WindowCall): string {
    if (call.name === 'row_cumsum' && call.restart !== undefined && ctx.dialect.windowArrays!.cumsum('x', call.type, 'r') === undefined) {
      const feature = `row_cumsum() of a ${call.type} with a restart argument`;
      throw ctx.error('unsupported', 'feature-not-on-engine', { feature, engine: ctx.dialect.name }, call.pos);
    }
    return super.add(ctx, call);
  }
}

/**
 * `s` with every column read by its name (the window layers expose them by name): as is when it already is,
 * else as a subquery that also carries its order keys, so the rows are still ordered by them.
 */
export function plainRows(ctx: CompileContext, s: SelectState): SelectState {
  if (s.columns.every((c) => c.sql === ctx.q(c.name))) return s;
  const keys = s.orderBy.map((k) => ({ ...k, name: s.columns.find((c) => c.sql === k.sql)?.name ?? ctx.alias('wk') }));
  const hidden: Column[] = keys
    .filter((k) => !s.columns.some((c) => c.name === k.name))
    .map((k) => ({ name: k.name, type: 'long', sql: k.sql, atomic: true }));
  const inner = toSql(ctx, { ...s, columns: [...s.columns, ...hidden], star: false });
  const orderBy = keys.map((k) => ({ sql: ctx.q(k.name), descending: k.descending, nulls: k.nulls }));
  return { ...fromSource(ctx, `(${inner}) AS ${ctx.alias()}`, s.columns), orderBy };
}

/**
 * The rows of `base` (plain, see plainRows) with `columns` (which read base's columns and the hidden columns of
 * `layers`' calls), in base's order.
 */
export function windowLayers(ctx: CompileContext, base: SelectState, columns: readonly Column[], layers: WindowLayers): SelectState {
  const arrays = ctx.dialect.windowArrays!;
  const depth = Math.max(...layers.uses.map((u) => u.depth));
  let names = base.columns.map((c) => ctx.q(c.name));
  let sql = '';
  let index = '';
  for (let d = 1; d <= depth; d++) {
    const uses = layers.uses.filter((u) => u.depth === d);
    const read: SqlExpr[] = [];
    const at = (v: SqlExpr | undefined): number | undefined => (v === undefined ? undefined : names.length + read.push(v));
    const windows = uses.map((u) => {
      const [x, restart] = [at(u.call.x), at(u.call.restart)];
      return { name: u.column, array: (all: string) => callArray(ctx, u.call, all, x, restart) };
    });
    const valueColumns = read.map((v, i): Column => ({ name: `_wv${i + 1}`, type: v.type, sql: v.sql, atomic: true }));
    const rows =
      d === 1
        ? toSql(ctx, { ...base, columns: [...base.columns, ...valueColumns], star: false })
        : `SELECT ${[...names, ...valueColumns.map((v) => `${v.sql} AS ${ctx.q(v.name)}`)].join(', ')} FROM (${sql}) ORDER BY ${index}`;
    index = ctx.q(ctx.alias('wi'));
    sql = arrays.layer(rows, names, read.length, index, windows);
    names = [...names, ...uses.map((u) => u.column)];
  }
  return {
    ...fromSource(ctx, `(${sql}) AS ${ctx.alias()}`, []),
    columns,
    star: false,
    orderBy: [{ sql: index, descending: false, nulls: 'first' }],
  };
}

/** The array of a call's values, one per row of `all`; `x` and `restart` are the places of its values in the rows. */
function callArray(ctx: CompileContext, call: WindowCall, all: string, x?: number, restart?: number): string {
  const arrays = ctx.dialect.windowArrays!;
  const xs = x === undefined ? '' : arrays.column(all, x);
  const r = restart === undefined ? undefined : arrays.column(all, restart);
  switch (call.name) {
    case 'row_number':
      return arrays.rowNumber(all, call.start, r);
    case 'prev':
    case 'next':
      return arrays.shift(all, xs, call.offset, call.fallback?.sql ?? nullOf(ctx, call.type), call.name === 'next');
    case 'row_cumsum':
      return arrays.cumsum(xs, call.type, r)!;
    default:
      return arrays.rank(all, xs, call.name === 'row_rank_min', r);
  }
}

function nullOf(ctx: CompileContext, type: ColumnType): string {
  return ctx.dialect.fn.cast('NULL', type);
}
