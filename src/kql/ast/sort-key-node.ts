/** One key of `order by` / `sort by` / `top`: KQL sorts descending unless told otherwise. */
import type { ExprNode } from './node.js';

/** `expr [asc|desc] [nulls first|last]`; `nulls` undefined means KQL's default for the direction. */
export interface SortKeyNode {
  readonly kind: 'SortKey';
  readonly expr: ExprNode;
  readonly descending: boolean;
  readonly nulls: 'first' | 'last' | undefined;
  readonly pos: number;
}
