/** An output column: `Name = expr` or a bare `expr` whose name KQL derives. */
import type { ExprNode } from './node.js';

/** `name = expr`; `name` is undefined when KQL derives it from the expression. */
export interface AssignmentNode {
  readonly kind: 'Assignment';
  readonly name: string | undefined;
  readonly expr: ExprNode;
  readonly pos: number;
}
