/** `project-keep a, b*`: keeps the matching columns, in their current order. */

/** Column selection by name patterns (`*` allowed). */
export interface ProjectKeepNode {
  readonly kind: 'ProjectKeep';
  readonly patterns: readonly { readonly pattern: string; readonly pos: number }[];
  readonly pos: number;
}
