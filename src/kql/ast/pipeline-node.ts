/** A tabular expression: a source followed by piped operators. */
import type { OperatorNode, SourceNode } from './node.js';

/** `source | op | op ...`. */
export interface PipelineNode {
  readonly kind: 'Pipeline';
  readonly source: SourceNode;
  readonly operators: readonly OperatorNode[];
  readonly pos: number;
}
