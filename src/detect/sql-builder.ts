/** Positional-parameter SQL text for the store's aggregation queries: values are bound, never inlined. */

/** Collects bound parameters while a statement is written. */
export class SqlBuilder {
  readonly params: unknown[] = [];

  /** Placeholder for a value ($1, $2, ...). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Placeholder for a timestamp given in ms since the epoch. */
  time(ms: number): string {
    return `epoch_ms(CAST(${this.param(Math.round(ms))} AS BIGINT))`;
  }

  /** `(p1, p2, ...)` for an IN list; `(NULL)` when empty so the SQL stays valid. */
  list(values: readonly unknown[]): string {
    if (values.length === 0) return '(NULL)';
    return `(${values.map((v) => this.param(v)).join(', ')})`;
  }
}

/** The time filter on MessageTrace.Received for [from, to] (ms, inclusive). */
export function receivedBetween(sql: SqlBuilder, from: number, to: number): string {
  return `"Received" >= ${sql.time(from)} AND "Received" <= ${sql.time(to)}`;
}
