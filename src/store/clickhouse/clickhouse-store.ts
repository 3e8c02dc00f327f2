/**
 * The scale-out store: ClickHouse over HTTP, one server or a cluster (`?cluster=NAME`: replicated tables on
 * every shard and Distributed tables sharded by sipHash64(MessageTraceId)). Rows are versioned
 * (ReplacingMergeTree) and read with FINAL, so every query sees one row per key; the writer decides each
 * new version with the same merge rule as the DuckDB store, after reading the stored rows of the batch's keys.
 */
import { getDialect } from '../../kql/index.js';
import {
  Findings,
  Indicators,
  IntelMatches,
  MessageEvents,
  MessageTrace,
  Watchlist,
  type ColumnType,
  type EventRow,
  type FindingActivityFilter,
  type FindingActivityRow,
  type FindingListFilter,
  type FindingRow,
  type FindingStateChange,
  type StoredFindingRow,
  type IndicatorRow,
  type IntelMatchRow,
  type TableDef,
  type TraceRow,
  type WatchlistRow,
} from '../../schema/index.js';
import { StoreQueryError } from '../errors.js';
import { jsonRowSize } from '../json-size.js';
import { collapseBatch, LOOKUP_SLACK_MS, mergeTrace } from '../trace-merge.js';
import { SavedObjects, type SavedObjectStore } from '../saved-objects.js';
import type { AlertDefinitionKind, AlertDefinitionRow } from '../alert-definitions.js';
import { lastPerKey } from '../last-per-key.js';
import type { DetectQueries } from '../detect-queries.js';
import { ClickHouseAlertDefinitions } from './alert-definitions.js';
import { RETENTION_COLUMNS } from '../retention.js';
import type {
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
import { trimAggregates, writeAggregateChanges, type TraceChange } from './aggregates.js';
import { trimHeavy, writeHeavyChanges } from './aggregates-heavy.js';
import { messageChanges, trimMessages } from './aggregates-messages.js';
import { messageStateChanges, storedMessageKeys, trimMessageStates } from './aggregates-message-states.js';
import { clickhouseDetectQueries } from './detect-queries.js';
import { ClickHouseFindings } from './findings.js';
import { clickhouseDocuments } from './documents.js';
import type { Connection } from './connection.js';
import { checkIntegrity } from './integrity.js';
import { readWhere, receivedWithin } from './read.js';
import { bindParams } from './bind-params.js';
import { keepRows } from './kept-rows.js';
import { eventKey, keyOf, traceKey } from './keys.js';
import { onCluster, q, SHARDED, storeKey, writeTable, type Placement } from './ddl.js';
import { decodeRow, encodeRow, kqlTypeOf, plainValue } from './values.js';
import { storeStats } from './store-stats.js';

const dialect = getDialect('clickhouse');
/** A table read as KQL reads it: the newest version of each key, every column (see the dialect's tableSource). */
export const source = (table: string): string => readWhere(table);
const TRACES = source('MessageTrace');
/** The one way a value enters the store's SQL text: the dialect's literal (strings through its escapeString). */
export const lit = (value: unknown, type: ColumnType = 'string'): string => dialect.literal(value, type);

/** Keys looked up per statement when reading the stored rows of a batch. */
const LOOKUP_CHUNK = 20_000;
/** Rows per INSERT (each is one request; the caller's next batch waits for it: back-pressure). */
const INSERT_CHUNK = 200_000;
/** The stored row of a key is looked for within LOOKUP_SLACK_MS of the batch's times (the sorting key starts with Received). */
const LOOKUP_SLACK_US = LOOKUP_SLACK_MS * 1000;

/** Store implementation on ClickHouse. */
export class ClickHouseStore implements Store {
  readonly dialect = 'clickhouse' as const;
  private clock = 0;
  private readonly findings: ClickHouseFindings;
  private readonly alertDefinitions: ClickHouseAlertDefinitions;
  readonly detect: DetectQueries;
  readonly saved: SavedObjectStore;

  constructor(
    private readonly db: Connection,
    private readonly placement: Placement,
    readonly location: string,
  ) {
    this.findings = new ClickHouseFindings(db, lit, () => this.nextVersion());
    this.alertDefinitions = new ClickHouseAlertDefinitions(db, lit, () => this.nextVersion());
    this.detect = clickhouseDetectQueries(db, lit);
    this.saved = new SavedObjects(clickhouseDocuments(db, lit, () => this.nextVersion()));
  }

  /** A version above every one this process wrote before (microseconds of the wall clock). */
  private nextVersion(atLeast = 0): number {
    this.clock = Math.max(this.clock + 1, Date.now() * 1000, atLeast);
    return this.clock;
  }

  async upsertTraces(rows: readonly TraceRow[]): Promise<UpsertCounts> {
    if (rows.length === 0) return { ingested: 0, updated: 0, duplicates: 0 };
    // Every value is checked before anything is written: a bad batch changes nothing.
    for (const r of rows) encodeRow(MessageTrace, r, {});
    const { unique, updatedInBatch, duplicatesInBatch } = collapseBatch(rows);
    const stored = await this.storedTraces(unique);
    let ingested = 0;
    let updated = 0;
    let duplicates = 0;
    const out: Record<string, unknown>[] = [];
    const changes: TraceChange[] = [];
    for (const row of unique) {
      const seen = stored.get(traceKey(row));
      if (!seen) {
        ingested++;
        out.push(encodeRow(MessageTrace, row, { _version: this.nextVersion() }));
        changes.push({ row, sign: 1 });
        continue;
      }
      const merged = mergeTrace(seen.row, row);
      if (merged === seen.row) duplicates++;
      else {
        updated++;
        out.push(encodeRow(MessageTrace, merged, { _version: this.nextVersion(seen.version + 1) }));
        changes.push({ row: seen.row, sign: -1 }, { row: merged, sign: 1 });
      }
    }
    // The stored keys of the messages the batch writes, read before the rows are, for both distinct-message summaries.
    const keys = await storedMessageKeys(this.db, [...new Set(out.map((r) => String(r.MessageTraceId)))]);
    const messages = messageChanges(
      this.db,
      keys,
      unique.filter((row) => !stored.has(traceKey(row))),
    );
    const states = messageStateChanges(this.db, this.placement, out, keys);
    for (let i = 0; i < out.length; i += INSERT_CHUNK)
      await this.db.insert(writeTable(this.placement, 'MessageTrace'), out.slice(i, i + INSERT_CHUNK));
    await writeAggregateChanges(this.db, changes);
    // From the daily tables, which hold the write's changes by now.
    await writeHeavyChanges(this.db, this.placement, changes);
    // The keys first (messageChanges reads the hours from them too), then the summaries' changes.
    await states.write();
    await messages.write();
    return { ingested, updated: updated + updatedInBatch, duplicates: duplicates + duplicatesInBatch };
  }

  /** The stored rows (and versions) of the batch's keys. */
  private async storedTraces(rows: readonly TraceRow[]): Promise<Map<string, { row: TraceRow; version: number }>> {
    const found = new Map<string, { row: TraceRow; version: number }>();
    const cols = MessageTrace.columns.map((c) => q(c.name)).join(', ');
    for (let i = 0; i < rows.length; i += LOOKUP_CHUNK) {
      const chunk = rows.slice(i, i + LOOKUP_CHUNK);
      const wanted = new Set(chunk.map(traceKey));
      const times = chunk.map((r) => r.Received * 1000);
      const ids = [...new Set(chunk.map((r) => r.MessageTraceId))].map((x) => lit(x)).join(', ');
      const r = await this.db.select(
        `SELECT ${cols}, _version FROM ${readWhere('MessageTrace', [
          [
            'Received',
            `Received BETWEEN ${lit(Math.min(...times) - LOOKUP_SLACK_US, 'long')} AND ${lit(Math.max(...times) + LOOKUP_SLACK_US, 'long')}`,
          ],
          ['MessageTraceId', `MessageTraceId IN (${ids})`],
        ])}`,
      );
      for (const values of r.data) {
        const row = decodeRow<TraceRow>(MessageTrace, values);
        const key = traceKey(row);
        if (wanted.has(key)) found.set(key, { row, version: Number(values[MessageTrace.columns.length]) });
      }
    }
    return found;
  }

  async insertEvents(rows: readonly EventRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const encoded = rows.map((r) => encodeRow(MessageEvents, r, { _version: 0 }));
    const byKey = new Map<string, Record<string, unknown>>();
    for (const e of encoded) byKey.set(eventKey(e), e);
    const fresh = new Map(byKey);
    const times = [...byKey.values()].map((e) => Number(e.Timestamp));
    const ids = [...new Set([...byKey.values()].map((e) => String(e.MessageTraceId)))];
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const r = await this.db.select(
        `SELECT ${MessageEvents.key.map(q).join(', ')} FROM ${readWhere('MessageEvents', [
          ['Timestamp', `Timestamp BETWEEN ${lit(Math.min(...times), 'long')} AND ${lit(Math.max(...times), 'long')}`],
          [
            'MessageTraceId',
            `MessageTraceId IN (${ids
              .slice(i, i + LOOKUP_CHUNK)
              .map((x) => lit(x))
              .join(', ')})`,
          ],
        ])}`,
      );
      for (const v of r.data) fresh.delete(eventKey(Object.fromEntries(MessageEvents.key.map((k, j) => [k, v[j]]))));
    }
    await this.db.insert(writeTable(this.placement, 'MessageEvents'), [...fresh.values()]);
    return fresh.size;
  }

  async replaceIndicators(feed: string, rows: readonly IndicatorRow[]): Promise<void> {
    await this.replaceWhere(Indicators, `Feed = ${lit(feed)}`, rows);
  }

  async upsertIndicators(rows: readonly IndicatorRow[]): Promise<void> {
    const v = this.nextVersion();
    await this.db.insert(
      'Indicators',
      lastPerKey(Indicators, rows).map((r) => encodeRow(Indicators, r, { _version: v, _deleted: 0 })),
    );
  }

  async replaceIntelMatches(rows: readonly IntelMatchRow[]): Promise<void> {
    await this.replaceWhere(IntelMatches, '1', rows);
  }

  async replaceWatchlist(name: string, rows: readonly WatchlistRow[]): Promise<void> {
    await this.replaceWhere(Watchlist, `Name = ${lit(name)}`, rows);
  }

  /**
   * Replace the rows of a small table that match `where` with `rows`, in one insert: the new rows and a deletion
   * mark for each stored key that is not among them, all of one new version.
   */
  private async replaceWhere(table: TableDef, where: string, rows: readonly object[]): Promise<void> {
    const v = this.nextVersion();
    const fresh = lastPerKey(table, rows).map((r) => encodeRow(table, r, { _version: v, _deleted: 0 }));
    const keep = new Set(fresh.map((r) => keyOf(table, r)));
    const key = storeKey(table);
    const keyCols = key.map(q).join(', ');
    const stored = await this.db.select(`SELECT ${keyCols} FROM ${source(table.name)} WHERE ${where}`);
    const marks: Record<string, unknown>[] = [];
    for (const values of stored.data) {
      const row = Object.fromEntries(key.map((k, i) => [k, values[i]]));
      if (keep.has(keyOf(table, row))) continue;
      const blank = encodeRow(table, {}, { _version: v, _deleted: 1 });
      marks.push({ ...blank, ...row });
    }
    await this.db.insert(table.name, [...fresh, ...marks]);
  }

  async query(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
    let text = bindParams(sql, params);
    if (options.limit !== undefined) {
      text = `SELECT * FROM (${text.trim().replace(/;+$/, '')}) AS capped_query LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    }
    const r = await this.db.select(text, options.signal);
    const columns = r.meta.map((m) => ({ name: m.name, type: kqlTypeOf(m.type) }));
    const rows: unknown[][] = [];
    // The answer stops where its rows would pass maxBytes as JSON (the server's answer is read whole first).
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    let bytes = 0;
    for (const row of r.data) {
      const plain = row.map((v, i) => plainValue(r.meta[i]!.type, v));
      bytes += jsonRowSize(plain);
      if (bytes > maxBytes) return { columns, rows, cut: 'bytes' };
      rows.push(plain);
    }
    return { columns, rows };
  }

  materializeRows(
    sql: string,
    params: readonly unknown[],
    options: { maxRows: number; signal?: AbortSignal },
  ): Promise<MaterializedRows | undefined> {
    return keepRows(this.db, sql, params, options);
  }

  async ping(): Promise<void> {
    await this.db.ping();
  }

  stats(): Promise<StoreStats> {
    return storeStats(this.db, TRACES);
  }

  async distinctValues(column: EntityColumn, window: TimeWindow = {}): Promise<string[]> {
    const r = await this.db.select(
      `SELECT DISTINCT ${q(column)} FROM ${readWhere('MessageTrace', [[column, `${q(column)} != ''`], ...receivedWithin(window, lit)])}`,
    );
    return r.data.map((row) => String(row[0]));
  }

  async entityValueStats(column: EntityColumn, values: readonly string[], window: TimeWindow = {}): Promise<EntityValueStats[]> {
    const out: EntityValueStats[] = [];
    const iso = (us: unknown) => new Date(Math.round(Number(us) / 1000)).toISOString();
    for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
      const list = values.slice(i, i + LOOKUP_CHUNK).map((v) => lit(v));
      const r = await this.db.select(
        `SELECT ${q(column)}, uniqExact(MessageTraceId), min(Received), max(Received) FROM ${readWhere('MessageTrace', [[column, `${q(column)} IN (${list.join(', ')})`], ...receivedWithin(window, lit)])} GROUP BY ${q(column)}`,
      );
      for (const [value, messages, first, last] of r.data)
        out.push({ value: String(value), messages: Number(messages), first: iso(first), last: iso(last) });
    }
    return out;
  }

  saveFindings(rows: readonly FindingRow[], now: number): Promise<void> {
    return this.findings.save(rows, now);
  }

  listFindings(filter?: FindingListFilter): Promise<StoredFindingRow[]> {
    return this.findings.list(filter);
  }

  getFinding(id: string): Promise<StoredFindingRow | undefined> {
    return this.findings.get(id);
  }

  setFindingState(change: FindingStateChange): Promise<StoredFindingRow | undefined> {
    return this.findings.setState(change);
  }

  findingHistory(id: string): Promise<FindingStateChange[]> {
    return this.findings.history(id);
  }

  countFindingsByState(filter?: FindingListFilter): Promise<Record<string, number>> {
    return this.findings.countByState(filter);
  }

  addFindingActivity(entry: FindingActivityRow): Promise<boolean> {
    return this.findings.addActivity(entry);
  }

  findingActivity(filter?: FindingActivityFilter): Promise<FindingActivityRow[]> {
    return this.findings.activity(filter);
  }

  /**
   * Sharded tables: a mutation (ALTER ... DELETE, on every shard) whose end is awaited by reading; small tables:
   * deletion marks. Counts are the rows older than the cutoff before the deletion.
   */
  async deleteOlderThan(cutoff: number): Promise<Record<string, number>> {
    const at = lit(Math.round(cutoff) * 1000, 'long');
    const deleted: Record<string, number> = {};
    await trimAggregates(this.db, this.placement, cutoff);
    await trimHeavy(this.db, this.placement, cutoff);
    await trimMessages(this.db, this.placement, cutoff);
    await trimMessageStates(this.db, this.placement, cutoff);
    for (const [table, column] of Object.entries(RETENTION_COLUMNS)) {
      const old = `${q(column)} < ${at}`;
      const live = readWhere(table, [[column, old]]);
      const count = Number((await this.db.select(`SELECT count() FROM ${live}`)).data[0]![0]);
      deleted[table] = count;
      if (count === 0) continue;
      if (SHARDED.has(table)) {
        await this.db.command(
          `ALTER TABLE ${q(this.placement.database)}.${q(writeTable(this.placement, table))}${onCluster(this.placement)} DELETE WHERE ${old}`,
        );
        await this.waitUntilEmpty(`SELECT count() FROM ${live}`);
      } else {
        const def = TABLES_BY_NAME[table]!;
        const keys = await this.db.select(`SELECT ${storeKey(def).map(q).join(', ')} FROM ${live}`);
        const v = this.nextVersion();
        const blank = encodeRow(def, {}, { _version: v, _deleted: 1 });
        await this.db.insert(
          table,
          keys.data.map((values) => ({ ...blank, ...Object.fromEntries(storeKey(def).map((k, i) => [k, values[i]])) })),
        );
      }
    }
    for (const [table, column] of [
      ['_finding_history', 'updated_at'],
      ['_finding_activity', 'created_at'],
    ] as const) {
      const old = `${column} < ${at}`;
      if (Number((await this.db.select(`SELECT count() FROM ${table} WHERE ${old}`)).data[0]![0]) === 0) continue;
      await this.db.command(`ALTER TABLE ${q(this.placement.database)}.${q(table)}${onCluster(this.placement)} DELETE WHERE ${old}`);
      await this.waitUntilEmpty(`SELECT count() FROM ${table} WHERE ${old}`);
    }
    return deleted;
  }

  /** Mutations run in the background (18.16 cannot wait for them): poll until `countSql` reads 0. */
  private async waitUntilEmpty(countSql: string, timeoutMs = 120_000): Promise<void> {
    const started = Date.now();
    while (Number((await this.db.select(countSql)).data[0]![0]) > 0) {
      if (Date.now() - started > timeoutMs) throw new StoreQueryError(`retention: rows still present after ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async getState(key: string): Promise<StateEntry | undefined> {
    const r = await this.db.select(`SELECT value, updated_at FROM _state FINAL WHERE key = ${lit(key)} AND _deleted = 0`);
    const row = r.data[0];
    if (!row) return undefined;
    return { key, value: JSON.parse(String(row[0])), updatedAt: new Date(Math.round(Number(row[1]) / 1000)).toISOString() };
  }

  async setState(key: string, value: unknown): Promise<void> {
    const v = this.nextVersion();
    await this.db.insert('_state', [{ key, value: JSON.stringify(value), updated_at: Date.now() * 1000, _version: v, _deleted: 0 }]);
  }

  listAlertDefinitions(): Promise<AlertDefinitionRow[]> {
    return this.alertDefinitions.list();
  }

  saveAlertDefinition(row: AlertDefinitionRow): Promise<void> {
    return this.alertDefinitions.save(row);
  }

  deleteAlertDefinition(kind: AlertDefinitionKind, name: string): Promise<boolean> {
    return this.alertDefinitions.delete(kind, name);
  }

  checkIntegrity(): Promise<string[]> {
    return checkIntegrity(this.db);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

const TABLES_BY_NAME: Readonly<Record<string, TableDef>> = { Indicators, IntelMatches, MessageEvents, MessageTrace, Watchlist, Findings };
