/** `toscalar(T | summarize ...)`: the first column of the first row of a tabular expression, as a scalar. */
import type { PipelineNode } from './node.js';

/** A tabular expression used as a value. */
export interface ToScalarNode {
  readonly kind: 'ToScalar';
  readonly pipeline: PipelineNode;
  readonly pos: number;
}
