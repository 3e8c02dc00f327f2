/** Dialect hooks for the operators that build arrays per group, keep the top groups or run a subquery per row: make-series, top-nested, mv-apply. */

/** SQL spellings of series and per-group limits. `x` are SQL fragments. */
export interface SeriesFunctions {
  /** The values of `x` in a group, as the engine's own list (lists of one GROUP BY line up element for element). */
  groupList(x: string): string;
  /** A list of `n` elements: element i is the value of `values` where `bins` holds i, else `fill`. */
  seriesFill(n: string, bins: string, values: string, fill: string): string;
  /** A list of `n` elements, element i being `element(i)` (a number; `asDatetime`: microseconds made Kusto's ISO text, 7 fraction digits). */
  seriesRange(n: string, element: (i: string) => string, asDatetime: boolean): string;
  /** The JSON array text of a list. */
  listJson(x: string): string;
  /** A SELECT of the rows of the subquery `sql` with at most `n` per value of `partition`, the first by `order` (keys with ASC/DESC). */
  /** `left` (a FROM item) joined with the rows of `subquery` computed for each of its rows (needs lateralJoins). */
  lateral(left: string, subquery: string, alias: string): string;
  /**
   * A SELECT of the distinct (key, JSON type) pairs of the JSON objects in `column` of the subquery `sql`, the
   * types as DuckDB's json_type names (BIGINT, DOUBLE, VARCHAR, BOOLEAN, ...); undefined where the engine cannot.
   */
  bagKeyTypes(sql: string, column: string, alias: string): string | undefined;
  topPerGroup(sql: string, partition: readonly string[], order: readonly string[], n: number, alias: string): string;
}
