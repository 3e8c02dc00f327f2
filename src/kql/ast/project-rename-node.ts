/** `project-rename new = old`: renames columns in place. */

/** Column renames. */
export interface ProjectRenameNode {
  readonly kind: 'ProjectRename';
  readonly renames: readonly { readonly to: string; readonly from: string; readonly pos: number }[];
  readonly pos: number;
}
