/** `top-nested N of Key by Agg [asc|desc], top-nested ...`: the top groups of each level within the groups above it. */
import type { AssignmentNode } from './node.js';

/** One level of top-nested. */
export interface TopNestedLevel {
  /** How many groups to keep (undefined: all). */
  readonly count: number | undefined;
  readonly key: AssignmentNode;
  /** Kept as one group named `withOthers`'s value when given. */
  readonly others: AssignmentNode['expr'] | undefined;
  readonly aggregate: AssignmentNode;
  readonly descending: boolean;
  readonly pos: number;
}

/** Hierarchical top. */
export interface TopNestedNode {
  readonly kind: 'TopNested';
  readonly levels: readonly TopNestedLevel[];
  readonly pos: number;
}
