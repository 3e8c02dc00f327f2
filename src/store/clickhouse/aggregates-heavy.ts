/**
 * The heavy-value tables on ClickHouse (HEAVY_AGGREGATES in src/schema/aggregates.ts): SummingMergeTrees of signed
 * rows like the other summary tables. At each write, once the daily table a heavy table cuts (`of`) has the write's
 * changes, the changes of the rows whose value the table holds go in as they went into `of`, and a value that now
 * has `minDayRows` rows on one of the write's days without being held goes in with all its rows of `of` (summed
 * there, so it takes none of the write's changes besides). Which values are held is read from the table itself: this
 * assumes the store's one writer (docs/scale-out.md), as two writers could each add the same value's rows.
 */
import { randomUUID } from 'node:crypto';
import { getDialect } from '../../kql/index.js';
import { HEAVY_AGGREGATES, type HeavyAggregateDef } from '../../schema/index.js';
import {
  bucketStartUs,
  dimensionOf,
  groupsDigest,
  heldGroupsSql,
  recountProblems,
  signedGroups,
  summaryTableStatement,
  trimSummary,
  type TraceChange,
} from './aggregates.js';
import type { Connection } from './connection.js';
import { q, type Placement } from './ddl.js';

/** Values added per statement: their literals stay far below the server's max_query_size (256 KiB). */
const PROMOTE_CHUNK = 1_000;

const lit = (value: string) => getDialect('clickhouse').literal(value, 'string');

/** CREATE of each heavy table, as of any summary table. */
export const heavyTableStatements = (p: Placement): string[] => HEAVY_AGGREGATES.map((def) => summaryTableStatement(p, def));

/** The values `def` holds: those whose rows there add up to some (a value whose rows all went is held no more). */
const heldSql = (def: HeavyAggregateDef) => `SELECT ${q(def.key)} FROM ${q(def.name)} GROUP BY ${q(def.key)} HAVING sum(\`Rows\`) != 0`;

/** The values with `minDayRows` rows or more on a day of `of` that `where` (on its rows) selects. */
function heavyValuesSql(def: HeavyAggregateDef, where = '1'): string {
  const key = q(def.key);
  const days = `SELECT \`Received\`, ${key}, sum(\`Rows\`) AS n FROM ${q(def.of)} WHERE ${where} GROUP BY \`Received\`, ${key} HAVING n >= ${def.minDayRows}`;
  return `SELECT DISTINCT ${key} FROM (${days})`;
}

/** The rows of `of` that `where` selects, summed to the groups of `def` (`r` rows, `b` bytes), those of none left out. */
function rowsOfSql(def: HeavyAggregateDef, where: string): string {
  const cols = ['Received', ...def.dimensions].map(q).join(', ');
  return `SELECT ${cols}, toInt64(sum(\`Rows\`)) AS r, toInt64(sum(\`Bytes\`)) AS b FROM ${q(def.of)} WHERE ${where} GROUP BY ${cols} HAVING r != 0`;
}

/** Add to `def` all the rows of `of` that `where` selects (values it does not hold yet). */
async function addRowsOf(db: Connection, p: Placement, def: HeavyAggregateDef, where: string): Promise<void> {
  const cols = ['Received', ...def.dimensions].map(q).join(', ');
  await db.command(`INSERT INTO ${q(p.database)}.${q(def.name)} SELECT ${cols}, r, b, '${randomUUID()}' FROM (${rowsOfSql(def, where)})`);
}

/** Fill heavy tables that were just created (a store written before them) from their daily tables. */
export async function backfillHeavy(db: Connection, p: Placement, defs: readonly HeavyAggregateDef[]): Promise<void> {
  for (const def of defs) await addRowsOf(db, p, def, `${q(def.key)} IN (${heavyValuesSql(def)})`);
}

/** Write the signed changes of one write into every heavy table; call it once the daily tables have them. */
export async function writeHeavyChanges(db: Connection, p: Placement, changes: readonly TraceChange[]): Promise<void> {
  if (changes.length === 0) return;
  for (const def of HEAVY_AGGREGATES) {
    const held = new Set((await db.select(heldSql(def))).data.map((r) => String(r[0])));
    await db.insert(
      def.name,
      signedGroups(
        def,
        changes.filter((c) => held.has(dimensionOf(c.row, def.key))),
      ),
    );
    const days = [...new Set(changes.map((c) => bucketStartUs(def, c.row.Received)))];
    const heavy = await db.select(heavyValuesSql(def, `\`Received\` IN (${days.join(', ')})`));
    const added = heavy.data.map((r) => String(r[0])).filter((value) => !held.has(value));
    for (let i = 0; i < added.length; i += PROMOTE_CHUNK) {
      const values = added.slice(i, i + PROMOTE_CHUNK).map(lit);
      await addRowsOf(db, p, def, `${q(def.key)} IN (${values.join(', ')})`);
    }
  }
}

/** Retention, before the rows older than `cutoffMs` go: as trimSummary, the cut day losing the held values' rows only. */
export async function trimHeavy(db: Connection, p: Placement, cutoffMs: number): Promise<void> {
  for (const def of HEAVY_AGGREGATES) await trimSummary(db, p, def, cutoffMs, `${q(def.key)} IN (${heldSql(def)})`);
}

/** Heavy tables that differ from the rows of `of` they must hold: those of the values held and of the heavy ones. */
export async function heavyProblems(db: Connection): Promise<string[]> {
  const problems: string[] = [];
  for (const def of HEAVY_AGGREGATES) {
    const key = q(def.key);
    const due = groupsDigest(def, rowsOfSql(def, `${key} IN (${heldSql(def)}) OR ${key} IN (${heavyValuesSql(def)})`));
    const held = groupsDigest(def, heldGroupsSql(def));
    problems.push(...(await recountProblems(db, def.name, held, due, 'groups', `the rows of ${def.of} it must hold`)));
  }
  return problems;
}
