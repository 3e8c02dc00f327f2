/** An infix operator: arithmetic, comparison, logic and the string operators (has, contains, ...). */
import type { ExprNode } from './node.js';

/** `left op right`; `op` is lower-cased (==, =~, has, !contains, matches regex, and, ...). */
export interface BinaryNode {
  readonly kind: 'Binary';
  readonly op: string;
  readonly left: ExprNode;
  readonly right: ExprNode;
  readonly pos: number;
}
