/**
 * Keeping the summary tables in time order (see insertInTimeOrderSql). A write appends its new summary rows sorted,
 * but a write of many days (a file of a month) appends rows spanning them all, and files over the same days (one per
 * mailbox, a month's exports read again) leave every row group spanning them: a read of a few hours then scans them
 * all. So after a write of more than a day each summary table is measured: how many of its row groups a read of one
 * hour touches, from the first and last Received of each row group (rows taken by rowid in groups of DuckDB's row
 * group size). A table whose reads touch more than a quarter of its row groups, and more than MIN_TOUCHED, is
 * written again in time order. The next rewrite of it comes only after a quarter as many row groups again have
 * spread, so filling a store so costs a few times its last rewrite (31 s for all the tables of a 98.5M-row month).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AGGREGATE_GRAIN_MS, DAY_GRAIN_MS, SUMMARY_TABLE_NAMES } from '../../schema/index.js';
import type { BatchSpan } from './batch-span.js';
import { quoteIdent } from './ddl.js';
import { insertInTimeOrderSql } from './summary-sql.js';

/** How a table's order is judged: rows per row group (DuckDB's), and the fewest row groups a read may touch. */
export interface OrderBounds {
  groupRows: number;
  minTouched: number;
}

const BOUNDS: OrderBounds = { groupRows: 122_880, minTouched: 4 };

/** `table`'s rows written again in time order (inside the caller's transaction). */
export function rewriteInTimeOrderSql(table: string): string[] {
  return [
    `CREATE OR REPLACE TEMP TABLE summary_in_order AS SELECT * FROM ${quoteIdent(table)}`,
    `DELETE FROM ${quoteIdent(table)}`,
    insertInTimeOrderSql(quoteIdent(table), 'SELECT * FROM summary_in_order'),
    'DROP TABLE summary_in_order',
  ];
}

/**
 * `table`'s row groups, and how many of them a read of one hour touches on average: the hours each spans (plus
 * one) summed, over the hours the table spans (plus one). In time order that is about 1; with every row group
 * spanning the table, all of them.
 */
function touchedSql(table: string, groupRows: number): string {
  const hour = AGGREGATE_GRAIN_MS / 1000;
  const groups = `SELECT rowid // ${groupRows} AS g, epoch(min("Received")) AS lo, epoch(max("Received")) AS hi FROM ${quoteIdent(table)} GROUP BY g`;
  return `SELECT count(*), coalesce((sum(hi - lo) + count(*) * ${hour}) / (max(hi) - min(lo) + ${hour}), 0) FROM (${groups})`;
}

/**
 * Write again in time order each summary table whose reads touch too many of its row groups (`c`, the writer
 * outside a transaction; `transaction` runs work in one); the names of those rewritten.
 */
export async function keepSummariesInOrder(
  c: DuckDBConnection,
  transaction: (work: (tx: DuckDBConnection) => Promise<void>) => Promise<void>,
  bounds: OrderBounds = BOUNDS,
): Promise<string[]> {
  const rewritten: string[] = [];
  for (const table of SUMMARY_TABLE_NAMES) {
    const [groups, touched] = (await c.runAndReadAll(touchedSql(table, bounds.groupRows))).getRowsJS()[0]!.map(Number) as [number, number];
    if (touched <= bounds.minTouched || touched <= groups / 4) continue;
    await transaction(async (tx) => {
      for (const sql of rewriteInTimeOrderSql(table)) await tx.run(sql);
    });
    rewritten.push(table);
  }
  return rewritten;
}

/** How often at most the tables are measured after writes. */
const MEASURE_EVERY_MS = 60_000;

/**
 * The store's side of it: after a write of rows spanning more than a day, the tables measured and put in order.
 * Measuring reads every summary row's Received (0.2-0.3 s at 98.5M rows), so at most once a minute: a parsed file
 * goes in batches of 100,000 records, each spanning the file's days.
 */
export class SummaryOrder {
  private measuredAt = 0;

  constructor(
    private readonly c: DuckDBConnection,
    private readonly transaction: (work: (tx: DuckDBConnection) => Promise<void>) => Promise<void>,
  ) {}

  /** After a write (under the store's write lock) of rows spanning `span`. */
  async afterWrite(span: BatchSpan | undefined): Promise<void> {
    if (!span || span.to - span.from <= DAY_GRAIN_MS || Date.now() - this.measuredAt < MEASURE_EVERY_MS) return;
    this.measuredAt = Date.now();
    await keepSummariesInOrder(this.c, this.transaction);
  }
}
