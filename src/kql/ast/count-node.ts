/** `count`: one row with the column Count. */

/** Row count. */
export interface CountNode {
  readonly kind: 'Count';
  readonly pos: number;
}
