/** `extend a = expr`: adds columns (or replaces one of the same name in place). */
import type { AssignmentNode } from './node.js';

/** Computed columns. */
export interface ExtendNode {
  readonly kind: 'Extend';
  readonly columns: readonly AssignmentNode[];
  readonly pos: number;
}
