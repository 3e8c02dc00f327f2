/** Range test: `x between (a .. b)` and `!between`. */
import type { ExprNode } from './node.js';

/** Inclusive range test. */
export interface BetweenNode {
  readonly kind: 'Between';
  readonly negated: boolean;
  readonly expr: ExprNode;
  readonly low: ExprNode;
  readonly high: ExprNode;
  readonly pos: number;
}
