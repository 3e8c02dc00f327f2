/**
 * Dialect hooks for the functions over ordered rows (row_number, prev, next, row_cumsum, row_rank_*) on an engine
 * without window functions: the ordered rows are collected into one array of tuples, each function is an array
 * with an element per row, and the rows are made rows again beside those arrays. `x` are SQL fragments; `xs`,
 * `restart` are arrays with an element per row (from `column`), in the rows' order.
 */
import type { ColumnType } from '../../schema/index.js';

/** SQL spellings of the arrays. */
export interface WindowArrays {
  /**
   * A SELECT of the rows of the query `rows` (read in its order, which its ORDER BY makes): one row per row with
   * its columns `names` (quoted identifiers, the first `names.length` of `rows`' columns), the row's place from 1
   * as `index`, and each of `windows` as its `name`; `windows` are arrays made from `all` (the array of the rows,
   * each a tuple of the columns of `rows` in order: `names` then `values`).
   */
  layer(
    rows: string,
    names: readonly string[],
    values: number,
    index: string,
    windows: readonly { name: string; array: (all: string) => string }[],
  ): string;
  /** The array of the `k`-th (from 1) column of the rows `all`. */
  column(all: string, k: number): string;
  /** row_number: from `start`, again from `start` at each row whose `restart` is true. */
  rowNumber(all: string, start: number, restart?: string): string;
  /** prev (`forward` false) or next: the value `offset` rows away, `fallback` (a constant) where there is none. */
  shift(all: string, xs: string, offset: number, fallback: string, forward: boolean): string;
  /** row_cumsum of numbers of KQL `type`, again from 0 at each row whose `restart` is true; undefined: not on this engine. */
  cumsum(xs: string, type: ColumnType, restart?: string): string | undefined;
  /** row_rank_dense (`min` false) or row_rank_min of the values `xs`: their rank by changes from the row before. */
  rank(all: string, xs: string, min: boolean, restart?: string): string;
}
