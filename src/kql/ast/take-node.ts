/** `take N` / `limit N`: any N rows. */
import type { ExprNode } from './node.js';

/** Row limit. */
export interface TakeNode {
  readonly kind: 'Take';
  readonly count: ExprNode;
  readonly pos: number;
}
