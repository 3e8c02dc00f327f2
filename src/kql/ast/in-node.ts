/** Set tests: in, !in, in~, !in~, has_any, has_all against a list of values or a one-column tabular expression. */
import type { ExprNode, PipelineNode } from './node.js';

/** `expr in (a, b)` or `expr in (T | project C)`. */
export interface InNode {
  readonly kind: 'In';
  readonly op: 'in' | '!in' | 'in~' | '!in~' | 'has_any' | 'has_all';
  readonly expr: ExprNode;
  readonly values: readonly ExprNode[] | PipelineNode;
  readonly pos: number;
}
