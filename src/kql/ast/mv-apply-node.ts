/** `mv-apply x = arr [to typeof(T)], ... on (subquery)`: a subquery run over each row's array elements. */
import type { ColumnType } from '../../schema/index.js';
import type { AssignmentNode, OperatorNode } from './node.js';

/** One expanded array of mv-apply. */
export interface MvApplyItem {
  readonly column: AssignmentNode;
  readonly toType: ColumnType | undefined;
}

/** Per-row subquery over expanded arrays. */
export interface MvApplyNode {
  readonly kind: 'MvApply';
  readonly items: readonly MvApplyItem[];
  /** The name of a column holding each element's 0-based index. */
  readonly itemIndex: string | undefined;
  /** At most this many elements of each row's arrays. */
  readonly limit: number | undefined;
  /** The operators of the subquery (its source is the row's expanded elements). */
  readonly operators: readonly OperatorNode[];
  readonly pos: number;
}
