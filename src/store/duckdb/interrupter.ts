/** Keeps interrupting a DuckDB connection until its statement has settled. */
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * How often the interrupt is repeated. DuckDB drops an interrupt that arrives before the statement has
 * started on its worker thread (measured with @duckdb/node-api 1.5: an interrupt in the same tick as
 * `run` is lost and the statement runs to its end), so one call is not enough.
 */
const REPEAT_MS = 50;

/** An interrupt in progress; stop() it once the statement's promise has settled, before the connection is reused. */
export interface Interrupter {
  stop(): void;
}

/** Interrupt `c` now and every REPEAT_MS until stopped. */
export function keepInterrupting(c: DuckDBConnection): Interrupter {
  c.interrupt();
  const timer = setInterval(() => c.interrupt(), REPEAT_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
