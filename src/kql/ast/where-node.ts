/** `where predicate`: keeps the rows for which the predicate is true. */
import type { ExprNode } from './node.js';

/** Row filter. */
export interface WhereNode {
  readonly kind: 'Where';
  readonly predicate: ExprNode;
  readonly pos: number;
}
