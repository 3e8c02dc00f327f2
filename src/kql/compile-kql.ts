/** compileKql: KQL text -> SQL for a dialect, with bound parameters, typed output columns and a render hint. */
import type { ColumnType } from '../schema/index.js';
import { compileQuery } from './compile/compile-query.js';
import type { DialectName } from './dialect/index.js';
import { planQuery, type QueryPlan } from './plan/plan-query.js';
import { parseQuery } from './syntax/parse-query.js';

/** Options of compileKql. Times are milliseconds since the epoch (UTC). */
export interface CompileOptions {
  readonly dialect: DialectName;
  /** What now() and ago() count from; defaults to the current time. */
  readonly now?: number;
  /** Restricts every table to [from, to) on its time column (see TIME_COLUMNS). */
  readonly timeRange?: { readonly from?: number; readonly to?: number };
  /**
   * The store keeps the summary tables of MessageTrace (every Store does): answer from them when they give exactly
   * the rows' answer (see plan/plan-query.ts). Off, every query reads the rows; 'hourly': the hourly tables only,
   * never their daily twins (to compare with them, or to rule them out).
   */
  readonly aggregates?: boolean | 'hourly';
  /** Values read from the data for operators whose columns depend on it, by the operator's offset (compileKqlWithValues). */
  readonly values?: ReadonlyMap<number, ColumnValues>;
  /**
   * Tables read from another FROM item that holds some of their rows and columns (Store.materializeRows): the time
   * range still applies; a column it lacks is unknown. The summary tables are not used then (`aggregates` is ignored).
   */
  readonly tableSources?: TableSources;
  /**
   * Result columns in the engine's own types, as other SQL of the dialect reads them (rows kept by
   * Store.materializeRows), not as the store returns them to JavaScript (the dialect's outputValue).
   */
  readonly engineTypes?: boolean;
}

/** A FROM item of the dialect standing for a table, and the table's columns it has. */
export type TableSources = Readonly<Record<string, { readonly sql: string; readonly columns: readonly string[] }>>;

/** The distinct values (pivot) or keys with their JSON type (bag_unpack) an operator found in the data. */
export type ColumnValues = readonly { readonly value: string; readonly type: string }[];

/** The SQL of a query and what it returns. */
export interface CompiledQuery {
  readonly sql: string;
  /** Values for the placeholders: `$1`... in DuckDB, `{p1:Type}`... in ClickHouse. Datetimes are 'YYYY-MM-DD HH:MM:SS.mmm' UTC strings. */
  readonly params: unknown[];
  readonly columns: { name: string; type: ColumnType }[];
  readonly render?: { kind: string; props: Record<string, unknown> };
  /** With `aggregates`: what the answer is read from, and why (for `--explain`). */
  readonly plan?: QueryPlan;
  /** Run instead when this query's answer does not have `rows` rows with the last one's `column` above `above`. */
  readonly fallback?: Fallback;
}

/**
 * The query that answers when a `top N` read from a heavy-value table (HEAVY_AGGREGATES) cannot be shown to be the
 * whole table's: it must have N rows, the Nth ranked above what any value the table does not hold can reach.
 */
export interface Fallback {
  readonly query: CompiledQuery;
  readonly rows: number;
  readonly column: number;
  readonly above: number;
}

/** Whether `rows` (the answer of a query with `fallback`) stand, or the fallback must answer. */
export function fallbackNeeded(fallback: Fallback, rows: readonly (readonly unknown[])[]): boolean {
  const last = rows.at(-1)?.[fallback.column];
  return rows.length !== fallback.rows || !(Number(last) > fallback.above);
}

/** Compile KQL to SQL; throws KqlError for every mistake in the query. */
export function compileKql(text: string, options: CompileOptions): CompiledQuery {
  const query = parseQuery(text);
  const raw = compileQuery(query, text, options);
  return options.aggregates && !options.tableSources ? planQuery(query, text, options, raw) : raw;
}
