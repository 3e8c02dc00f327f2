/** Numbered DuckDB placeholders ($1, $2, ...) collected while a statement is written: values are bound, never inlined. */
export class Params {
  readonly values: unknown[] = [];

  /** Placeholder for a value. */
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }

  /** A timestamp given in ms since the epoch. */
  time(ms: number): string {
    return `epoch_ms(CAST(${this.add(Math.round(ms))} AS BIGINT))`;
  }

  /** `(p1, p2, ...)` for an IN list; `(NULL)` when empty so the SQL stays valid (and matches nothing). */
  list(vs: readonly unknown[]): string {
    return vs.length === 0 ? '(NULL)' : `(${vs.map((v) => this.add(v)).join(', ')})`;
  }

  /** `column` in [from, to] (ms, inclusive). */
  between(from: number, to: number, column = '"Received"'): string {
    return `${column} >= ${this.time(from)} AND ${column} <= ${this.time(to)}`;
  }
}
