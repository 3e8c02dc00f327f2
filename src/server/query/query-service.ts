/** Runs KQL for the API: compile with the time range, cap the rows and bytes, bound the run time, share the store fairly. */
import { compileKql, type CompiledQuery, type TableSources } from '../../kql/index.js';
import { answersFromSummaries, runKql, type MaterializedRows, type Store } from '../../store/index.js';
import { QueryBusyError, QueryCancelledError, QueryTimeoutError, ServerStoppingError } from '../errors.js';
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
  /** Byte cap instead of the configured one (exports have their own). */
  maxBytes?: number;
  /** Abandons the query (waiting or running), e.g. when the client has gone away. */
  signal?: AbortSignal;
  /**
   * Rows kept for a group of queries (keepRows): read from them instead of the table when the query's range lies
   * within theirs and it compiles on their columns to the same columns. The caller vouches that every reference
   * of the table in `query` carries the filters the rows were kept with.
   */
  kept?: KeptRows;
}

/** Rows of one table over [from, to) under some filters, kept by keepRows, with the table's columns they hold. */
export interface KeptRows {
  readonly table: string;
  readonly from: number;
  readonly to: number;
  readonly columns: readonly string[];
  readonly rows: MaterializedRows;
}

/** A result as the API returns it. */
export interface QueryOutput {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  stats: {
    elapsedMs: number;
    rows: number;
    truncated: boolean;
    /** Which cap cut the rows, when one did. */
    truncatedBy?: 'rows' | 'bytes';
    rowLimit: number;
    /** The byte cap that applied. */
    maxBytes?: number;
  };
  render?: unknown;
  /** Set when the rows were cut at a cap: a sentence for the user. */
  message?: string;
}

/** Limits of the service. */
export interface QueryLimits {
  rowLimit: number;
  /** Most bytes the rows of one answer may take as JSON. */
  maxBytes: number;
  timeoutMs: number;
  concurrency: number;
  concurrencyPerUser: number;
  /** Most rows kept at once for all requests together (keepRows); KEPT_ROWS_AT_ONCE when not given. */
  keptRowsAtOnce?: number;
}

/**
 * The most rows kept at once (keepRows), all requests together: they live in the engine's memory (on DuckDB part of
 * its memory limit, 1 GB by default), about 150 bytes a row at the Overview's seven columns, so 1,200,000 rows take
 * about 180 MB. A request that would pass it reads the table, as without kept rows.
 */
export const KEPT_ROWS_AT_ONCE = 1_200_000;

/** A query waiting or running: how to stop it, and when the engine has let go of it. */
interface InFlight {
  stop: AbortController;
  done: Promise<unknown>;
  /** The kept rows it reads, if any (releaseKept waits for it). */
  kept?: KeptRows;
}

