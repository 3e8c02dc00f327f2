/**
 * The JSON-lines fast path of the DuckDB store (Store.upsertTraceJsonLines): DuckDB reads the file itself. Into a
 * store with no rows, the records go straight from the file into MessageTrace (one light pass first for the
 * distinct values enrichment needs); into a store with rows, they are read into a temporary table and merged.
 * Either way a record the parser must map makes the whole file go to the parser, having changed nothing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DimensionEnricher, UpsertCounts } from '../store.js';
import { rebuildSummariesSql } from './aggregates.js';
import { firstLine } from './engine-message.js';
import {
  CHECK_RAW_SQL,
  DISTINCT_IPS_SQL,
  DISTINCT_PAIRS_SQL,
  FILE_DIMENSIONS_SQL,
  KEEP_JOIN_ORDER_SQL,
  LOAD_DIRECTIONS_SQL,
  LOAD_IPS_SQL,
  NEEDS_PARSER,
  NO_TRACES_SQL,
  RESET_JOIN_ORDER_SQL,
  TRACE_KEYS_SQL,
  enrichedStageSql,
  insertJsonLinesSql,
  readJsonLinesSql,
} from './json-lines-sql.js';
import type { BatchSpan } from './batch-span.js';
import { TRACE_STAGE } from './merge-sql.js';
import { mergeTraceStage } from './merge-traces.js';
import type { StagingArea } from './staging.js';

/** The counts, and the span of the rows merged into a store that had rows (a new store's summaries are counted in order). */
type Counts = UpsertCounts & { read: number; span?: BatchSpan };

/** What the fast path needs of the store: its write connection, staging files and write transaction. */
export interface JsonLinesWriter {
  c: DuckDBConnection;
  staging: StagingArea;
  transaction<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T>;
}

/** Raised inside the write transaction when the file must go to the parser: the transaction is rolled back. */
class NeedsParser extends Error {}

/** A first read of the file: a line DuckDB can't read as an object goes to the parser, which says which and why. */
async function readingFile<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch {
    throw new NeedsParser();
  }
}

const TEMPS = ['raw_trace', 'dim_direction', 'dim_ip'];

/** Upsert the records of the JSON-lines file `path`; undefined (nothing changed) when the parser must read it. */
export async function upsertJsonLines(
  w: JsonLinesWriter,
  path: string,
  source: string,
  enricher: DimensionEnricher,
): Promise<Counts | undefined> {
  const files: string[] = [];
  try {
    const empty = Boolean((await w.c.runAndReadAll(NO_TRACES_SQL)).getRowsJS()[0]![0]);
    return empty ? await intoEmptyStore(w, path, source, enricher, files) : await throughStage(w, path, source, enricher, files);
  } catch (error) {
    if (error instanceof NeedsParser) return undefined;
    throw error;
  } finally {
    await w.c.run(`DROP VIEW IF EXISTS ${TRACE_STAGE}`).catch(() => undefined);
    for (const t of TEMPS) await w.c.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
    for (const f of files) await w.staging.remove(f);
  }
}

/**
 * A store with no rows: the file is read twice, a light pass for the distinct values to enrich, then once into
 * MessageTrace, enriched on the way. The insert raises at a record the parser must map; a key repeated in the
 * file is found in the inserted rows (the only rows). The summary tables are then counted from the rows.
 */
async function intoEmptyStore(
  w: JsonLinesWriter,
  path: string,
  source: string,
  enricher: DimensionEnricher,
  files: string[],
): Promise<Counts> {
  const read = await readingFile(() => w.c.runAndReadAll(FILE_DIMENSIONS_SQL, [path]));
  const dimensions = read.getRowsJS() as [string | null, string | null, string | null][];
  const pairs: [string, string][] = [];
  const ips = new Set<string>();
  for (const [s, r, ip] of dimensions) {
    if (s !== null && r !== null) pairs.push([s, r]);
    else if (ip) ips.add(ip);
  }
  await loadDimensions(w, enricher, pairs, [...ips], files);
  // A setting of the connection, not of the transaction: set and reset outside it (an aborted one takes no SET).
  await w.c.run(KEEP_JOIN_ORDER_SQL);
  try {
    return await w.transaction(async (c) => {
      let read: number;
      try {
        read = Number((await c.run(insertJsonLinesSql(source), [path])).rowsChanged);
      } catch (error) {
        if (firstLine(error).includes(NEEDS_PARSER)) throw new NeedsParser();
        throw error;
      }
      const [rows, keys] = (await c.runAndReadAll(TRACE_KEYS_SQL)).getRowsJS()[0]!.map(Number) as [number, number];
      if (rows !== keys) throw new NeedsParser();
      for (const sql of rebuildSummariesSql()) await c.run(sql);
      return { read, ingested: read, updated: 0, duplicates: 0 };
    });
  } finally {
    await w.c.run(RESET_JOIN_ORDER_SQL);
  }
}

/** A store with rows: the mapped records in a temporary table, checked, enriched and merged. */
async function throughStage(
  w: JsonLinesWriter,
  path: string,
  source: string,
  enricher: DimensionEnricher,
  files: string[],
): Promise<Counts> {
  const { c } = w;
  // Reading and enriching fill temporary tables only, outside the transaction: inserting from them inside
  // it is then about twice as fast. Only the merge below touches the stored tables, in one transaction.
  await readingFile(() => c.run(readJsonLinesSql(), [path]));
  const [read, bad, repeated] = (await c.runAndReadAll(CHECK_RAW_SQL)).getRowsJS()[0]!.map(Number) as [number, number, number];
  if (bad > 0 || repeated > 0) throw new NeedsParser();
  const pairs = (await c.runAndReadAll(DISTINCT_PAIRS_SQL)).getRowsJS() as [string, string][];
  const ips = (await c.runAndReadAll(DISTINCT_IPS_SQL)).getRowsJS().map((r) => String(r[0]));
  await loadDimensions(w, enricher, pairs, ips, files);
  await c.run(enrichedStageSql(TRACE_STAGE, source));
  return w.transaction(async (tx) => {
    const { ingested, updated, span } = await mergeTraceStage(tx, TRACE_STAGE, { keysFrom: 'raw_trace' });
    return { read, ingested, updated, duplicates: read - ingested - updated, ...(span ? { span } : {}) };
  });
}

/**
 * Enrich the distinct values in JavaScript and load them as dim_direction and dim_ip: only the values whose
 * enrichment is not the default ('' and 0), which a row without a match in them gets as well.
 */
async function loadDimensions(
  w: JsonLinesWriter,
  enricher: DimensionEnricher,
  pairs: readonly [string, string][],
  ips: readonly string[],
  files: string[],
): Promise<void> {
  files.push(
    await w.staging.write(pairs.map(([s, r]) => ({ s, r, d: enricher.direction(s, r) })).filter((p) => p.d !== '')),
    await w.staging.write(
      ips
        .map((ip) => {
          const g = enricher.geo(ip);
          return { ip, c: g.country, a: g.asn, o: g.asOrg };
        })
        .filter((g) => g.c !== '' || g.a !== 0 || g.o !== ''),
    ),
  );
  await w.c.run(LOAD_DIRECTIONS_SQL, [files.at(-2)!]);
  await w.c.run(LOAD_IPS_SQL, [files.at(-1)!]);
}
