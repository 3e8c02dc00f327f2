/** `datatable(Name:type, ...) [v1, v2, ...]`: rows written in the query, filled row by row. */
import type { ColumnType } from '../../schema/index.js';
import type { ExprNode } from './node.js';

/** An inline table. */
export interface DatatableNode {
  readonly kind: 'Datatable';
  readonly columns: readonly { readonly name: string; readonly type: ColumnType; readonly pos: number }[];
  /** The values, row after row (a multiple of the column count). */
  readonly values: readonly ExprNode[];
  readonly pos: number;
}