/** "64 MB" for messages. */
function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} kB`;
}

/** The kept rows as the FROM item of their table, when `input` may read them: its range within theirs, the same columns. */
function keptSources(input: QueryInput, plain: CompiledQuery, dialect: Store['dialect'], now: number): TableSources | undefined {
  const kept = input.kept!;
  if (input.from === undefined || input.to === undefined || input.from < kept.from || input.to > kept.to) return undefined;
  const tableSources = { [kept.table]: { sql: kept.rows.sql, columns: kept.columns } };
  try {
    const on = compileKql(input.query, { dialect, now, timeRange: { from: input.from, to: input.to }, tableSources });
    const same =
      on.columns.length === plain.columns.length &&
      on.columns.every((c, i) => c.name === plain.columns[i]!.name && c.type === plain.columns[i]!.type);
    return same ? tableSources : undefined;
  } catch {
    // A column the kept rows lack: the table answers.
    return undefined;
  }
}

/** The query runner of one server. */
export class QueryService {
  private readonly limiter: FairLimiter;
  /** Queries waiting or running: how to stop each, and when its engine work is over. */
  private readonly inFlight = new Set<InFlight>();
  /** Rows held by kept rows not yet released, and rows set aside for those being kept (at most their maxRows). */
  private keptHeld = 0;
  private readonly keptSizes = new Map<KeptRows, number>();
  private stopping = false;

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
    const plain = compileKql(input.query, { dialect: this.store.dialect, now, timeRange });
    const tableSources = input.kept && keptSources(input, plain, this.store.dialect, now);
    const cap = Math.min(input.rowLimit ?? this.limits.rowLimit, this.limits.rowLimit);
    const maxBytes = input.maxBytes ?? this.limits.maxBytes;
    // One row past the cap tells whether there were more.
    const result = await this.withSlot(
      input.user,
      input.signal,
      (signal) =>
        runKql(this.store, input.query, { now, timeRange, signal, limit: cap + 1, maxBytes, ...(tableSources ? { tableSources } : {}) }),
      tableSources ? input.kept : undefined,
    );
    const truncatedBy = result.cut === 'bytes' ? 'bytes' : result.rows.length > cap ? 'rows' : undefined;
    const rows = result.rows.length > cap ? result.rows.slice(0, cap) : result.rows;
    const out: QueryOutput = {
      columns: result.columns,
      rows,
      stats: {
        elapsedMs: Math.round(performance.now() - started),
        rows: rows.length,
        truncated: truncatedBy !== undefined,
        rowLimit: cap,
        maxBytes,
      },
    };
    if (truncatedBy) out.stats.truncatedBy = truncatedBy;
    if (result.render !== undefined) out.render = result.render;
    if (truncatedBy === 'rows')
      out.message = `showing the first ${cap.toLocaleString('en-US')} rows (server.queryRowLimit); add filters, summarize or take to see the rest`;
    if (truncatedBy === 'bytes')
      out.message = `showing the first ${rows.length.toLocaleString('en-US')} rows: the answer would pass ${formatBytes(maxBytes)} (server.queryMaxBytes); project fewer or shorter columns, or summarize`;
    return out;
  }

  /**
   * Keep the rows `query` (KQL over one table, its columns projected) gives over [from, to) for the queries that
   * follow (QueryInput.kept), in a query slot of `user`; undefined when the store cannot or they pass `maxRows`.
   */
  async keepRows(
    input: Pick<QueryInput, 'query' | 'user' | 'signal'> & { table: string; from: number; to: number; maxRows: number },
  ): Promise<KeptRows | undefined> {
    const materialize = this.store.materializeRows?.bind(this.store);
    if (!materialize) return undefined;
    const compiled = compileKql(input.query, {
      dialect: this.store.dialect,
      timeRange: { from: input.from, to: input.to },
      engineTypes: true,
    });
    // Up to maxRows are set aside while the rows are kept, then only as many as were kept.
    const reserved = Math.max(0, Math.floor(input.maxRows));
    if (this.keptHeld + reserved > (this.limits.keptRowsAtOnce ?? KEPT_ROWS_AT_ONCE)) return undefined;
    this.keptHeld += reserved;
    let rows: MaterializedRows | undefined;
    try {
      rows = await this.withSlot(input.user, input.signal, (signal) =>
        materialize(compiled.sql, compiled.params, { maxRows: reserved, signal }),
      );
    } finally {
      this.keptHeld -= reserved - (rows?.rows ?? 0);
    }
    if (!rows) return undefined;
    const columns = compiled.columns.map((c) => c.name);
    const kept = { table: input.table, from: input.from, to: input.to, columns, rows };
    this.keptSizes.set(kept, rows.rows);
    return kept;
  }

  /** Let go of kept rows once every query reading them has finished in the engine (not only been given up on). */
  async releaseKept(kept: KeptRows): Promise<void> {
    await Promise.allSettled([...this.inFlight].filter((q) => q.kept === kept).map((q) => q.done));
    try {
      await kept.rows.release();
    } finally {
      this.keptHeld -= this.keptSizes.get(kept) ?? 0;
      this.keptSizes.delete(kept);
    }
  }

  /** Whether `query` over [from, to) would be answered from the summary tables of MessageTrace rather than its rows. */
  answersFromSummaries(query: string, from?: number, to?: number): boolean {
    return answersFromSummaries(this.store, query, from === undefined && to === undefined ? {} : { timeRange: { from, to } });
  }

  /** Stop every query waiting or running (they fail with ServerStoppingError) and refuse new ones; resolves once the engine has let go of them. */
  async stop(): Promise<void> {
    this.stopping = true;
    const running = [...this.inFlight];
    for (const q of running) q.stop.abort(new ServerStoppingError());
    await Promise.all(running.map((q) => q.done.catch(() => undefined)));
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
  private async withSlot<T>(
    user: string,
    signal: AbortSignal | undefined,
    work: (signal: AbortSignal) => Promise<T>,
    kept?: KeptRows,
  ): Promise<T> {
    if (this.stopping) throw new ServerStoppingError();
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(new QueryTimeoutError(this.limits.timeoutMs)), this.limits.timeoutMs);
    const onCancel = () => stop.abort(new QueryCancelledError());
    if (signal?.aborted) onCancel();
    signal?.addEventListener('abort', onCancel, { once: true });
    const entry: InFlight = { stop, done: Promise.resolve(), ...(kept ? { kept } : {}) };
    this.inFlight.add(entry);
    let started = false;
    try {
      const release = await this.limiter.acquire(user, stop.signal).catch(() => {
        const reason: unknown = stop.signal.reason;
        throw reason instanceof QueryCancelledError || reason instanceof ServerStoppingError ? reason : new QueryBusyError();
      });
      // The store never starts a statement whose signal has already fired (the deadline passed while waiting).
      const running = work(stop.signal);
      started = true;
      entry.done = running.then(release, release).finally(() => this.inFlight.delete(entry));
      return await Promise.race([
        running,
        new Promise<never>((_, reject) => {
          const fail = () => reject(stop.signal.reason as Error);
          if (stop.signal.aborted) fail();
          stop.signal.addEventListener('abort', fail, { once: true });
        }),
      ]);
    } finally {
      if (!started) this.inFlight.delete(entry);
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCancel);
    }
  }
}
