/** `distinct a, b` or `distinct *`. */
import type { AssignmentNode } from './node.js';

/** Distinct rows; `columns` undefined for `*`. */
export interface DistinctNode {
  readonly kind: 'Distinct';
  readonly columns: readonly AssignmentNode[] | undefined;
  readonly pos: number;
}
