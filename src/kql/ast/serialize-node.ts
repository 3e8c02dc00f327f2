/** `serialize [Name = expr, ...]`: marks the rows as ordered, so that row_number(), prev() and next() apply. */
import type { AssignmentNode } from './node.js';

/** Ordered rows, optionally with new columns (as extend). */
export interface SerializeNode {
  readonly kind: 'Serialize';
  readonly columns: readonly AssignmentNode[];
  readonly pos: number;
}
