/** `project a, b = expr`: exactly these columns, in this order. */
import type { AssignmentNode } from './node.js';

/** Column selection and computation. */
export interface ProjectNode {
  readonly kind: 'Project';
  readonly columns: readonly AssignmentNode[];
  readonly pos: number;
}
