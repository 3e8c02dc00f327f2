/** `top N by key`: the first N rows by a sort. */
import type { ExprNode, SortKeyNode } from './node.js';

/** Sort then take. */
export interface TopNode {
  readonly kind: 'Top';
  readonly count: ExprNode;
  readonly keys: readonly SortKeyNode[];
  readonly pos: number;
}
