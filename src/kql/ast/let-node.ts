/** `let name = scalar;` or `let name = tabular;`. */
import type { ExprNode, PipelineNode } from './node.js';

/** A binding; `value` is a pipeline for tabular lets. */
export interface LetNode {
  readonly kind: 'Let';
  readonly name: string;
  readonly value: ExprNode | PipelineNode;
  readonly pos: number;
}
