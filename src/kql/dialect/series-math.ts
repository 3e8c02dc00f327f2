/**
 * Dialect hooks for arithmetic over series (lists of doubles): the few list primitives the series algorithms
 * (series_outliers, series_fir, series_decompose, ...) are written with once, in src/kql/compile/series-*.ts.
 * Every argument is a SQL fragment; `v` names a lambda variable the caller keeps unique within the query.
 */
export interface SeriesMath {
  /** The list of doubles (nulls kept) of a JSON array text of numbers. */
  doubles(json: string): string;
  /** The JSON array text of a list of doubles (`integers`: the elements written as longs). */
  json(list: string, integers?: boolean): string;
  /** Whether the JSON array text holds integers (at least one) and nulls only. */
  allIntegers(json: string): string;
  /** The JSON number text of a double ('null' for null), as the dialect writes one inside an array. */
  jsonNumber(x: string): string;
  /** The JSON number text of an integer ('null' for null). */
  jsonInteger(x: string): string;
  /** A JSON object of `entries` (key, JSON text of the value), as a dynamic value. */
  object(entries: readonly (readonly [string, string])[]): string;
  /** The number of elements. */
  len(list: string): string;
  /** Element `i` (0-based); null where `i` is outside the list. */
  at(list: string, i: string): string;
  /** A list of `n` elements, element `v` (0, 1, ...) being `body`. */
  build(n: string, v: string, body: string): string;
  /** `body` with `v` bound to the value of `value` (computed once). */
  bind(value: string, v: string, body: string): string;
  /** The non-null elements, ascending. */
  sortedValues(list: string): string;
  /** The sum of the non-null elements (0 for none). */
  sum(list: string): string;
  /** The sample variance of the non-null elements, by Welford's method (as Kusto's figures are). */
  varianceSample(list: string): string;
  /** The number of non-null elements. */
  count(list: string): string;
  /** The 0-based position of the first element equal to `x`, -1 when none. */
  indexOf(list: string, x: string): string;
}
