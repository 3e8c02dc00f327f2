/** Dialect hooks for the aggregates beyond count/sum/avg/min/max (see dialect.ts). `x` and `p` are SQL fragments. */
import type { ColumnType } from '../../schema/index.js';

/** SQL spellings of more aggregates. */
export interface AggregateFunctions {
  stdev(x: string): string;
  stdevp(x: string): string;
  variance(x: string): string;
  variancep(x: string): string;
  /** Distinct values where `p` holds, as a JSON array (sorted, as makeSet). */
  makeSetIf(x: string, p: string, type?: ColumnType): string;
  /** Values where `p` holds, as a JSON array. */
  makeListIf(x: string, p: string, type?: ColumnType): string;
  /** Any value where `p` holds. */
  anyValueIf(x: string, p: string): string;
  /** The JSON objects of `x` merged into one. */
  makeBag(x: string): string;
  /** Percentiles (fractions 0..1) as one JSON array. */
  percentilesArray(x: string, fractions: readonly number[]): string;
}
