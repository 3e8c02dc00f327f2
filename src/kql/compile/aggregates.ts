/** Aggregation functions of summarize, with KQL's default output names (count_, sum_Size, percentile_Size_95, ...). */
import type { CallNode, ExprNode } from '../ast/index.js';
import { isNumeric } from '../semantic/types.js';
import { constNumber, want } from './arguments.js';
import type { CompileContext } from './context.js';
import type { ExprScope } from './expression.js';
import { atom } from './sql-expr.js';
import type { SqlExpr } from './sql-expr.js';

/** Every aggregate, for lookups and completion. */
export const AGGREGATE_NAMES: ReadonlySet<string> = new Set([
  'count',
  'countif',
  'dcount',
  'dcountif',
  'sum',
  'sumif',
  'avg',
  'min',
  'max',
  'percentile',
  'percentiles',
  'make_set',
  'make_list',
  'arg_max',
  'arg_min',
  'take_any',
  'take_anyif',
  'any',
  'stdev',
  'stdevp',
  'variance',
  'variancep',
  'make_set_if',
  'make_list_if',
  'make_bag',
  'percentiles_array',
  'hll',
]);

const ARITY: Readonly<Record<string, [number, number]>> = {
  count: [0, 0],
  countif: [1, 1],
  dcount: [1, 2],
  dcountif: [2, 3],
  sum: [1, 1],
  sumif: [2, 2],
  avg: [1, 1],
  min: [1, 1],
  max: [1, 1],
  percentile: [2, 2],
  percentiles: [2, 16],
  make_set: [1, 2],
  make_list: [1, 2],
  arg_max: [2, 64],
  arg_min: [2, 64],
  take_any: [1, 64],
  take_anyif: [2, 2],
  any: [1, 64],
  stdev: [1, 1],
  stdevp: [1, 1],
  variance: [1, 1],
  variancep: [1, 1],
  make_set_if: [2, 3],
  make_list_if: [2, 3],
  make_bag: [1, 2],
  percentiles_array: [2, 16],
  hll: [1, 2],
};

/** One output column of an aggregate. */
export interface AggregateOutput {
  readonly name: string;
  readonly expr: SqlExpr;
}

const inner = (scope: ExprScope): ExprScope => ({ columns: scope.columns, aggregates: false });

/** Aggregates that give one of their values (not a computation on them): a value in ticks stays in ticks. */
const PICKS: ReadonlySet<string> = new Set(['min', 'max', 'any', 'take_any', 'take_anyif', 'arg_max', 'arg_min']);

function arg(ctx: CompileContext, scope: ExprScope, call: CallNode, i: number): SqlExpr {
  const node = call.args[i]!;
  if (node.kind === 'Call' && AGGREGATE_NAMES.has(node.name)) {
    throw ctx.error('unsupported', 'nested-aggregates', { inner: node.name, outer: call.name }, node.pos);
  }
  const exact = PICKS.has(call.name) && !(call.name === 'take_anyif' && i === 1);
  return (exact ? ctx.compile.exactExpr : ctx.compile.expr)(ctx, inner(scope), node);
}

/** The aggregate `sql` of one value of `x`: its type, and its ticks when `x` is in ticks (ticks.ts). */
const picked = (sql: string, x: { type: SqlExpr['type']; ticks?: boolean }): SqlExpr => ({
  ...atom(sql, x.type, true),
  ...(x.ticks ? { ticks: true } : {}),
});

function colName(node: ExprNode | undefined): string {
  return node?.kind === 'Name' ? node.name : '';
}

