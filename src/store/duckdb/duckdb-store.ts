/** The embedded store: a DuckDB file (or memory) holding the tables of the event model. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  Indicators,
  IntelMatches,
  MessageEvents,
  MessageTrace,
  Watchlist,
  type EventRow,
  type FindingActivityFilter,
  type FindingActivityRow,
  type FindingListFilter,
  type FindingRow,
  type FindingStateChange,
  type IndicatorRow,
  type IntelMatchRow,
  type StoredFindingRow,
  type TraceRow,
  type WatchlistRow,
} from '../../schema/index.js';
import type { AlertDefinitionKind, AlertDefinitionRow } from '../alert-definitions.js';
import type { DetectQueries } from '../detect-queries.js';
import * as alertDefinitions from './alert-definitions-sql.js';
import { reason } from '../../formats/index.js';
import { isDamagedStoreError, StoreLockedError, StoreQueryError } from '../errors.js';
import { cannotOpen, damaged, folderFailed } from './open-errors.js';
import { RETENTION_COLUMNS } from '../retention.js';
import type {
  DimensionEnricher,
  EntityColumn,
  EntityValueStats,
  MaterializedRows,
  QueryOptions,
  QueryResult,
  StateEntry,
  Store,
  StoreStats,
  TimeWindow,
  UpsertCounts,
} from '../store.js';
import { SavedObjects, type SavedObjectStore } from '../saved-objects.js';
import { collapseBatch } from '../trace-merge.js';
import { lastPerKey } from '../last-per-key.js';
import { quoteIdent } from './ddl.js';
import { duckdbDetectQueries } from './detect-queries.js';
import { duckdbDocuments } from './documents-sql.js';
import { distinctValues, entityValueStats } from './entity-sql.js';
import * as activity from './finding-activity-sql.js';
import * as findings from './findings-sql.js';
import { upsertJsonLines } from './json-lines.js';
import { rebuildSummariesSql, trimAggregates } from './aggregates.js';
import { mergeTraceStage, type MergeResult } from './merge-traces.js';
import { EVENT_STAGE, TRACE_STAGE, insertNewSql, stageSql } from './merge-sql.js';
import { batchSpan, spanWindow } from './batch-span.js';
import { SummaryOrder } from './summary-order.js';
import { MIGRATIONS } from './migrations.js';
import { Mutex } from './mutex.js';
import { narrowStoreFiles, narrowWal, prepareStoreFolder, removeEmptySpill, storeFiles, withPrivateUmask } from './private-files.js';
import { StagingArea, removeStaleStaging } from './staging.js';
import { firstLine } from './engine-message.js';
import { copyDatabaseTo, integrityProblems, prepareBackupPath } from './maintenance.js';
import { ReaderPool } from './reader-pool.js';
import { ScratchRows } from './scratch-rows.js';
import { storeStats } from './store-stats.js';

type Params = readonly unknown[];

/** Memory DuckDB may use before it spills to disk; its own default (80% of RAM) starves the rest of the machine. */
const DEFAULT_SETTINGS: Record<string, string> = { memory_limit: '1GB' };

/**
 * Set on the instance once open (DuckDB takes it from SET, not from the settings it opens with). FSST is weighed
 * for every string column of every row group written, and on message trace it is rarely worth it: without it 1M
 * MessageTrace rows are written in 0.80x the time, into a file of the same size, and scans of IPs and countries
 * take half the time (bench/string-compression.ts).
 */
const WRITE_SETTINGS_SQL = `SET GLOBAL disabled_compression_methods = 'fsst'`;

