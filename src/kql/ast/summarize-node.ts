/** `summarize aggs by keys`: one row per distinct key. */
import type { AssignmentNode } from './node.js';

/** Grouping and aggregation. */
export interface SummarizeNode {
  readonly kind: 'Summarize';
  readonly aggregates: readonly AssignmentNode[];
  readonly by: readonly AssignmentNode[];
  readonly pos: number;
}