/** The output columns of one aggregate call, named as KQL names them. */
export function aggregateOutputs(
  ctx: CompileContext,
  scope: ExprScope,
  call: CallNode,
  byNames: readonly string[] = [],
): AggregateOutput[] {
  const fn = ctx.dialect.fn;
  const [min, max] = ARITY[call.name]!;
  if (call.args.length < min || call.args.length > max) {
    throw min === max
      ? ctx.error('invalid-argument', 'argument-count', { name: call.name, count: String(min), given: call.args.length }, call.pos)
      : ctx.error('invalid-argument', 'argument-count-range', { name: call.name, min, max, given: call.args.length }, call.pos);
  }
  const a = (i: number): SqlExpr => arg(ctx, scope, call, i);
  const pred = (i: number): string => want(ctx, call, i, a(i), 'bool').sql;
  const num = (i: number): SqlExpr => {
    const e = a(i);
    if (!isNumeric(e.type)) throw ctx.error('type-mismatch', 'needs-number', { name: call.name, type: e.type }, call.args[i]!.pos);
    return e;
  };
  const one = (name: string, sql: string, type: SqlExpr['type']): AggregateOutput[] => [{ name, expr: atom(sql, type, true) }];
  const first = colName(call.args[0]);
  switch (call.name) {
    case 'count':
      return one('count_', fn.count(), 'long');
    case 'countif':
      return one('countif_', fn.countIf(pred(0)), 'long');
    case 'dcount':
      return one(`dcount_${first}`, fn.dcount(a(0).sql), 'long');
    case 'dcountif':
      return one(`dcountif_${first}`, fn.dcountIf(a(0).sql, pred(1)), 'long');
    case 'sum': {
      const x = num(0);
      return one(`sum_${first}`, x.type === 'real' ? fn.sum(x.sql) : fn.cast(fn.sum(x.sql), 'long'), x.type === 'real' ? 'real' : 'long');
    }
    case 'sumif': {
      const x = num(0);
      const s = fn.sumIf(x.sql, pred(1));
      return one(`sumif_${first}`, x.type === 'real' ? s : fn.cast(s, 'long'), x.type === 'real' ? 'real' : 'long');
    }
    case 'avg':
      return one(`avg_${first}`, fn.avg(num(0).sql), 'real');
    case 'min':
    case 'max': {
      const x = a(0);
      return [{ name: `${call.name}_${first}`, expr: picked(call.name === 'min' ? fn.min(x.sql) : fn.max(x.sql), x) }];
    }
    case 'percentile':
    case 'percentiles': {
      const x = num(0);
      return call.args.slice(1).map((_, k) => {
        const p = constNumber(ctx, call, k + 1, a(k + 1));
        if (p < 0 || p > 100) throw ctx.error('invalid-argument', 'percentile', {}, call.args[k + 1]!.pos);
        return { name: `percentile_${first}_${String(p).replace('.', '_')}`, expr: atom(fn.percentile(x.sql, p / 100), x.type, true) };
      });
    }
    case 'make_set':
    case 'make_list': {
      const limit = call.args.length > 1 ? constNumber(ctx, call, 1, a(1)) : undefined;
      const x = a(0);
      const sql = call.name === 'make_set' ? fn.makeSet(x.sql, limit, x.type) : fn.makeList(x.sql, limit, x.type);
      return one(`${call.name === 'make_set' ? 'set' : 'list'}_${first}`, sql, 'dynamic');
    }
    case 'stdev':
    case 'stdevp':
    case 'variance':
    case 'variancep':
      return one(`${call.name}_${first}`, fn[call.name](fn.cast(num(0).sql, 'real')), 'real');
    case 'make_set_if':
    case 'make_list_if': {
      const x = a(0);
      const sql = call.name === 'make_set_if' ? fn.makeSetIf(x.sql, pred(1), x.type) : fn.makeListIf(x.sql, pred(1), x.type);
      return one(`${call.name === 'make_set_if' ? 'set' : 'list'}_${first}`, sql, 'dynamic');
    }
    case 'take_anyif': {
      const x = a(0);
      return [{ name: first || 'any_', expr: picked(fn.anyValueIf(x.sql, pred(1)), x) }];
    }
    case 'make_bag':
      return one(`bag_${first}`, fn.makeBag(want(ctx, call, 0, a(0), 'dynamic').sql), 'dynamic');
    case 'percentiles_array': {
      const x = num(0);
      const fractions = call.args.slice(1).map((_, k) => {
        const p = constNumber(ctx, call, k + 1, a(k + 1));
        if (p < 0 || p > 100) throw ctx.error('invalid-argument', 'percentile', {}, call.args[k + 1]!.pos);
        return p / 100;
      });
      return one(`percentiles_${first}`, fn.percentilesArray(x.sql, fractions), 'dynamic');
    }
    // An exact sketch: the distinct values themselves, which dcount_hll counts.
    case 'hll': {
      const x = a(0);
      return one(`hll_${first}`, fn.makeSet(x.sql, undefined, x.type), 'dynamic');
    }
    case 'any':
    case 'take_any':
      return call.args.map((node, i) => {
        if (node.kind === 'Star') throw ctx.error('unsupported', 'take-any-star', {}, node.pos);
        const x = a(i);
        return { name: colName(node) || `any_${i}`, expr: picked(fn.anyValue(x.sql), x) };
      });
    default: {
      // arg_max / arg_min: the extreme value, then the other columns from the same row.
      const by = a(0);
      const pick = call.name === 'arg_max' ? fn.argMax : fn.argMin;
      const out: AggregateOutput[] = [
        {
          name: first || `${call.name === 'arg_max' ? 'max' : 'min'}_`,
          expr: picked(call.name === 'arg_max' ? fn.max(by.sql) : fn.min(by.sql), by),
        },
      ];
      for (let i = 1; i < call.args.length; i++) {
        const node = call.args[i]!;
        if (node.kind === 'Star') {
          for (const c of scope.columns) {
            // KQL's `*` here leaves out the extreme column and the summarize keys.
            if (c.name === first || byNames.includes(c.name)) continue;
            out.push({ name: c.name, expr: picked(pick(c.sql, by.sql), c) });
          }
        } else {
          const x = a(i);
          out.push({ name: colName(node) || `${call.name}_${i}`, expr: picked(pick(x.sql, by.sql), x) });
        }
      }
      return out;
    }
  }
}

/** An aggregate used inside a larger expression (`count() * 2`): it must have one output. */
export function compileAggregateCall(ctx: CompileContext, scope: ExprScope, call: CallNode): SqlExpr {
  const outputs = aggregateOutputs(ctx, scope, call);
  if (outputs.length !== 1) throw ctx.error('unsupported', 'several-columns-in-expression', { name: call.name }, call.pos);
  return outputs[0]!.expr;
}
