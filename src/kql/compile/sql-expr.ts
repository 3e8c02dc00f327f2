/** A compiled scalar: SQL text, its KQL type, and facts the compiler uses to choose cheaper SQL. */
import type { ColumnType } from '../../schema/index.js';

/** One compiled expression. */
export interface SqlExpr {
  readonly sql: string;
  readonly type: ColumnType;
  /** Needs no parentheses when used as an operand. */
  readonly atomic: boolean;
  /** The constant value when the expression is a literal (after folding). */
  readonly constant?: { readonly value: unknown };
  /** Contains an aggregate function. */
  readonly aggregate?: boolean;
  /** A datetime or timespan as a 64-bit integer of 100 ns ticks, not the dialect's microsecond type (see ticks.ts). */
  readonly ticks?: boolean;
  /**
   * A time bin that can be grouped on an integer instead: `key` (an integer per bucket) and `time` (the bucket's
   * datetime from that key). Valid only while `of` is still this expression's `sql`.
   */
  readonly bucket?: {
    readonly of: string;
    readonly key: string;
    readonly time: (key: string) => string;
    /** The fewest microseconds (of wall-clock time) from one bucket's start to the next one's. */
    readonly step?: number;
  };
}

/** `sql` wrapped in parentheses unless it is atomic. */
export function operand(e: SqlExpr): string {
  return e.atomic ? e.sql : `(${e.sql})`;
}

/** A non-atomic expression. */
export function expr(sql: string, type: ColumnType, aggregate = false): SqlExpr {
  return { sql, type, atomic: false, aggregate };
}

/** An atomic expression (function call, column, placeholder). */
export function atom(sql: string, type: ColumnType, aggregate = false): SqlExpr {
  return { sql, type, atomic: true, aggregate };
}
