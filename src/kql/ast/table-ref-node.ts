/** A tabular source by name: a table or a let-bound tabular expression, or a call of a tabular function. */
import type { ExprNode } from './node.js';

/** `MessageTrace`, `['MessageTrace']` or a let name. */
export interface TableRefNode {
  readonly kind: 'TableRef';
  readonly name: string;
  /** The arguments of a call of a let-defined tabular function `F(1, "x")`. */
  readonly args?: readonly ExprNode[];
  readonly pos: number;
}
