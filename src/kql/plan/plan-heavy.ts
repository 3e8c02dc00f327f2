/**
 * A `top N by` a count, grouped by one value, over whole days: answered from the heavy-value table
 * (HEAVY_AGGREGATES) of the daily table the planner chose, if it keeps every column the query reads, with that daily
 * table as the fallback when the answer's Nth count does not pass what a value the heavy table lacks can reach over
 * the range's days. The Overview's per-sender pivot reads about a seventh of the daily senders' rows so (a
 * fourteenth on the 98.5M-row month).
 */
import { DAY_GRAIN_MS, HEAVY_AGGREGATES, type HeavyAggregateDef, type TraceAggregateDef } from '../../schema/index.js';
import type { ExprNode, QueryNode } from '../ast/index.js';

/** What a heavy table answers of a query, and how its answer is checked. */
export interface HeavyTop {
  readonly def: HeavyAggregateDef;
  /** N of the top. */
  readonly rows: number;
  /** The output column ranked by. */
  readonly column: string;
  /** The most rows any value the heavy table does not hold can have in the range. */
  readonly most: number;
}

/** UTC days [from, to) touches. */
const daysTouched = (from: number, to: number) => Math.ceil(to / DAY_GRAIN_MS) - Math.floor(from / DAY_GRAIN_MS);

/**
 * The heavy table that answers `query` (reading the dimensions `used`) in place of `day` (a daily table) over
 * [from, to), if one does: the query is `where`s, then `summarize` of counts and other aggregates by the heavy
 * table's key alone, then `top N by` one of the counts (count() or countif(), never more than the rows).
 */
export function heavyTop(
  query: QueryNode,
  day: TraceAggregateDef,
  used: ReadonlySet<string>,
  timeRange: { from?: number; to?: number } | undefined,
): HeavyTop | undefined {
  const def = HEAVY_AGGREGATES.find((h) => h.of === day.name && [...used].every((c) => h.dimensions.includes(c)));
  const { from, to } = timeRange ?? {};
  if (!def || from === undefined || to === undefined) return undefined;
  const ops = query.body.operators;
  const at = ops.findIndex((op) => op.kind !== 'Where');
  const summarize = ops[at];
  const top = ops[at + 1];
  if (summarize?.kind !== 'Summarize' || top?.kind !== 'Top' || ops.length !== at + 2) return undefined;
  const [key] = summarize.by;
  if (summarize.by.length !== 1 || key!.expr.kind !== 'Name' || key!.expr.name !== def.key) return undefined;
  const [by] = top.keys;
  const n = top.count;
  if (top.keys.length !== 1 || !by!.descending || by!.expr.kind !== 'Name' || n.kind !== 'Literal' || typeof n.value !== 'number')
    return undefined;
  if (!Number.isInteger(n.value) || n.value < 1) return undefined;
  const column = by!.expr.name;
  const ranked = summarize.aggregates.find((a) => (a.name ?? defaultName(a.expr)) === column);
  const e = ranked?.expr;
  const counts = e?.kind === 'Call' && ((e.name === 'count' && e.args.length === 0) || (e.name === 'countif' && e.args.length === 1));
  if (!counts) return undefined;
  return { def, rows: n.value, column, most: (def.minDayRows - 1) * daysTouched(from, to) };
}

/** The name KQL gives an unnamed count() or countif(). */
function defaultName(e: ExprNode): string {
  return e.kind === 'Call' ? `${e.name}_` : '';
}
