/** Dialect hooks over lists (SQL arrays): the terms of a string and membership tests on them. `x` are SQL fragments. */

/** SQL spellings of list functions. */
export interface ListFunctions {
  /** The lower-cased terms of a string: its runs of Unicode letters and digits (what KQL's `has` matches). */
  terms(x: string): string;
  /** A list of SQL values. */
  list(items: readonly string[]): string;
  /** Whether the list `x` holds any of `items` (a list). */
  listHasAny(x: string, items: string): string;
  /** Whether the list `x` holds all of `items` (a list). */
  listHasAll(x: string, items: string): string;
  /** One row per part of the string `x` split at `delimiter` (set-returning, as unnestJson). */
  unnestSplit(x: string, delimiter: string): string;
  /**
   * The set-returning columns of mv-expand: the elements of each JSON array (as text when `asText`) side by side,
   * padded with nulls to the longest, as Kusto zips them; then their 0-based index when `index`; at most `limit` rows
   * from each row; a property bag's entries as [key, value] arrays when `pairs` (kind=array). Undefined when the
   * dialect cannot zip the arrays (or read bags).
   */
  unnestJsonZip(
    arrays: readonly { sql: string; asText: boolean; pairs?: boolean }[],
    index: boolean,
    limit: number | undefined,
  ): string[] | undefined;
  /** A timespan of `x` (a number, rounded to whole) microseconds. */
  microsToInterval(x: string): string;
}
