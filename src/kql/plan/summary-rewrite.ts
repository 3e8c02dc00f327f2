/**
 * The summarize of a query as it reads on summary rows: each aggregate the same value computed from the rows'
 * counts (count() -> sum of Rows, sum(Size) -> sum of Bytes, ...). Only aggregates that split exactly over
 * groups of rows qualify; anything else answers why not.
 */
import type { AssignmentNode, CallNode, ExprNode, SummarizeNode } from '../ast/index.js';
import { columnsRead } from './dimension-expr.js';

/** Names of the measure columns on summary rows, as the planner's source presents them. */
export const ROWS = '__Rows';
export const BYTES = '__Bytes';

const name = (n: string, pos: number): ExprNode => ({ kind: 'Name', name: n, bracketed: false, pos });
const call = (fn: string, args: ExprNode[], pos: number): CallNode => ({ kind: 'Call', name: fn, args, pos });
const zero = (pos: number): ExprNode => ({ kind: 'Literal', type: 'long', value: 0, pos });
/** A count is 0, not null, over no rows (and countif over a group where none matches). */
const counted = (sum: CallNode): ExprNode => call('coalesce', [sum, zero(sum.pos)], sum.pos);

/** Every column `e` reads is one of `dims`. */
function onDims(e: ExprNode, dims: ReadonlySet<string>, used: Set<string>): boolean {
  const cols = columnsRead(e);
  if (!cols) return false;
  for (const c of cols) {
    if (!dims.has(c)) return false;
    used.add(c);
  }
  return true;
}

const isSize = (e: ExprNode | undefined) => e?.kind === 'Name' && e.name === 'Size';

/** One aggregate on summary rows, named as KQL would have named the original; a string says why it can't be. */
function rewriteAggregate(a: AssignmentNode, dims: ReadonlySet<string>, used: Set<string>): AssignmentNode | string {
  const e = a.expr;
  if (e.kind !== 'Call') return 'an aggregate inside an expression';
  const [x, p] = e.args;
  const as = (fallback: string, expr: ExprNode): AssignmentNode => ({ ...a, name: a.name ?? fallback, expr });
  switch (e.name) {
    case 'count':
      return e.args.length === 0 ? as('count_', counted(call('sum', [name(ROWS, e.pos)], e.pos))) : 'count() with arguments';
    case 'countif':
      if (e.args.length === 1 && onDims(x!, dims, used)) return as('countif_', counted(call('sumif', [name(ROWS, e.pos), x!], e.pos)));
      break;
    case 'sum':
      if (e.args.length === 1 && isSize(x)) return as('sum_Size', call('sum', [name(BYTES, e.pos)], e.pos));
      break;
    case 'sumif':
      if (e.args.length === 2 && isSize(x) && onDims(p!, dims, used))
        return as('sumif_Size', call('sumif', [name(BYTES, e.pos), p!], e.pos));
      break;
    case 'dcount':
    case 'min':
    case 'max':
      // Distinct values and extremes of a dimension are the same over its summary rows.
      if (e.args.length === 1 && x!.kind === 'Name' && onDims(x!, dims, used)) return as(`${e.name}_${x!.name}`, e);
      break;
  }
  return `${e.name}() of these arguments is not kept in the summary tables`;
}

/** Whether a `by` key is a time bin made of whole hours: bin / floor / bin_at of Received by a multiple of 1h. */
export function hourBin(e: ExprNode): boolean {
  if (e.kind !== 'Call' || e.args[0]?.kind !== 'Name' || e.args[0].name !== 'Received') return false;
  const step = e.args[1];
  const wholeHours =
    step?.kind === 'Literal' &&
    step.type === 'timespan' &&
    step.tick === undefined &&
    typeof step.value === 'number' &&
    step.value > 0 &&
    step.value % 3_600_000_000 === 0;
  if ((e.name === 'bin' || e.name === 'floor') && e.args.length === 2) return wholeHours;
  if (e.name === 'bin_at' && e.args.length === 3) {
    const at = e.args[2]!;
    const whole = at.kind === 'Literal' && at.type === 'datetime' && at.tick === undefined;
    return wholeHours && whole && typeof at.value === 'number' && at.value % 3_600_000 === 0;
  }
  return e.name === 'startofday' && e.args.length === 1;
}

/** `summarize` on summary rows, or why it can't be; `used` collects the dimensions it reads. */
export function rewriteSummarize(node: SummarizeNode, dims: ReadonlySet<string>, used: Set<string>): SummarizeNode | string {
  for (const b of node.by) {
    if (hourBin(b.expr)) continue;
    if (!onDims(b.expr, dims, used)) return 'it groups by a column the summary tables do not keep';
  }
  const aggregates: AssignmentNode[] = [];
  for (const a of node.aggregates) {
    const r = rewriteAggregate(a, dims, used);
    if (typeof r === 'string') return r;
    aggregates.push(r);
  }
  return { ...node, aggregates };
}

/** `| count` on summary rows. */
export function countAsSummarize(pos: number): SummarizeNode {
  return {
    kind: 'Summarize',
    aggregates: [{ kind: 'Assignment', name: 'Count', expr: counted(call('sum', [name(ROWS, pos)], pos)), pos }],
    by: [],
    pos,
  };
}

export { onDims };
