/** `summarize aggs by keys`: GROUP BY with KQL's output names; keys first, then aggregates. */
import type { SummarizeNode } from '../ast/index.js';
import { columnNamer, uniqueName } from '../semantic/naming.js';
import { AGGREGATE_NAMES, aggregateOutputs } from './aggregates.js';
import { checkNewName, compileAssignment, toColumn } from './columns.js';
import type { CompileContext } from './context.js';
import { compileExpr } from './expression.js';
import { canFilter, ensure, wrap } from './select-state.js';
import type { Column, SelectState } from './select-state.js';

/** `summarize`. */
export function compileSummarize(ctx: CompileContext, state: SelectState, node: SummarizeNode): SelectState {
  const s = ensure(ctx, state, canFilter);
  const taken = new Set<string>();
  const next = columnNamer(taken);
  const rowScope = { columns: s.columns, aggregates: false };
  const columns: Column[] = [];
  const groupBy: string[] = [];
  const buckets = new Map<string, (key: string) => string>();
  for (const b of node.by) {
    const { name, expr } = compileAssignment(ctx, rowScope, b, next);
    if (b.name === undefined && expr.type === 'dynamic') throw ctx.error('type-mismatch', 'cannot-group-dynamic', {}, b.pos);
    const unique = uniqueName(name, taken);
    taken.add(unique);
    // A bucket that is its own key (startofday) is grouped on as it is.
    const bucket = expr.bucket && expr.bucket.of === expr.sql && expr.bucket.key !== expr.sql && !expr.aggregate ? expr.bucket : undefined;
    if (bucket) {
      columns.push({ name: unique, type: 'long', sql: bucket.key, atomic: false });
      groupBy.push(bucket.key);
      buckets.set(unique, bucket.time);
      continue;
    }
    columns.push(toColumn(unique, expr));
    groupBy.push(expr.sql);
  }
  const aggScope = { columns: s.columns, aggregates: true };
  for (const a of node.aggregates) {
    const e = a.expr;
    if (e.kind === 'Call' && AGGREGATE_NAMES.has(e.name)) {
      const outputs = aggregateOutputs(
        ctx,
        aggScope,
        e,
        columns.map((c) => c.name),
      );
      if (a.name !== undefined && outputs.length > 1) {
        throw ctx.error('unsupported', 'several-columns-named', { name: e.name, column: a.name }, a.pos);
      }
      for (const o of outputs) {
        const name = uniqueName(a.name !== undefined ? checkNewName(ctx, a.name, a.pos) : o.name, taken);
        taken.add(name);
        columns.push(toColumn(name, o.expr));
      }
      continue;
    }
    const x = compileExpr(ctx, aggScope, e);
    if (!x.aggregate) throw ctx.error('invalid-argument', 'summarize-aggregates', {}, a.pos);
    const name = uniqueName(a.name !== undefined ? checkNewName(ctx, a.name, a.pos) : next(), taken);
    taken.add(name);
    columns.push(toColumn(name, x));
  }
  const grouped: SelectState = { ...s, columns, groupBy, orderBy: [], star: false };
  if (buckets.size === 0) return grouped;
  // Time bins were grouped on integers (cheaper than a datetime computed for every row): datetimes again, once per group.
  const outer = wrap(ctx, grouped);
  const asTime = (c: Column): Column => {
    const time = buckets.get(c.name);
    return time ? { name: c.name, type: 'datetime', sql: time(ctx.q(c.name)), atomic: true } : c;
  };
  return { ...outer, columns: outer.columns.map(asTime), star: false };
}
