/** The Store interface: what every storage engine (DuckDB, ClickHouse) offers to the rest of mailsift. */
import type { EventRow, IndicatorRow, IntelMatchRow, TraceRow, WatchlistRow } from '../schema/index.js';
import type { SqlDialectName } from './dialect-name.js';

/** How one upsert batch went. */
export interface UpsertCounts {
  /** Rows that were new. */
  ingested: number;
  /** Rows that existed and changed (a newer status, a field that was empty). */
  updated: number;
  /** Rows that existed and were the same. */
  duplicates: number;
}

/** A result set with typed columns. Values: string, number, boolean, null, arrays/objects for dynamic; datetimes as ISO strings. */
export interface QueryResult {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

/** Totals of `mailsift stats`. */
export interface StoreStats {
  rows: number;
  messages: number;
  from: string | null;
  to: string | null;
  byStatus: Record<string, number>;
  byDirection: Record<string, number>;
  bySource: Record<string, number>;
}

/** A stored key/value (collector checkpoints, intel sync positions, settings). */
export interface StateEntry {
  key: string;
  value: unknown;
  updatedAt: string;
}

/** Enrichment of distinct values, for engines that join it in instead of enriching row by row. */
export interface DimensionEnricher {
  /** Direction of mail from a sender domain to a recipient domain. */
  direction(senderDomain: string, recipientDomain: string): string;
  /** Country and autonomous system of an IP address ('' / 0 when unknown or not public). */
  geo(ip: string): { country: string; asn: number; asOrg: string };
}

/** A storage engine. All writes of one call are atomic: they happen wholly or not at all. */
export interface Store {
  /** SQL dialect the KQL compiler must target for `query`. */
  readonly dialect: SqlDialectName;
  /** Human-readable location (no credentials). */
  readonly location: string;
  /** Upsert MessageTrace rows on (MessageTraceId, RecipientAddress) in one transaction. */
  upsertTraces(rows: readonly TraceRow[]): Promise<UpsertCounts>;
  /**
   * The same upsert, also saying what became of each row, in input order: 0 new, 1 updated, 2 duplicate (a
   * row repeated in the batch counts as the store would count it on a second call). Lets ingest put the rows
   * of many small files in one transaction and still count each file apart; without it, ingest writes one
   * transaction per file.
   */
  upsertTracesWithOutcomes?(rows: readonly TraceRow[]): Promise<UpsertCounts & { outcomes: Uint8Array }>;
  /**
   * Engines that can read a file themselves offer this fast path: a file of JSON objects, one per line, whose
   * fields carry MessageTrace column names (Get-MessageTrace(V2) | ConvertTo-Json output). It is one
   * transaction. It returns undefined, having changed nothing, when any record needs the row-by-row path
   * (a record to reject, a shape it does not read, a key repeated inside the file): the caller then parses
   * the file itself, which gives rejects their line numbers.
   */
  upsertTraceJsonLines?(path: string, source: string, enricher: DimensionEnricher): Promise<(UpsertCounts & { read: number }) | undefined>;
  /** Insert MessageEvents rows, skipping ones already stored (same key). Returns how many were new. */
  insertEvents(rows: readonly EventRow[]): Promise<number>;
  /** Replace all indicators of `feed` with `rows` (one transaction). */
  replaceIndicators(feed: string, rows: readonly IndicatorRow[]): Promise<void>;
  /** Upsert indicators of a feed (incremental sync). */
  upsertIndicators(rows: readonly IndicatorRow[]): Promise<void>;
  /** Replace every IntelMatches row with `rows` (one transaction). */
  replaceIntelMatches(rows: readonly IntelMatchRow[]): Promise<void>;
  /** Replace the watchlist `name` with `rows`. */
  replaceWatchlist(name: string, rows: readonly WatchlistRow[]): Promise<void>;
  /** Run a read-only SQL statement in this store's dialect with positional parameters; `signal` interrupts it. */
  query(sql: string, params?: readonly unknown[], options?: { signal?: AbortSignal }): Promise<QueryResult>;
  /** Run a statement that writes (used by modules owning their own tables, e.g. findings). */
  execute(sql: string, params?: readonly unknown[]): Promise<void>;
  /** Totals for `mailsift stats`. */
  stats(): Promise<StoreStats>;
  /** Read a state entry (checkpoints and the like). */
  getState(key: string): Promise<StateEntry | undefined>;
  /** Write a state entry. */
  setState(key: string, value: unknown): Promise<void>;
  /** Release the engine (flush, close files). */
  close(): Promise<void>;
}
