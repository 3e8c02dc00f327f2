/** `join kind=K (right) on A, $left.B == $right.C`. */
import type { PipelineNode } from './node.js';

/** Join kinds we support; `innerunique` is KQL's default. */
export type JoinKind =
  'innerunique' | 'inner' | 'leftouter' | 'leftanti' | 'leftsemi' | 'rightouter' | 'rightanti' | 'rightsemi' | 'fullouter';

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
  /** `lookup`: the right side's key columns are not repeated in the output. */
  readonly lookup?: boolean;
  readonly pos: number;
}
