/**
 * One ClickHouse server (or a cluster's entry server) over HTTP with @clickhouse/client: statements with the
 * settings the store relies on, inserts of JSONEachRow, interruption that stops the query on the server, and
 * retries of network failures (an insert is repeated whole: the versioned rows make a repeat change nothing).
 */
import { randomUUID } from 'node:crypto';
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { StoreQueryError } from '../errors.js';

/** Settings of every statement. skip_unavailable_shards stays off: a shard that is down is an error, never a partial answer. */
const SETTINGS = {
  output_format_json_quote_64bit_integers: 0,
  // Infinities and NaN come as "inf", "-inf" and "nan" (values.ts reads them), not as a null.
  output_format_json_quote_denormals: 1,
  skip_unavailable_shards: 0,
  // Joins and IN with a Distributed table on both sides: the right side is computed once and sent to the shards.
  distributed_product_mode: 'global',
  // The keys of a batch are looked up with IN lists longer than the default 256 KiB.
  max_query_size: 67_108_864,
  // KQL: the right columns of an unmatched leftouter row are null (strings become '' in the compiler).
  join_use_nulls: 1,
  // PREWHERE filters rows before FINAL picks the newest version of a key: a filter on a column that changed
  // (Status) would see an old version. WHERE filters after it.
  optimize_move_to_prewhere: 0,
  // Filters of a query move into the subquery that reads a table with FINAL (see the dialect's tableSource).
  enable_optimize_predicate_expression: 1,
} as const;

/** Inserts through a Distributed table return when every shard has the rows (or fail). */
const INSERT_SETTINGS = { insert_distributed_sync: 1, insert_deduplicate: 1 } as const;

export interface ConnectionOptions {
  url: URL;
  database?: string;
  /** Attempts of a statement that failed on the network (not on a ClickHouse error). */
  attempts?: number;
}

/** JSONCompact result. */
export interface CompactResult {
  meta: { name: string; type: string }[];
  data: unknown[][];
}

/** A connection (pool) to one server. */
export class Connection {
  private readonly client: ClickHouseClient;
  private readonly attempts: number;

  constructor(options: ConnectionOptions) {
    const u = options.url;
    this.client = createClient({
      url: `${u.protocol}//${u.host}`,
      username: decodeURIComponent(u.username) || 'default',
      password: decodeURIComponent(u.password),
      ...(options.database ? { database: options.database } : {}),
      request_timeout: 300_000,
      max_open_connections: 8,
      compression: { request: false, response: false },
      clickhouse_settings: SETTINGS as never,
      // Failures reach the caller as StoreQueryError; the client's own log would print them (and their SQL) again.
      log: { level: ClickHouseLogLevel.OFF },
    });
    this.attempts = options.attempts ?? 3;
  }

  /** Run a SELECT and read all of it; `signal` kills the query on the server. */
  async select(sql: string, signal?: AbortSignal): Promise<CompactResult> {
    const queryId = randomUUID();
    const kill = () => void this.kill(queryId);
    signal?.addEventListener('abort', kill, { once: true });
    try {
      if (signal?.aborted) throw new StoreQueryError('query interrupted');
      return await this.retry(async () => {
        const rs = await this.client.query({ query: sql, format: 'JSONCompact', query_id: queryId, abort_signal: signal });
        return (await rs.json()) as unknown as CompactResult;
      }, signal);
    } catch (cause) {
      if (cause instanceof StoreQueryError) throw cause;
      if (signal?.aborted) throw new StoreQueryError('query interrupted', { cause });
      throw new StoreQueryError(`query failed: ${firstLine(cause)}`, { cause });
    } finally {
      signal?.removeEventListener('abort', kill);
    }
  }

  /** Run a statement that returns nothing (DDL); `signal` kills it on the server. */
  async command(sql: string, signal?: AbortSignal): Promise<void> {
    const queryId = randomUUID();
    const kill = () => void this.kill(queryId);
    signal?.addEventListener('abort', kill, { once: true });
    try {
      if (signal?.aborted) throw new StoreQueryError('statement interrupted');
      await this.retry(() => this.client.command({ query: sql, query_id: queryId, abort_signal: signal }).then(() => undefined), signal);
    } catch (cause) {
      if (cause instanceof StoreQueryError) throw cause;
      if (signal?.aborted) throw new StoreQueryError('statement interrupted', { cause });
      throw new StoreQueryError(`statement failed: ${firstLine(cause)}`, { cause });
    } finally {
      signal?.removeEventListener('abort', kill);
    }
  }

  /** Insert rows as JSONEachRow in one request (one block per partition and shard). */
  async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.retry(() =>
        this.client
          .insert({
            table,
            values: rows as Record<string, unknown>[],
            format: 'JSONEachRow',
            clickhouse_settings: INSERT_SETTINGS as never,
          })
          .then(() => undefined),
      );
    } catch (cause) {
      throw new StoreQueryError(`insert into ${table} failed: ${firstLine(cause)}`, { cause });
    }
  }

  async ping(): Promise<void> {
    const r = await this.client.ping();
    if (!r.success) throw new StoreQueryError(`ClickHouse does not answer: ${firstLine(r.error)}`, { cause: r.error });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async kill(queryId: string): Promise<void> {
    await this.client.command({ query: `KILL QUERY WHERE query_id = '${queryId}' ASYNC` }).catch(() => undefined);
  }

  /**
   * Repeat `work` after network failures: to this server (connection refused or reset), or between servers (a
   * replica that died while it answered its part; the repeat reads the shard's other replica). Other ClickHouse
   * errors are final; a whole shard down fails again, and then is the caller's error.
   */
  private async retry<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const code = (error as { code?: string }).code;
        const network =
          code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || betweenServers(error);
        if (!network || attempt >= this.attempts || signal?.aborted) throw error;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }
}

/** ClickHouse's codes of a connection between servers that failed: ATTEMPT_TO_READ_AFTER_EOF, SOCKET_TIMEOUT, NETWORK_ERROR. */
const NETWORK_CODES = new Set(['32', '209', '210']);

/** A server's error about its connection to another server (current releases: a ClickHouseError with the code; 18.16: "Code: 210, e.displayText() = ..."). */
export function betweenServers(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code ?? /^Code: (\d+)[,.]/.exec(String((error as Error)?.message ?? ''))?.[1];
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/** First line of an engine error, without ClickHouse's stack trace. */
export function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error)
    .split('\n')[0]!
    .replace(/, e\.what\(\) = .*$/, '')
    .slice(0, 500);
}
