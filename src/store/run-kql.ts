/** KQL against a store: compiled for the store's dialect and run there. The way modules outside src/store read data. */
import { compileKql, compileKqlWithValues, fallbackNeeded, type CompiledQuery, type TableSources } from '../kql/index.js';
import type { QueryOptions, QueryResult, Store } from './store.js';

/** Options of runKql. Times are ms since the epoch. */
export interface RunKqlOptions extends QueryOptions {
  /** What now() and ago() count from (default: the clock). */
  now?: number;
  /** Restricts every table to [from, to) on its time column. */
  timeRange?: { from?: number; to?: number };
  /**
   * Answer from the summary tables where they give the same answer (default: on; MAILSIFT_AGGREGATES=off reads
   * the rows, MAILSIFT_AGGREGATES=hourly the hourly tables only, without their daily twins).
   */
  aggregates?: boolean | 'hourly';
  /** Tables read from other FROM items (rows kept by Store.materializeRows); the summary tables are not used then. */
  tableSources?: TableSources;
}

/** A KQL result: the rows, with the column types the compiler knows (dynamic, timespan) over the engine's, and the render hint. */
export interface KqlResult extends QueryResult {
  render?: CompiledQuery['render'];
}

/** Whether (and which) summary tables answer: `options.aggregates`, else MAILSIFT_AGGREGATES (off, hourly; default on). */
export function aggregatesOn(options: Pick<RunKqlOptions, 'aggregates'> = {}): boolean | 'hourly' {
  if (options.aggregates !== undefined) return options.aggregates;
  const env = process.env.MAILSIFT_AGGREGATES;
  return env === 'hourly' ? 'hourly' : env !== 'off';
}

/** Whether runKql would answer `kql` from the summary tables (not the rows); false for a query that does not compile. */
export function answersFromSummaries(
  store: Pick<Store, 'dialect'>,
  kql: string,
  options: Pick<RunKqlOptions, 'now' | 'timeRange' | 'aggregates'> = {},
): boolean {
  const aggregates = aggregatesOn(options);
  if (!aggregates) return false;
  try {
    const { plan } = compileKql(kql, {
      dialect: store.dialect,
      now: options.now ?? Date.now(),
      aggregates,
      ...(options.timeRange ? { timeRange: options.timeRange } : {}),
    });
    return plan !== undefined && plan.source !== 'rows';
  } catch {
    return false;
  }
}

/** Compile `kql` for `store.dialect` and run it; throws KqlError for mistakes in the query, StoreQueryError from the engine. */
export async function runKql(store: Pick<Store, 'dialect' | 'query'>, kql: string, options: RunKqlOptions = {}): Promise<KqlResult> {
  const { signal, limit, maxBytes } = options;
  // evaluate pivot and bag_unpack read their columns' values first (a small SELECT each).
  const compiled = await compileKqlWithValues(
    kql,
    {
      dialect: store.dialect,
      now: options.now ?? Date.now(),
      ...(options.timeRange ? { timeRange: options.timeRange } : {}),
      ...(options.tableSources ? { tableSources: options.tableSources } : {}),
      // Every store keeps the summary tables of MessageTrace exact at each write (see src/schema/aggregates.ts).
      // MAILSIFT_AGGREGATES=off reads the rows for every query (to compare, or to rule the summaries out); =hourly
      // leaves the daily tables out.
      aggregates: aggregatesOn(options),
    },
    async (sql, params) => (await store.query(sql, params, { signal })).rows,
  );
  let result = await store.query(compiled.sql, compiled.params, { signal, limit, maxBytes });
  // A top N from a heavy-value table that may not be the whole table's: its daily table answers.
  const fallback = compiled.fallback;
  if (fallback && fallbackNeeded(fallback, result.rows))
    result = await store.query(fallback.query.sql, fallback.query.params, { signal, limit, maxBytes });
  const columns = compiled.columns.length === result.columns.length ? compiled.columns : result.columns;
  const out: KqlResult = { columns, rows: result.rows };
  if (result.cut) out.cut = result.cut;
  if (compiled.render !== undefined) out.render = compiled.render;
  return out;
}
