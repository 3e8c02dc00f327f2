/** Whether a KQL expression reads only some columns, deterministically: then it has one value per summary row. */
import type { ExprNode } from '../ast/index.js';
import { AGGREGATE_NAMES } from '../compile/aggregates.js';

/** Functions whose value is not fixed by their arguments. */
const VOLATILE = new Set(['rand', 'new_guid']);

/**
 * The columns `e` reads, or undefined when it is not a plain row expression (an aggregate, a random value, a
 * subquery): such an expression can't be moved onto summary rows.
 */
export function columnsRead(e: ExprNode, out = new Set<string>()): Set<string> | undefined {
  switch (e.kind) {
    case 'Literal':
      return out;
    case 'Name':
      out.add(e.name);
      return out;
    case 'Binary':
      return columnsRead(e.left, out) && columnsRead(e.right, out);
    case 'Unary':
      return columnsRead(e.operand, out);
    case 'Between':
      return columnsRead(e.expr, out) && columnsRead(e.low, out) && columnsRead(e.high, out);
    case 'Index':
      return columnsRead(e.target, out) && columnsRead(e.index, out);
    case 'Member':
      return columnsRead(e.target, out);
    case 'Call':
      if (AGGREGATE_NAMES.has(e.name) || VOLATILE.has(e.name)) return undefined;
      for (const a of e.args) if (!columnsRead(a, out)) return undefined;
      return out;
    case 'In':
      if (!Array.isArray(e.values)) return undefined;
      for (const v of e.values as readonly ExprNode[]) if (!columnsRead(v, out)) return undefined;
      return columnsRead(e.expr, out);
    default:
      return undefined;
  }
}
