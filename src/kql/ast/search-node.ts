/** `search "term"`: rows where any string column has the term. */

/** Free-text search over the string columns. */
export interface SearchNode {
  readonly kind: 'Search';
  readonly term: string;
  readonly pos: number;
}
