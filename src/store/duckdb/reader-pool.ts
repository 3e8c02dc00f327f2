/**
 * The read side of the DuckDB store: pooled connections, each read stoppable at any moment (an interrupt is
 * repeated until the statement has settled), results streamed within a byte budget, and every read still
 * running stopped when the store closes.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { StoreQueryError } from '../errors.js';
import type { QueryOptions, QueryResult } from '../store.js';
import { firstLine } from './engine-message.js';
import { keepInterrupting, type Interrupter } from './interrupter.js';
import { readResult } from './read-result.js';

/** Idle connections kept for the next reads. */
const POOL_SIZE = 4;

/**
 * What a streamed result may compute ahead of its reader: about one vector (2,048 rows) whatever their
 * width. The engine's buffer counts a string as 16 bytes whatever its length, so its default (~1 MB) let it
 * compute a whole answer of wide strings ahead of the reader (10 GB for 20,000 rows of 240 kB).
 */
const STREAM_BUFFER = '1KB';

/** A read in progress: how to stop it and when it is over. */
interface Running {
  interrupt: () => void;
  done: Promise<void>;
}

/** Read connections of one DuckDB instance. */
export class ReaderPool {
  private idle: DuckDBConnection[] = [];
  private readonly running = new Map<DuckDBConnection, Running>();
  private closing = false;

  constructor(private readonly instance: DuckDBInstance) {}

  /**
   * Run a read-only statement; see Store.query. `settings` hold for this statement only (SET before it on its
   * connection, RESET after).
   */
  async query(
    sql: string,
    params: readonly unknown[],
    options: QueryOptions,
    settings: Readonly<Record<string, string>> = {},
  ): Promise<QueryResult> {
    const { signal } = options;
    // A statement whose caller has already given up is never started.
    if (signal?.aborted || this.closing) throw new StoreQueryError('query interrupted');
    const c = await this.connection();
    let interrupter: Interrupter | undefined;
    const interrupt = () => (interrupter ??= keepInterrupting(c));
    let finish = () => {};
    this.running.set(c, { interrupt, done: new Promise<void>((resolve) => (finish = resolve)) });
    signal?.addEventListener('abort', interrupt, { once: true });
    let complete = false;
    try {
      if (signal?.aborted || this.closing) throw new StoreQueryError('query interrupted');
      for (const [name, value] of Object.entries(settings)) await c.run(`SET ${name} = ${value}`);
      const read = await readResult(await c.stream(sql, params as never), { maxBytes: options.maxBytes, signal });
      complete = read.complete;
      const out: QueryResult = { columns: read.columns, rows: read.rows };
      if (read.cut) out.cut = read.cut;
      return out;
    } catch (cause) {
      if (cause instanceof StoreQueryError) throw cause;
      if (signal?.aborted || this.closing) throw new StoreQueryError('query interrupted', { cause });
      throw new StoreQueryError(`query failed: ${firstLine(cause)}`, { cause });
    } finally {
      // The statement has settled: no interrupt may reach the connection's next one.
      interrupter?.stop();
      signal?.removeEventListener('abort', interrupt);
      // A connection that cannot be set back is not reused.
      let reset = complete;
      for (const name of complete ? Object.keys(settings) : []) await c.run(`RESET ${name}`).catch(() => (reset = false));
      this.running.delete(c);
      finish();
      // A result left half read still holds the engine's work: drop the connection with it.
      if (reset && !this.closing && this.idle.length < POOL_SIZE) this.idle.push(c);
      else c.closeSync();
    }
  }

  /** Stop the reads still running, wait until the engine has let go of them, and close every connection. */
  async close(): Promise<void> {
    this.closing = true;
    const running = [...this.running.values()];
    for (const r of running) r.interrupt();
    await Promise.all(running.map((r) => r.done));
    for (const c of this.idle) c.closeSync();
    this.idle = [];
  }

  private async connection(): Promise<DuckDBConnection> {
    const pooled = this.idle.pop();
    if (pooled) return pooled;
    const c = await this.instance.connect();
    await c.run(`SET streaming_buffer_size = '${STREAM_BUFFER}'`);
    return c;
  }
}
