/** `range Name from a to b step s`: one column of values a, a+s, ... up to b inclusive. */
import type { ExprNode } from './node.js';

/** A generated series. */
export interface RangeNode {
  readonly kind: 'Range';
  readonly name: string;
  readonly from: ExprNode;
  readonly to: ExprNode;
  readonly step: ExprNode;
  readonly pos: number;
}
