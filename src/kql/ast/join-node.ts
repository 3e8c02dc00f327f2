/** `join kind=K (right) on A, $left.B == $right.C`. */
import type { PipelineNode } from './node.js';

/** Join kinds we support; `innerunique` is KQL's default. */
export type JoinKind = 'innerunique' | 'inner' | 'leftouter' | 'leftanti' | 'leftsemi';

/** One equality of the join condition. */
export interface JoinKey {
  readonly left: string;
  readonly right: string;
  readonly pos: number;
}

/** A join of the piped input (left) with `right`. */
export interface JoinNode {
  readonly kind: 'Join';
  readonly joinKind: JoinKind;
  readonly right: PipelineNode;
  readonly on: readonly JoinKey[];
  readonly pos: number;
}