/** Open (creating if needed) a DuckDB store at `path` (':memory:' for a throw-away one) and migrate it. */
export async function openDuckDbStore(path: string, settings: Record<string, string> = {}): Promise<DuckDbStore> {
  const inFile = path !== ':memory:';
  if (inFile) await prepareStoreFolder(path, settings['temp_directory'] === undefined).catch((cause: unknown) => folderFailed(path, cause));
  let instance: DuckDBInstance;
  try {
    instance = await withPrivateUmask(() => DuckDBInstance.create(path, { ...DEFAULT_SETTINGS, ...settings }));
  } catch (cause) {
    const text = String((cause as Error)?.message ?? cause);
    // DuckDB's own wording for a file another process holds ("... in block ..." of a damaged file is not one).
    if (/Could not set lock|Conflicting lock/i.test(text)) {
      throw new StoreLockedError(reason('store-locked', { store: path, holder: text.match(/PID \d+/)?.[0] ?? '' }), { cause });
    }
    if (isDamagedStoreError(text)) throw damaged(path, cause);
    throw cannotOpen(path, text.split('\n')[0]!, cause);
  }
  if (inFile) await narrowStoreFiles(path);
  // Holding the store's lock now: what is in its staging folder was left by a run that was killed.
  if (!/read_only/i.test(settings['access_mode'] ?? '')) await removeStaleStaging(inFile ? storeFiles(path).stage : undefined);
  const writer = await instance.connect();
  const store = new DuckDbStore(instance, path, writer);
  try {
    await writer.run(WRITE_SETTINGS_SQL);
    await store.migrate();
  } catch (cause) {
    await store.close().catch(() => undefined);
    if (isDamagedStoreError(firstLine(cause))) throw damaged(path, cause);
    throw cannotOpen(path, firstLine(cause), cause);
  }
  return store;
}

/** Store implementation on DuckDB. Writes go through one connection, one transaction at a time. */
export class DuckDbStore implements Store {
  readonly dialect = 'duckdb' as const;
  readonly detect: DetectQueries = duckdbDetectQueries((sql, params) => this.query(sql, params));
  private readonly writeLock = new Mutex();
  private readonly staging: StagingArea;
  private readonly reads: ReaderPool;
  private readonly scratch = new ScratchRows((sql, params, options, settings) => this.reads.query(sql, params, options, settings));
  private readonly order: SummaryOrder;

  constructor(
    private readonly instance: DuckDBInstance,
    readonly location: string,
    private readonly writer: DuckDBConnection,
  ) {
    this.reads = new ReaderPool(instance);
    this.staging = new StagingArea(location === ':memory:' ? undefined : storeFiles(location).stage);
    this.order = new SummaryOrder(writer, (work) => this.transaction(work));
  }

