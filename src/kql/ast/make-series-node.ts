/** `make-series agg [default = v], ... on Axis [from a] [to b] step s [by keys]`: one array of aggregates per group. */
import type { AssignmentNode, ExprNode } from './node.js';

/** One series: an aggregate and the value of bins without rows. */
export interface SeriesAggregate {
  readonly column: AssignmentNode;
  readonly fill: ExprNode | undefined;
}

/** Series of aggregates along an axis. */
export interface MakeSeriesNode {
  readonly kind: 'MakeSeries';
  readonly aggregates: readonly SeriesAggregate[];
  readonly axis: ExprNode;
  readonly from: ExprNode | undefined;
  readonly to: ExprNode | undefined;
  readonly step: ExprNode;
  readonly by: readonly AssignmentNode[];
  readonly pos: number;
}
