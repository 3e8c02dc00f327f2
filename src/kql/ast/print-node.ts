/** `print a = expr, ...`: one row of scalar values, no table. */
import type { AssignmentNode } from './node.js';

/** A one-row source. */
export interface PrintNode {
  readonly kind: 'Print';
  readonly columns: readonly AssignmentNode[];
  readonly pos: number;
}
