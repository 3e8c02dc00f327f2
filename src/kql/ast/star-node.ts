/** `*` as an argument: `arg_max(Received, *)`. */

/** All columns. */
export interface StarNode {
  readonly kind: 'Star';
  readonly pos: number;
}
