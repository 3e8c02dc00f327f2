/** `as Name`: names the rows so far for later use in the same query. */

/** Binds a name to the piped input. */
export interface AsNode {
  readonly kind: 'As';
  readonly name: string;
  readonly pos: number;
}
