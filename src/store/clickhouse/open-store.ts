/**
 * Opening a ClickHouse store: the database and its tables created where missing, in one pass, and the summary
 * tables a store written before them lacks counted from its rows. Which tables exist is read once.
 */
import { getDialect } from '../../kql/index.js';
import { HEAVY_AGGREGATES, MESSAGE_AGGREGATE, MESSAGE_STATE_AGGREGATE, TRACE_AGGREGATES } from '../../schema/index.js';
import { aggregateTableStatements, backfillAggregates } from './aggregates.js';
import { backfillHeavy, heavyTableStatements } from './aggregates-heavy.js';
import { backfillMessages, dropTablesOnOpen, messageTableStatements, OLD_MESSAGE_TABLES } from './aggregates-messages.js';
import { backfillMessageStates, messageKeyTables, messageStateTableStatements } from './aggregates-message-states.js';
import { ClickHouseStore } from './clickhouse-store.js';
import { Connection } from './connection.js';
import { createStatements, type Placement } from './ddl.js';

const lit = (value: string) => getDialect('clickhouse').literal(value, 'string');

/** Which of `names` the database holds (one read of system.tables). */
async function existingTables(db: Connection, database: string, names: readonly string[]): Promise<Set<string>> {
  const r = await db.select(`SELECT name FROM system.tables WHERE database = ${lit(database)} AND name IN (${names.map(lit).join(', ')})`);
  return new Set(r.data.map((row) => String(row[0])));
}

/**
 * Summary and heavy tables among `have` that lack a dimension of their definition (written before it had it: the
 * domains, senders and subjects tables and the distinct messages by state before they had the countries), from one
 * read of system.columns. They are dropped and counted again.
 */
async function staleSummaries(db: Connection, database: string, have: ReadonlySet<string>): Promise<string[]> {
  const defs = [...TRACE_AGGREGATES, ...HEAVY_AGGREGATES, MESSAGE_STATE_AGGREGATE].filter((d) => have.has(d.name));
  if (defs.length === 0) return [];
  const r = await db.select(
    `SELECT table, name FROM system.columns WHERE database = ${lit(database)} AND table IN (${defs.map((d) => lit(d.name)).join(', ')})`,
  );
  const columns = new Set(r.data.map((row) => `${String(row[0])}.${String(row[1])}`));
  return defs.filter((d) => d.dimensions.some((dim) => !columns.has(`${d.name}.${dim}`))).map((d) => d.name);
}

/** Open (creating the database and tables if needed) a ClickHouse store. */
export async function openClickHouseStore(url: URL, placement: Placement, location: string): Promise<ClickHouseStore> {
  const admin = new Connection({ url });
  let have: Set<string>;
  try {
    const summaries = [
      ...[...TRACE_AGGREGATES, ...HEAVY_AGGREGATES].map((d) => d.name),
      MESSAGE_AGGREGATE.name,
      MESSAGE_STATE_AGGREGATE.name,
    ];
    have = await existingTables(admin, placement.database, [...summaries, ...OLD_MESSAGE_TABLES]);
    const stale = await staleSummaries(admin, placement.database, have);
    // The message keys go with the distinct messages by state, which are counted from them: both are counted again.
    const keys = stale.includes(MESSAGE_STATE_AGGREGATE.name) ? messageKeyTables(placement) : [];
    await dropTablesOnOpen(admin, placement, [...stale, ...keys]);
    for (const name of stale) have.delete(name);
    for (const sql of [
      ...createStatements(placement),
      ...aggregateTableStatements(placement),
      ...heavyTableStatements(placement),
      ...messageTableStatements(placement),
      ...messageStateTableStatements(placement),
    ])
      await admin.command(sql);
  } finally {
    await admin.close();
  }
  const db = new Connection({ url, database: placement.database });
  await backfillAggregates(
    db,
    placement,
    TRACE_AGGREGATES.filter((d) => !have.has(d.name)),
  );
  // After the daily tables they cut, which are counted just above when they were missing too.
  await backfillHeavy(
    db,
    placement,
    HEAVY_AGGREGATES.filter((d) => !have.has(d.name)),
  );
  if (!have.has(MESSAGE_AGGREGATE.name)) await backfillMessages(db, placement);
  await dropTablesOnOpen(
    db,
    placement,
    OLD_MESSAGE_TABLES.filter((name) => have.has(name)),
  );
  if (!have.has(MESSAGE_STATE_AGGREGATE.name)) await backfillMessageStates(db, placement);
  return new ClickHouseStore(db, placement, location);
}
