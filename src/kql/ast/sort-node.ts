/** `order by` / `sort by`. */
import type { SortKeyNode } from './node.js';

/** Row ordering. */
export interface SortNode {
  readonly kind: 'Sort';
  readonly keys: readonly SortKeyNode[];
  readonly pos: number;
}
