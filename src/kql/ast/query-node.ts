/** A whole query: let statements followed by one tabular expression. */
import type { LetNode, PipelineNode } from './node.js';

/** The root of the tree. */
export interface QueryNode {
  readonly kind: 'Query';
  readonly lets: readonly LetNode[];
  readonly body: PipelineNode;
  readonly pos: number;
}
