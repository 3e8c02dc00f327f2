/** Sources that make their own rows: `datatable(...)[...]` and `range x from a to b step s`. */
import type { ColumnType } from '../../schema/index.js';
import type { DatatableNode, RangeNode } from '../ast/index.js';
import { isNumeric } from '../semantic/types.js';
import { checkNewName } from './columns.js';
import type { CompileContext } from './context.js';
import { compileExactExpr, compileExpr } from './expression.js';
import { toMicros, toTicks } from './ticks.js';
import type { Column, SelectState } from './select-state.js';
import { operand } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';

const NO_COLUMNS = { columns: [], aggregates: false } as const;

function rowsState(from: string | undefined, columns: Column[], where: string[] = []): SelectState {
  return { from, columns, where, groupBy: undefined, distinct: false, orderBy: [], limit: undefined, sealed: false, star: false };
}

/** A value of a datatable cell as the SQL of its column's type. */
function cell(ctx: CompileContext, e: SqlExpr, type: ColumnType, pos: number): string {
  const fn = ctx.dialect.fn;
  if (e.constant?.value === null) return fn.cast('NULL', type);
  if (e.type === type) return e.sql;
  if (isNumeric(e.type) && isNumeric(type)) return fn.cast(e.sql, type);
  if (type === 'dynamic') return fn.cast(ctx.param(JSON.stringify(e.constant?.value ?? null), 'string'), 'dynamic');
  throw ctx.error('type-mismatch', 'column-cannot-hold', { type, value: e.type }, pos);
}

/** `datatable(A:type, ...)[values]`. */
export function compileDatatable(ctx: CompileContext, node: DatatableNode): SelectState {
  const names = node.columns.map((c) => checkNewName(ctx, c.name, c.pos));
  const seen = new Set<string>();
  node.columns.forEach((c) => {
    if (seen.has(c.name)) throw ctx.error('invalid-name', 'declared-twice', { name: c.name }, c.pos);
    seen.add(c.name);
  });
  const width = node.columns.length;
  const values = node.values.map((v) => compileExactExpr(ctx, NO_COLUMNS, v));
  // A datetime or timespan column with a value below the microsecond holds ticks (ticks.ts), all its values.
  const ticks = node.columns.map((_c, i) => values.some((v, j) => j % width === i && v.ticks));
  const rows: string[][] = [];
  for (let r = 0; r * width < node.values.length; r++) {
    rows.push(
      node.columns.map((c, i) => {
        const v = values[r * width + i]!;
        const pos = node.values[r * width + i]!.pos;
        if (!ticks[i]) return cell(ctx, toMicros(ctx, v), c.type, pos);
        if (v.constant?.value === null) return ctx.dialect.fn.cast('NULL', 'long');
        if (v.type !== c.type) throw ctx.error('type-mismatch', 'column-cannot-hold', { type: c.type, value: v.type }, pos);
        return toTicks(ctx, v).sql;
      }),
    );
  }
  if (rows.length === 0) {
    const columns = node.columns.map((c) => ({ name: c.name, type: c.type, sql: ctx.dialect.fn.cast('NULL', c.type), atomic: true }));
    return rowsState(undefined, columns, ['1 = 0']);
  }
  const alias = ctx.alias('d');
  const from = ctx.dialect.fn.valuesTable(
    rows,
    names.map((n) => ctx.q(n)),
    alias,
    node.columns.map((c, i) => (ticks[i] ? 'long' : c.type)),
  );
  return rowsState(
    from,
    node.columns.map((c, i) => ({
      name: c.name,
      type: c.type,
      sql: `${alias}.${ctx.q(c.name)}`,
      atomic: true,
      ...(ticks[i] ? { ticks: true } : {}),
    })),
  );
}

/** `range x from a to b step s`: longs, reals or datetimes (a datetime range steps by a timespan). */
export function compileRange(ctx: CompileContext, node: RangeNode): SelectState {
  const fn = ctx.dialect.fn;
  const name = checkNewName(ctx, node.name, node.pos);
  const from = compileExpr(ctx, NO_COLUMNS, node.from);
  const to = compileExpr(ctx, NO_COLUMNS, node.to);
  const step = compileExpr(ctx, NO_COLUMNS, node.step);
  const alias = ctx.alias('r');
  const i = `${alias}.i`;
  let count: string;
  let sql: string;
  let type: ColumnType;
  if (from.type === 'datetime' && to.type === 'datetime' && step.type === 'timespan') {
    const start = fn.timestampToMicros(from.sql);
    const stepUs = fn.intervalToMicros(step.sql);
    count = `${fn.intDivide(`(${fn.timestampToMicros(to.sql)} - ${start})`, stepUs)} + 1`;
    sql = fn.microsToTimestamp(`${start} + ${i} * ${stepUs}`);
    type = 'datetime';
  } else if (isNumeric(from.type) && isNumeric(to.type) && isNumeric(step.type)) {
    type = [from, to, step].some((e) => e.type === 'real') ? 'real' : 'long';
    count = `${fn.cast(fn.floor(`(${to.sql} - ${from.sql}) / ${fn.cast(step.sql, 'real')}`), 'long')} + 1`;
    const as = (e: SqlExpr): string => (e.type === type ? operand(e) : fn.cast(e.sql, type));
    sql = `${as(from)} + ${i} * ${as(step)}`;
  } else {
    throw ctx.error('type-mismatch', 'range-types', { from: from.type, to: to.type, step: step.type }, node.pos);
  }
  return rowsState(fn.series(count, alias), [{ name, type, sql, atomic: false }]);
}
