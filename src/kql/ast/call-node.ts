/** A function call: scalar functions and aggregates alike. */
import type { ExprNode } from './node.js';

/** `name(args)`; the name as written. */
export interface CallNode {
  readonly kind: 'Call';
  readonly name: string;
  readonly args: readonly ExprNode[];
  readonly pos: number;
}
