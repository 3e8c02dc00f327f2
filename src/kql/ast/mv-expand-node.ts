/** `mv-expand [with_itemindex=I] [name =] column [to typeof(T)], ... [limit N]`: one row per element of dynamic arrays. */
import type { ColumnType } from '../../schema/index.js';
import type { AssignmentNode } from './node.js';

/** One expanded array. */
export interface MvExpandItem {
  readonly column: AssignmentNode;
  readonly toType: ColumnType | undefined;
}

/** Array expansion; several arrays are expanded side by side. */
export interface MvExpandNode {
  readonly kind: 'MvExpand';
  readonly items: readonly MvExpandItem[];
  /** The name of a column holding each element's 0-based index. */
  readonly itemIndex: string | undefined;
  /** How a property bag is expanded: one-key bags (Kusto's default) or [key, value] arrays. */
  readonly bagExpansion: 'bag' | 'array';
  /** At most this many rows from each row. */
  readonly limit: number | undefined;
  readonly pos: number;
}
