/** An output column: `Name = expr` or a bare `expr` whose name KQL derives. */
import type { ExprNode } from './node.js';

/** `name = expr`; `name` is undefined when KQL derives it from the expression. */
export interface AssignmentNode {
  readonly kind: 'Assignment';
  readonly name: string | undefined;
  readonly expr: ExprNode;
  readonly pos: number;
  /** `(a, b, ...) = f(x)`: names for the columns of a function that gives several (such as series_stats). */
  readonly names?: readonly string[];
}
