/** `evaluate plugin(args) [: (Name:type, ...)]`: bag_unpack and pivot. */
import type { ColumnType } from '../../schema/index.js';
import type { ExprNode } from './node.js';

/** A plugin call. */
export interface EvaluateNode {
  readonly kind: 'Evaluate';
  readonly plugin: string;
  readonly args: readonly ExprNode[];
  /** The output schema when the query gives one. */
  readonly schema: readonly { readonly name: string; readonly type: ColumnType }[] | undefined;
  readonly pos: number;
}
