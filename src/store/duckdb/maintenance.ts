/** Keeping a DuckDB store: a consistent copy into a new file, and a full read that finds damage. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { Indicators, IntelMatches, MessageEvents, MessageTrace, Watchlist } from '../../schema/index.js';
import { StoreQueryError } from '../errors.js';
import type { QueryResult } from '../store.js';
import { aggregateProblems } from './aggregates.js';
import { quoteIdent, quoteLiteral } from './ddl.js';
import { firstLine } from './engine-message.js';

/** Check that `path` can take a backup (a new file) and make its folder. */
export async function prepareBackupPath(location: string, path: string): Promise<void> {
  if (location === ':memory:') throw new StoreQueryError('an in-memory store has nothing to back up');
  if (existsSync(path)) throw new StoreQueryError(`${path} already exists; name a new file for the backup`);
  await mkdir(dirname(path), { recursive: true });
}

/** Copy the database `c` is connected to into a new file; the caller holds the write lock so no write is half done. */
export async function copyDatabaseTo(c: DuckDBConnection, path: string): Promise<void> {
  // COPY FROM DATABASE reads one snapshot, so queries carry on meanwhile.
  const name = String((await c.runAndReadAll('SELECT current_database()')).getRowsJS()[0]![0]);
  try {
    await c.run(`ATTACH ${quoteLiteral(path)} AS mailsift_backup`);
    await c.run(`COPY FROM DATABASE ${quoteIdent(name)} TO mailsift_backup`);
  } catch (cause) {
    throw new StoreQueryError(`backup to ${path} failed: ${firstLine(cause)}`, { cause });
  } finally {
    await c.run('DETACH DATABASE IF EXISTS mailsift_backup').catch(() => undefined);
  }
}

/** Problems found by reading every table whole (DuckDB checksums each block it reads) and by a repeated MessageTrace key. */
export async function integrityProblems(query: (sql: string) => Promise<QueryResult>): Promise<string[]> {
  const problems: string[] = [];
  for (const table of [MessageTrace, MessageEvents, Indicators, IntelMatches, Watchlist]) {
    try {
      await query(`SELECT count(*), sum(hash(COLUMNS(*))) FROM ${quoteIdent(table.name)}`);
    } catch (e) {
      problems.push(`${table.name} cannot be read: ${firstLine(e)}`);
    }
  }
  const keys = MessageTrace.key.map(quoteIdent).join(', ');
  const dup = await query(
    `SELECT count(*) FROM (SELECT ${keys} FROM ${quoteIdent(MessageTrace.name)} GROUP BY ${keys} HAVING count(*) > 1)`,
  ).catch(() => undefined);
  const n = Number(dup?.rows[0]?.[0] ?? 0);
  if (n > 0) problems.push(`MessageTrace holds ${n} keys (MessageTraceId, RecipientAddress) more than once`);
  problems.push(...(await aggregateProblems(query)));
  return problems;
}
