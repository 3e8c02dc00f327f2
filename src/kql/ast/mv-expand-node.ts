/** `mv-expand [name =] column [to typeof(T)]`: one row per element of a dynamic array. */
import type { ColumnType } from '../../schema/index.js';
import type { AssignmentNode } from './node.js';

/** Array expansion. */
export interface MvExpandNode {
  readonly kind: 'MvExpand';
  readonly column: AssignmentNode;
  readonly toType: ColumnType | undefined;
  readonly pos: number;
}
