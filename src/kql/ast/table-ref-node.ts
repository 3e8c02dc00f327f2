/** A tabular source by name: a table or a let-bound tabular expression. */

/** `MessageTrace`, `['MessageTrace']` or a let name. */
export interface TableRefNode {
  readonly kind: 'TableRef';
  readonly name: string;
  readonly pos: number;
}