  /** Apply the migrations this file has not seen yet. */
  async migrate(): Promise<void> {
    await this.writer.run(
      'CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)',
    );
    const done = await this.writer.runAndReadAll('SELECT version FROM _migrations');
    const applied = new Set(done.getRowsJS().map((r) => Number(r[0])));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await this.transaction(async (c) => {
        for (const sql of m.statements) await c.run(sql);
        await c.run('INSERT INTO _migrations VALUES ($1, $2, now())', [m.version, m.description]);
      });
    }
  }

  async upsertTraces(rows: readonly TraceRow[]): Promise<UpsertCounts> {
    if (rows.length === 0) return { ingested: 0, updated: 0, duplicates: 0 };
    const { unique, updatedInBatch, duplicatesInBatch } = collapseBatch(rows);
    return this.mergeRows(unique, {}, ({ updated, ingested }) => ({
      ingested,
      updated: updated + updatedInBatch,
      duplicates: unique.length - updated - ingested + duplicatesInBatch,
    }));
  }

  async upsertTracesWithOutcomes(rows: readonly TraceRow[]): Promise<UpsertCounts & { outcomes: Uint8Array }> {
    const outcomes = new Uint8Array(rows.length);
    if (rows.length === 0) return { ingested: 0, updated: 0, duplicates: 0, outcomes };
    const { unique, updatedInBatch, duplicatesInBatch, first } = collapseBatch(rows, outcomes);
    const keyOf = ([id, rcpt]: [string, string]) => `${id}\u0000${rcpt}`;
    return this.mergeRows(unique, { keys: true }, (merged) => {
      const updated = new Set(merged.updatedKeys.map(keyOf));
      const inserted = new Set(merged.insertedKeys.map(keyOf));
      for (const [key, i] of first) outcomes[i] = inserted.has(key) ? 0 : updated.has(key) ? 1 : 2;
      return {
        ingested: inserted.size,
        updated: updated.size + updatedInBatch,
        duplicates: unique.length - updated.size - inserted.size + duplicatesInBatch,
        outcomes,
      };
    });
  }

  /**
   * Merge `unique` (rows unique by key) into MessageTrace in one write, `counted` from what the merge did; then the
   * summary tables put in order if the rows spread them.
   */
  private mergeRows<T>(unique: readonly TraceRow[], options: { keys?: boolean }, counted: (merged: MergeResult) => T): Promise<T> {
    return this.writeLock.run(async () => {
      const file = await this.staging.write(unique);
      try {
        const merged = await this.transaction(async (c) => {
          await c.run(stageSql(MessageTrace, TRACE_STAGE), [file]);
          const result = await mergeTraceStage(c, TRACE_STAGE, options);
          await c.run(`DROP TABLE ${TRACE_STAGE}`);
          return result;
        });
        await this.order.afterWrite(merged.span);
        return counted(merged);
      } finally {
        await this.staging.remove(file);
      }
    });
  }

  upsertTraceJsonLines(path: string, source: string, enricher: DimensionEnricher): Promise<(UpsertCounts & { read: number }) | undefined> {
    return this.writeLock.run(async () => {
      const writer = {
        c: this.writer,
        staging: this.staging,
        transaction: <T>(work: (c: DuckDBConnection) => Promise<T>) => this.transaction(work),
      };
      const counts = await upsertJsonLines(writer, path, source, enricher);
      if (!counts) return undefined;
      const { span, ...rest } = counts;
      await this.order.afterWrite(span);
      return rest;
    });
  }

  async insertEvents(rows: readonly EventRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    return this.writeLock.run(async () => {
      const file = await this.staging.write(rows);
      try {
        return await this.transaction(async (c) => {
          await c.run(`${stageSql(MessageEvents, EVENT_STAGE)}`, [file]);
          // Collapse repeats inside the batch before the anti-join.
          await c.run(
            `CREATE OR REPLACE TEMP TABLE ${EVENT_STAGE} AS SELECT DISTINCT ON (${MessageEvents.key.map(quoteIdent).join(', ')}) * FROM ${EVENT_STAGE}`,
          );
          // The key holds Timestamp: a stored twin of a staged event lies within the stage's span.
          const span = await batchSpan(c, EVENT_STAGE, '"Timestamp"');
          const n = (await c.run(insertNewSql(MessageEvents, EVENT_STAGE, span ? spanWindow(span, 't."Timestamp"') : 'true'))).rowsChanged;
          await c.run(`DROP TABLE ${EVENT_STAGE}`);
          return n;
        });
      } finally {
        await this.staging.remove(file);
      }
    });
  }

  async replaceIndicators(feed: string, rows: readonly IndicatorRow[]): Promise<void> {
    await this.writeLock.run(() =>
      this.transaction(async (c) => {
        await c.run(`DELETE FROM ${quoteIdent(Indicators.name)} WHERE "Feed" = $1`, [feed]);
        await this.loadInto(c, Indicators.name, Indicators, rows);
      }),
    );
  }

  async upsertIndicators(rows: readonly IndicatorRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.writeLock.run(() =>
      this.transaction(async (c) => {
        const file = await this.staging.write(lastPerKey(Indicators, rows));
        try {
          await c.run(stageSql(Indicators, 'stage_ind'), [file]);
          await c.run(
            `DELETE FROM ${quoteIdent(Indicators.name)} AS t USING stage_ind AS s WHERE t."Feed" = s."Feed" AND t."Type" = s."Type" AND t."Indicator" = s."Indicator"`,
          );
          await c.run(`INSERT INTO ${quoteIdent(Indicators.name)} SELECT * FROM stage_ind`);
          await c.run('DROP TABLE stage_ind');
        } finally {
          await this.staging.remove(file);
        }
      }),
    );
  }

  async replaceIntelMatches(rows: readonly IntelMatchRow[]): Promise<void> {
    await this.writeLock.run(() =>
      this.transaction(async (c) => {
        await c.run(`DELETE FROM ${quoteIdent(IntelMatches.name)}`);
        await this.loadInto(c, IntelMatches.name, IntelMatches, rows);
      }),
    );
  }

  async replaceWatchlist(name: string, rows: readonly WatchlistRow[]): Promise<void> {
    await this.writeLock.run(() =>
      this.transaction(async (c) => {
        await c.run(`DELETE FROM ${quoteIdent(Watchlist.name)} WHERE "Name" = $1`, [name]);
        await this.loadInto(c, Watchlist.name, Watchlist, rows);
      }),
    );
  }

  async query(sql: string, params: Params = [], options: QueryOptions = {}): Promise<QueryResult> {
    if (options.limit !== undefined) {
      sql = `SELECT * FROM (${sql.trim().replace(/;+$/, '')}) AS capped_query LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    }
    return this.reads.query(sql, params, options);
  }

  /**
   * DuckDB only, not part of Store: run a statement that builds data inside the engine (benchmarks, engine tests).
   * The summary tables are counted again from all the rows after it, so they stay exact whatever it wrote.
   */
  materializeRows(
    sql: string,
    params: readonly unknown[],
    options: { maxRows: number; signal?: AbortSignal },
  ): Promise<MaterializedRows | undefined> {
    return this.scratch.materialize(sql, params, options);
  }

  async runSql(sql: string): Promise<void> {
    await this.writeAll(
      [sql, ...rebuildSummariesSql()].map((s) => ({
        sql: s,
        params: [],
      })),
    );
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  distinctValues(column: EntityColumn, window?: TimeWindow, options: { signal?: AbortSignal } = {}): Promise<string[]> {
    return distinctValues((sql, params) => this.query(sql, params, options), column, window);
  }

  entityValueStats(
    column: EntityColumn,
    values: readonly string[],
    window?: TimeWindow,
    options: { signal?: AbortSignal } = {},
  ): Promise<EntityValueStats[]> {
    return entityValueStats((sql, params) => this.query(sql, params, options), column, values, window);
  }

  saveFindings(rows: readonly FindingRow[], now: number): Promise<void> {
    return findings.saveFindings(this.read, this.writeAll, rows, now);
  }

  listFindings(filter?: FindingListFilter): Promise<StoredFindingRow[]> {
    return findings.listFindings(this.read, filter);
  }

  getFinding(id: string): Promise<StoredFindingRow | undefined> {
    return findings.getFinding(this.read, id);
  }

  setFindingState(change: FindingStateChange): Promise<StoredFindingRow | undefined> {
    return findings.setFindingState(this.read, this.writeAll, change);
  }

  findingHistory(id: string): Promise<FindingStateChange[]> {
    return findings.findingHistory(this.read, id);
  }

  countFindingsByState(filter?: FindingListFilter): Promise<Record<string, number>> {
    return findings.countFindingsByState(this.read, filter);
  }

  addFindingActivity(entry: FindingActivityRow): Promise<boolean> {
    return activity.addFindingActivity(this.read, this.writeAll, entry);
  }

  findingActivity(filter?: FindingActivityFilter): Promise<FindingActivityRow[]> {
    return activity.findingActivity(this.read, filter);
  }

  async deleteOlderThan(cutoff: number): Promise<Record<string, number>> {
    const at = new Date(cutoff).toISOString();
    return this.writeLock.run(() =>
      this.transaction(async (c) => {
        const deleted: Record<string, number> = {};
        for (const [table, column] of Object.entries(RETENTION_COLUMNS)) {
          const r = await c.run(`DELETE FROM ${quoteIdent(table)} WHERE ${quoteIdent(column)} < CAST($1 AS TIMESTAMP)`, [at]);
          deleted[table] = r.rowsChanged;
        }
        await c.run('DELETE FROM _finding_history WHERE updated_at < CAST($1 AS TIMESTAMP)', [at]);
        await c.run('DELETE FROM _finding_activity WHERE created_at < CAST($1 AS TIMESTAMP)', [at]);
        await trimAggregates(c, cutoff);
        return deleted;
      }),
    );
  }

  /** Read with this store's pool (the hooks and helpers take it as a function). */
  private readonly read = (sql: string, params: readonly unknown[]): Promise<QueryResult> => this.query(sql, params);

  /** Run statements in one write transaction. */
  private readonly writeAll = async (statements: readonly { sql: string; params: readonly unknown[] }[]): Promise<void> => {
    if (statements.length === 0) return;
    await this.writeLock.run(() =>
      this.transaction(async (c) => {
        for (const st of statements) {
          try {
            await c.run(st.sql, st.params as never);
          } catch (cause) {
            throw new StoreQueryError(`statement failed: ${firstLine(cause)}`, { cause });
          }
        }
      }),
    );
  };

  readonly saved: SavedObjectStore = new SavedObjects(duckdbDocuments(this.read, this.writeAll));

  stats(): Promise<StoreStats> {
    return storeStats((sql) => this.query(sql));
  }

  async getState(key: string): Promise<StateEntry | undefined> {
    const r = await this.query('SELECT value, updated_at FROM _state WHERE key = $1', [key]);
    const row = r.rows[0];
    if (!row) return undefined;
    return { key, value: JSON.parse(String(row[0])), updatedAt: String(row[1]) };
  }

  async setState(key: string, value: unknown): Promise<void> {
    await this.writeAll([{ sql: 'INSERT OR REPLACE INTO _state VALUES ($1, $2, now())', params: [key, JSON.stringify(value)] }]);
  }

  listAlertDefinitions(): Promise<AlertDefinitionRow[]> {
    return alertDefinitions.listAlertDefinitions(this.read);
  }

  saveAlertDefinition(row: AlertDefinitionRow): Promise<void> {
    return alertDefinitions.saveAlertDefinition(this.writeAll, row);
  }

  deleteAlertDefinition(kind: AlertDefinitionKind, name: string): Promise<boolean> {
    return alertDefinitions.deleteAlertDefinition(this.read, this.writeAll, kind, name);
  }

  async backupTo(path: string): Promise<void> {
    await prepareBackupPath(this.location, path);
    await this.writeLock.run(() => copyDatabaseTo(this.writer, path));
  }

  checkIntegrity(): Promise<string[]> {
    return integrityProblems((sql) => this.query(sql));
  }

  async close(): Promise<void> {
    // Reads still running are abandoned: they are stopped (their callers get an error), not waited for.
    await this.reads.close();
    await this.writeLock.run(async () => {
      this.writer.closeSync();
      this.instance.closeSync();
      await this.staging.dispose();
      if (this.location !== ':memory:') await removeEmptySpill(this.location);
    });
  }

  private async loadInto(c: DuckDBConnection, _name: string, table: typeof Indicators, rows: readonly object[]): Promise<void> {
    if (rows.length === 0) return;
    const file = await this.staging.write(lastPerKey(table, rows));
    try {
      await c.run(stageSql(table, 'stage_load'), [file]);
      await c.run(`INSERT INTO ${quoteIdent(table.name)} SELECT * FROM stage_load`);
      await c.run('DROP TABLE stage_load');
    } finally {
      await this.staging.remove(file);
    }
  }

  private async transaction<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    await this.writer.run('BEGIN TRANSACTION');
    try {
      const result = await work(this.writer);
      await this.writer.run('COMMIT');
      await this.narrowWal();
      return result;
    } catch (error) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** A write may have created the write-ahead log anew, under the process's umask: make it private. */
  private async narrowWal(): Promise<void> {
    if (this.location !== ':memory:') await narrowWal(this.location);
  }
}
