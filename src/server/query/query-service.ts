/** Runs KQL for the API: compile with the time range, cap the rows, bound the run time, share the store fairly. */
import { compileKql } from '../../kql/index.js';
import { runKql, type Store } from '../../store/index.js';
import { QueryBusyError, QueryCancelledError, QueryTimeoutError } from '../errors.js';
import { FairLimiter } from './fair-limiter.js';

/** What to run. Times are ms since the epoch. */
export interface QueryInput {
  query: string;
  from?: number;
  to?: number;
  /** Who runs it (fairness key). */
  user: string;
  /** Lower row cap than the configured one (exports and panels may ask for less). */
  rowLimit?: number;
  /** Abandons the query (waiting or running), e.g. when the client has gone away. */
  signal?: AbortSignal;
}

/** A result as the API returns it. */
export interface QueryOutput {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  stats: { elapsedMs: number; rows: number; truncated: boolean; rowLimit: number };
  render?: unknown;
  /** Set when the rows were cut at the cap: a sentence for the user. */
  message?: string;
}

/** Limits of the service. */
export interface QueryLimits {
  rowLimit: number;
  timeoutMs: number;
  concurrency: number;
  concurrencyPerUser: number;
}

/** The query runner of one server. */
export class QueryService {
  private readonly limiter: FairLimiter;

  constructor(
    private readonly store: Store,
    readonly limits: QueryLimits,
  ) {
    this.limiter = new FairLimiter(limits.concurrency, limits.concurrencyPerUser);
  }

  /** Compile and run; throws KqlError for query mistakes, QueryTimeoutError / QueryBusyError at the limits. */
  async run(input: QueryInput): Promise<QueryOutput> {
    const started = performance.now();
    const now = Date.now();
    const timeRange = input.from === undefined && input.to === undefined ? undefined : { from: input.from, to: input.to };
    // Compiled before a slot is taken: a mistake in the query is reported at once.
    compileKql(input.query, { dialect: this.store.dialect, now, timeRange });
    const cap = Math.min(input.rowLimit ?? this.limits.rowLimit, this.limits.rowLimit);
    // One row past the cap tells whether there were more.
    const result = await this.withSlot(input.user, input.signal, (signal) =>
      runKql(this.store, input.query, { now, timeRange, signal, limit: cap + 1 }),
    );
    const truncated = result.rows.length > cap;
    const rows = truncated ? result.rows.slice(0, cap) : result.rows;
    const out: QueryOutput = {
      columns: result.columns,
      rows,
      stats: { elapsedMs: Math.round(performance.now() - started), rows: rows.length, truncated, rowLimit: cap },
    };
    if (result.render !== undefined) out.render = result.render;
    if (truncated)
      out.message = `showing the first ${cap.toLocaleString('en-US')} rows (server.queryRowLimit); add filters, summarize or take to see the rest`;
    return out;
  }

  /**
   * Store work other than KQL (e.g. intel matching) under the same rules as queries: a slot of `user`, the
   * time-out, and `signal` to cancel. `work` gets the signal that interrupts the store.
   */
  runTask<T>(user: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.withSlot(user, signal, work);
  }

  /**
   * Run `work` in a query slot of `user`, bounded by the time-out and `signal`: one signal stops both the wait
   * and the run; the slot is given back when the store is really done, not when we stop waiting for it.
   */
  private async withSlot<T>(user: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(new QueryTimeoutError(this.limits.timeoutMs)), this.limits.timeoutMs);
    const onCancel = () => stop.abort(new QueryCancelledError());
    if (signal?.aborted) onCancel();
    signal?.addEventListener('abort', onCancel, { once: true });
    try {
      const release = await this.limiter.acquire(user, stop.signal).catch(() => {
        throw stop.signal.reason instanceof QueryCancelledError ? stop.signal.reason : new QueryBusyError();
      });
      const running = work(stop.signal);
      running.then(release, release);
      return await Promise.race([
        running,
        new Promise<never>((_, reject) => {
          const fail = () => reject(stop.signal.reason as Error);
          if (stop.signal.aborted) fail();
          stop.signal.addEventListener('abort', fail, { once: true });
        }),
      ]);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCancel);
    }
  }
}
