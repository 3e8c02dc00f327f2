/** Element access on a dynamic value: `Labels[0]`, `Details['key']`. */
import type { ExprNode } from './node.js';

/** `target[index]`. */
export interface IndexNode {
  readonly kind: 'Index';
  readonly target: ExprNode;
  readonly index: ExprNode;
  readonly pos: number;
}
