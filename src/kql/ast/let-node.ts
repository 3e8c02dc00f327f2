/** `let name = scalar;` or `let name = tabular;`. */
import type { ColumnType } from '../../schema/index.js';
import type { ExprNode, PipelineNode } from './node.js';

/** `(x:long, s:string) { body }`: a user-defined function; the body is a scalar or a tabular expression. */
export interface FunctionValue {
  readonly kind: 'Function';
  readonly params: readonly { readonly name: string; readonly type: ColumnType; readonly pos: number }[];
  readonly body: ExprNode | PipelineNode;
  readonly pos: number;
}

/** A binding; `value` is a pipeline for tabular lets. */
export interface LetNode {
  readonly kind: 'Let';
  readonly name: string;
  readonly value: ExprNode | PipelineNode | FunctionValue;
  readonly pos: number;
}
