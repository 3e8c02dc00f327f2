/**
 * The Store interface: what every storage engine (DuckDB, ClickHouse) offers to the rest of mailsift. Modules read
 * through KQL (runKql compiles for `dialect` and calls `query`) and the typed methods here; no SQL outside src/store
 * and src/kql (a lint rule holds it). A new engine lives in src/store/<engine>/ and:
 * - merges MessageTrace by the rule of trace-merge.ts (collapseBatch before writing, its column lists in its SQL);
 * - trims the tables of retention.ts in deleteOlderThan, keeps the findings' state history, implements the
 *   DetectQueries hooks of detect-queries.ts;
 * - inlines strings only through its dialect's escapeString (src/kql/dialect/<engine>/escape.ts);
 * - passes runStoreTests (store.case.ts) with its own factory, listing any case it skips and why.
 */
import type {
  EventRow,
  FindingActivityFilter,
  FindingActivityRow,
  FindingListFilter,
  FindingRow,
  FindingStateChange,
  IndicatorRow,
  IntelMatchRow,
  StoredFindingRow,
  TraceRow,
  WatchlistRow,
} from '../schema/index.js';
import type { AlertDefinitionKind, AlertDefinitionRow } from './alert-definitions.js';
import type { DetectQueries } from './detect-queries.js';
import type { SavedObjectStore } from './saved-objects.js';
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
  /** 'bytes' when the rows stop short of the statement's answer to stay under `QueryOptions.maxBytes`. */
  cut?: 'bytes';
}

/** How `Store.query` runs a statement. */
export interface QueryOptions {
  /**
   * Stops the statement wherever it is (waiting, planning, running, reading rows): the promise rejects only
   * once the engine has stopped working on it, so the caller may count it as over.
   */
  signal?: AbortSignal;
  /** Return at most this many rows (the engine applies the cap around the statement). */
  limit?: number;
  /** Read rows only while they take at most this many bytes as JSON; the rest is not computed. */
  maxBytes?: number;
}

/** Rows kept by Store.materializeRows, read as a FROM item of the store's dialect until released. */
export interface MaterializedRows {
  /** The FROM item (a table name of the dialect). */
  readonly sql: string;
  /** How many rows it holds. */
  readonly rows: number;
  /** Let go of the rows (queries still reading them must have finished). */
  release(): Promise<void>;
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

/** A time window over the rows' time column: [from, to), ms since the epoch; either end may be open. */
export interface TimeWindow {
  from?: number;
  to?: number;
}

/** MessageTrace columns whose distinct values intel matching reads. */
export type EntityColumn = 'SenderAddress' | 'SenderDomain' | 'FromIP' | 'RecipientAddress';

/** Distinct messages and first / last time of one value of an entity column. */
export interface EntityValueStats {
  value: string;
  messages: number;
  /** ISO 8601. */
  first: string;
  last: string;
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
  /**
   * Run a read-only statement in this store's dialect: SQL that compileKql made for `dialect` with its params.
   * Modules outside src/store don't write SQL: they call runKql(store, kql) or the typed methods below.
   */
  query(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult>;
  /**
   * Keep the rows of a read-only statement (SQL that compileKql made with `engineTypes`) in the engine's memory for a group of queries
   * that read them (compileKql's `tableSources`); undefined, keeping nothing, when they are more than `maxRows` or
   * the store cannot keep rows apart (opened read-only). Optional: a store without it reads its tables each time.
   */
  materializeRows?(
    sql: string,
    params: readonly unknown[],
    options: { maxRows: number; signal?: AbortSignal },
  ): Promise<MaterializedRows | undefined>;
  /** Resolves when the engine answers (health checks); rejects with StoreQueryError when it does not. */
  ping(): Promise<void>;
  /** Totals for `mailsift stats`. */
  stats(): Promise<StoreStats>;
  /** Distinct non-empty values of a MessageTrace column over a window. */
  distinctValues(column: EntityColumn, window?: TimeWindow, options?: { signal?: AbortSignal }): Promise<string[]>;
  /** Distinct messages and first / last time of each of `values` (those with rows) in a column, over a window. */
  entityValueStats(
    column: EntityColumn,
    values: readonly string[],
    window?: TimeWindow,
    options?: { signal?: AbortSignal },
  ): Promise<EntityValueStats[]>;
  /**
   * Store findings: new ids are inserted as 'open' (UpdatedAt = now); known ids get the new evidence (time span
   * widened, count, severity, title, entities, query, details replaced) and keep State, UpdatedBy and UpdatedAt.
   */
  saveFindings(rows: readonly FindingRow[], now: number): Promise<void>;
  /** Stored findings, newest first (From descending), then most severe, then by Id. */
  listFindings(filter?: FindingListFilter): Promise<StoredFindingRow[]>;
  /** One stored finding, or undefined. */
  getFinding(id: string): Promise<StoredFindingRow | undefined>;
  /** Set a finding's triage state and record the change in its history; undefined when the id is unknown. */
  setFindingState(change: FindingStateChange): Promise<StoredFindingRow | undefined>;
  /** The triage state changes of a finding, oldest first. */
  findingHistory(id: string): Promise<FindingStateChange[]>;
  /** How many stored findings match `filter` (its limit and offset aside), per triage state. */
  countFindingsByState(filter?: FindingListFilter): Promise<Record<string, number>>;
  /** Append an assignment or a note to a finding's activity; false (nothing written) when the id is unknown. */
  addFindingActivity(entry: FindingActivityRow): Promise<boolean>;
  /** Assignments and notes (of the findings and kinds asked for, else all), oldest first. */
  findingActivity(filter?: FindingActivityFilter): Promise<FindingActivityRow[]>;
  /**
   * Retention: delete the rows older than `cutoff` (ms) from every table with a time column (MessageTrace by
   * Received, MessageEvents and Watchlist by Timestamp, Findings by To, IntelMatches by LastSeen; findings' state
   * history and activity by their time); one
   * transaction where the engine has them. Returns the rows deleted per table.
   */
  deleteOlderThan(cutoff: number): Promise<Record<string, number>>;
  /** The detection aggregations KQL cannot say well, in this engine's SQL. */
  readonly detect: DetectQueries;
  /** Saved searches and dashboards made in the app. */
  readonly saved: SavedObjectStore;
  /** Read a state entry (checkpoints and the like). */
  getState(key: string): Promise<StateEntry | undefined>;
  /** Write a state entry. */
  setState(key: string, value: unknown): Promise<void>;
  /** Alert rules and destinations made in the web app, destinations first, then by name. */
  listAlertDefinitions(): Promise<AlertDefinitionRow[]>;
  /** Insert or replace the definition of (kind, name). */
  saveAlertDefinition(row: AlertDefinitionRow): Promise<void>;
  /** Remove the definition of (kind, name); false when there was none. */
  deleteAlertDefinition(kind: AlertDefinitionKind, name: string): Promise<boolean>;
  /**
   * Engines kept in one local file offer this: write a consistent copy of the whole store to `path` (which must
   * not exist) while the store stays in use; the copy opens as a store of its own.
   */
  backupTo?(path: string): Promise<void>;
  /** Problems the engine finds in its own data (empty when none): storage checks and the event model's invariants. */
  checkIntegrity(): Promise<string[]>;
  /** Release the engine (flush, close files). */
  close(): Promise<void>;
}
