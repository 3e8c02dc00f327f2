/** A finding's activity in DuckDB: assignments and notes, appended, read oldest first. */
import type { FindingActivityFilter, FindingActivityKind, FindingActivityRow } from '../../schema/index.js';
import type { QueryResult } from '../store.js';
import { Params } from './params.js';

type Read = (sql: string, params: readonly unknown[]) => Promise<QueryResult>;
type Write = (statements: readonly { sql: string; params: readonly unknown[] }[]) => Promise<void>;

/** DDL of the activity table (a migration creates it). */
export const FINDING_ACTIVITY_DDL =
  'CREATE TABLE IF NOT EXISTS _finding_activity (id VARCHAR NOT NULL, kind VARCHAR NOT NULL, value VARCHAR NOT NULL, actor VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)';

/** Append one entry; false when the finding is unknown. */
export async function addFindingActivity(read: Read, write: Write, entry: FindingActivityRow): Promise<boolean> {
  if ((await read('SELECT 1 FROM "Findings" WHERE "Id" = $1', [entry.Id])).rows.length === 0) return false;
  const p = new Params();
  const sql = `INSERT INTO _finding_activity VALUES (${p.add(entry.Id)}, ${p.add(entry.Kind)}, ${p.add(entry.Value)}, ${p.add(entry.By)}, ${p.time(entry.At)})`;
  await write([{ sql, params: p.values }]);
  return true;
}

/** Entries matching the filter, oldest first (in the order written when times are equal). */
export async function findingActivity(read: Read, filter: FindingActivityFilter = {}): Promise<FindingActivityRow[]> {
  const p = new Params();
  const where: string[] = [];
  if (filter.ids !== undefined) where.push(`id IN ${p.list(filter.ids)}`);
  if (filter.kinds !== undefined) where.push(`kind IN ${p.list(filter.kinds)}`);
  const r = await read(
    `SELECT id, kind, value, actor, epoch_ms(created_at) FROM _finding_activity${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, rowid`,
    p.values,
  );
  return r.rows.map(([id, kind, value, by, at]) => ({
    Id: String(id),
    Kind: String(kind) as FindingActivityKind,
    Value: String(value),
    By: String(by),
    At: Number(at),
  }));
}
