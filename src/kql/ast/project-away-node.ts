/** `project-away a, b*`: drops columns (wildcards allowed). */

/** Column removal; each pattern may contain `*`. */
export interface ProjectAwayNode {
  readonly kind: 'ProjectAway';
  readonly patterns: readonly { readonly pattern: string; readonly pos: number }[];
  readonly pos: number;
}
