/** A bare or bracketed name: a column, a let-bound scalar, or a table when used as a source. */

/** A reference by name; `bracketed` when written as ['name']. */
export interface NameNode {
  readonly kind: 'Name';
  readonly name: string;
  readonly bracketed: boolean;
  readonly pos: number;
}
