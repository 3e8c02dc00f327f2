/** `union A, B` as a source, or `| union B` as an operator (then the piped input comes first). */
import type { PipelineNode } from './node.js';

/** Rows of all the listed tabular expressions; columns by name. */
export interface UnionNode {
  readonly kind: 'Union';
  readonly tables: readonly PipelineNode[];
  /** `withsource=Name`: a first column naming the table each row comes from. */
  readonly withSource?: string;
  readonly pos: number;
}
