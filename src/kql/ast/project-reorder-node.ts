/** `project-reorder a, b*`: the matching columns first, in the order given; the rest after them. */

/** Column reordering by name patterns (`*` allowed). */
export interface ProjectReorderNode {
  readonly kind: 'ProjectReorder';
  readonly patterns: readonly { readonly pattern: string; readonly pos: number }[];
  readonly pos: number;
}
