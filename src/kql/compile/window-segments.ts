/**
 * Window calls that SQL's window functions cannot spell in one SELECT: those with a restart argument (the
 * numbering, sum or rank starts again at each row where it is true) and the ranks (Kusto ranks by changes of the
 * value from the row before, not by sorting). The rows are numbered in their order first; then, a SELECT layer
 * each: the values read, whether each row starts a segment or a run of equal values, running counts of those
 * (segment and run ids), and the functions over partitions by segment. A call that reads another window call
 * (`row_cumsum(x - prev(x))`, which SQL cannot nest) is computed the same way, over a layer that holds the other.
 */
import type { CompileContext } from './context.js';
import { WindowUseList } from './window-functions.js';
import { fromSource, toSql, wrap } from './select-state.js';
import type { Column, SelectState } from './select-state.js';

/** The calls of one extend or project that need SELECT layers, each given a hidden column. */
export class WindowSegments extends WindowUseList {}

/** `s` with its rows numbered in their order as `index` (a hidden column), which is then their order. */
export function numberedRows(ctx: CompileContext, s: SelectState, index: string): SelectState {
  // A LIMIT goes first: numbered beside it, rows tied on the order keys might be numbered past the kept ones.
  const limited = s.limit === undefined ? s : wrap(ctx, s);
  const keys = limited.orderBy.map((k) => `${k.sql} ${k.descending ? 'DESC' : 'ASC'} NULLS ${k.nulls.toUpperCase()}`);
  const numbered: Column = {
    name: index,
    type: 'long',
    sql: `row_number() OVER (${keys.length ? `ORDER BY ${keys.join(', ')}` : ''})`,
    atomic: true,
  };
  const inner = toSql(ctx, { ...limited, columns: [...limited.columns, numbered], star: false });
  return {
    ...fromSource(ctx, `(${inner}) AS ${ctx.alias()}`, limited.columns),
    orderBy: [{ sql: ctx.q(index), descending: false, nulls: 'first' }],
  };
}

/** The rows of `base` (from numberedRows) with `columns`, which read base's columns and the calls' hidden columns. */
export function windowSegments(
  ctx: CompileContext,
  base: SelectState,
  index: string,
  columns: readonly Column[],
  segments: WindowSegments,
): SelectState {
  const n = ctx.q(index);
  const running = (x: string, partition?: string) =>
    `sum(${x}) OVER (${partition === undefined ? '' : `PARTITION BY ${partition} `}ORDER BY ${n} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  let sql = toSql(ctx, { ...base, columns: [...base.columns, { name: index, type: 'long', sql: n, atomic: true }], star: false });
  const layer = (columns: readonly string[]) => {
    if (columns.length > 0) sql = `SELECT *, ${columns.join(', ')} FROM (${sql}) AS ${ctx.alias()}`;
  };
  const depth = Math.max(...segments.uses.map((u) => u.depth));
  for (let d = 1; d <= depth; d++) {
    const values: string[] = [];
    const starts: string[] = [];
    const sums: string[] = [];
    const finals: string[] = [];
    for (const { column, call } of segments.uses.filter((u) => u.depth === d)) {
      const [x, s, c, g, r] = ['x', 's', 'c', 'g', 'r'].map((p) => ctx.q(ctx.alias(`w${p}`)));
      if (call.x !== undefined) values.push(`${call.x.sql} AS ${x}`);
      if (call.restart !== undefined) values.push(`CASE WHEN coalesce(${call.restart.sql}, FALSE) THEN 1 ELSE 0 END AS ${s}`);
      const partition = call.restart === undefined ? undefined : g!;
      if (partition !== undefined) sums.push(`${running(s!)} AS ${g}`);
      const by = partition === undefined ? '' : `PARTITION BY ${partition} `;
      if (call.name === 'row_number') {
        const number = `row_number() OVER (${by}ORDER BY ${n})`;
        finals.push(`${call.start === 1 ? number : `(${number} + ${ctx.dialect.fn.integer(call.start - 1)})`} AS ${column}`);
      } else if (call.name === 'prev' || call.name === 'next') {
        const fallback = call.fallback === undefined ? '' : `, ${call.fallback.sql}`;
        finals.push(`${call.name === 'prev' ? 'lag' : 'lead'}(${x}, ${call.offset}${fallback}) OVER (ORDER BY ${n}) AS ${column}`);
      } else if (call.name === 'row_cumsum') {
        const sum = running(x!, partition);
        finals.push(`${call.type === 'real' ? sum : ctx.dialect.fn.cast(sum, 'long')} AS ${column}`);
      } else {
        // A run of equal values starts where the value differs from the row before's (or a segment starts).
        starts.push(`CASE WHEN ${x} IS NOT DISTINCT FROM lag(${x}) OVER (ORDER BY ${n}) THEN 0 ELSE 1 END AS ${c}`);
        sums.push(`${running(call.restart === undefined ? c! : `CASE WHEN ${s} = 1 OR ${c} = 1 THEN 1 ELSE 0 END`)} AS ${r}`);
        finals.push(`${call.name === 'row_rank_dense' ? 'dense_rank()' : 'rank()'} OVER (${by}ORDER BY ${r}) AS ${column}`);
      }
    }
    [values, starts, sums, finals].forEach(layer);
  }
  return {
    ...fromSource(ctx, `(${sql}) AS ${ctx.alias()}`, []),
    columns,
    star: false,
    orderBy: [{ sql: n, descending: false, nulls: 'first' }],
  };
}
