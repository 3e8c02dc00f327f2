/** A prefix minus or plus. */
import type { ExprNode } from './node.js';

/** `-x` or `+x`. */
export interface UnaryNode {
  readonly kind: 'Unary';
  readonly op: '-' | '+';
  readonly operand: ExprNode;
  readonly pos: number;
}
