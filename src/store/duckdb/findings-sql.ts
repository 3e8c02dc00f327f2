/** The Findings table and its state history in DuckDB: upsert keeping triage state, listing, state changes. */
import {
  SEVERITIES,
  type FindingListFilter,
  type FindingRow,
  type FindingState,
  type FindingStateChange,
  type Severity,
  type StoredFindingRow,
} from '../../schema/index.js';
import type { QueryResult } from '../store.js';
import { quoteLiteral } from './ddl.js';
import { Params } from './params.js';

type Read = (sql: string, params: readonly unknown[]) => Promise<QueryResult>;
type Write = (statements: readonly { sql: string; params: readonly unknown[] }[]) => Promise<void>;

const COLUMNS =
  '"Id", "Rule", "Severity", "Title", "From", "To", "Count", "Entities", "Query", "Details", "State", "UpdatedBy", "UpdatedAt"';
const SELECT = `SELECT "Id", "Rule", "Severity", "Title", epoch_ms("From"), epoch_ms("To"), "Count", CAST("Entities" AS VARCHAR), "Query", CAST("Details" AS VARCHAR), "State", "UpdatedBy", epoch_ms("UpdatedAt") FROM "Findings"`;
const RANK = `CASE "Severity" ${SEVERITIES.map((s, i) => `WHEN ${quoteLiteral(s)} THEN ${i}`).join(' ')} ELSE -1 END`;

/** DDL of the history table (a migration creates it). */
export const FINDING_HISTORY_DDL =
  'CREATE TABLE IF NOT EXISTS _finding_history (id VARCHAR NOT NULL, state VARCHAR NOT NULL, updated_by VARCHAR NOT NULL, updated_at TIMESTAMP NOT NULL)';

/** Insert new findings as open, update known ones keeping their triage state. */
export async function saveFindings(read: Read, write: Write, rows: readonly FindingRow[], now: number): Promise<void> {
  if (rows.length === 0) return;
  const existing = new Set<string>();
  for (let i = 0; i < rows.length; i += 500) {
    const p = new Params();
    const r = await read(`SELECT "Id" FROM "Findings" WHERE "Id" IN ${p.list(rows.slice(i, i + 500).map((f) => f.Id))}`, p.values);
    for (const [id] of r.rows) existing.add(String(id));
  }
  const statements: { sql: string; params: unknown[] }[] = [];
  const fresh = rows.filter((f) => !existing.has(f.Id));
  for (let i = 0; i < fresh.length; i += 200) {
    const p = new Params();
    const values = fresh
      .slice(i, i + 200)
      .map(
        (f) =>
          `(${p.add(f.Id)}, ${p.add(f.Rule)}, ${p.add(f.Severity)}, ${p.add(f.Title)}, ${p.time(f.From)}, ${p.time(f.To)}, ` +
          `${p.add(f.Count)}, CAST(${p.add(JSON.stringify(f.Entities))} AS JSON), ${p.add(f.Query)}, CAST(${p.add(JSON.stringify(f.Details))} AS JSON), ` +
          `'open', '', ${p.time(now)})`,
      );
    statements.push({ sql: `INSERT INTO "Findings" (${COLUMNS}) VALUES ${values.join(', ')}`, params: p.values });
  }
  for (const f of rows.filter((x) => existing.has(x.Id))) {
    const p = new Params();
    statements.push({
      sql:
        `UPDATE "Findings" SET "Severity" = ${p.add(f.Severity)}, "Title" = ${p.add(f.Title)}, ` +
        `"From" = least("From", ${p.time(f.From)}), "To" = greatest("To", ${p.time(f.To)}), ` +
        `"Count" = ${p.add(f.Count)}, "Entities" = CAST(${p.add(JSON.stringify(f.Entities))} AS JSON), "Query" = ${p.add(f.Query)}, ` +
        `"Details" = CAST(${p.add(JSON.stringify(f.Details))} AS JSON) WHERE "Id" = ${p.add(f.Id)}`,
      params: p.values,
    });
  }
  await write(statements);
}

/** Stored findings matching a filter, newest first, then most severe, then by id. */
export async function listFindings(read: Read, filter: FindingListFilter = {}): Promise<StoredFindingRow[]> {
  const p = new Params();
  const where = whereOf(p, filter);
  const limit = Math.max(0, Math.floor(filter.limit ?? 1000));
  const offset = Math.max(0, Math.floor(filter.offset ?? 0));
  const text = `${SELECT}${where} ORDER BY "From" DESC, ${RANK} DESC, "Id" LIMIT ${limit} OFFSET ${offset}`;
  return (await read(text, p.values)).rows.map(fromRow);
}

/** How many findings match a filter (limit and offset aside), per state. */
export async function countFindingsByState(read: Read, filter: FindingListFilter = {}): Promise<Record<string, number>> {
  const p = new Params();
  const r = await read(`SELECT "State", count(*) FROM "Findings"${whereOf(p, filter)} GROUP BY "State"`, p.values);
  return Object.fromEntries(r.rows.map(([state, n]) => [String(state), Number(n)]));
}

/** ` WHERE ...` of a listing filter ('' when it has no condition). */
function whereOf(p: Params, filter: FindingListFilter): string {
  const where: string[] = [];
  if (filter.endsFrom !== undefined) where.push(`"To" >= ${p.time(filter.endsFrom)}`);
  if (filter.startsTo !== undefined) where.push(`"From" <= ${p.time(filter.startsTo)}`);
  if (filter.rules !== undefined) where.push(`"Rule" IN ${p.list(filter.rules)}`);
  if (filter.states !== undefined) where.push(`"State" IN ${p.list(filter.states)}`);
  if (filter.severities !== undefined) where.push(`"Severity" IN ${p.list(filter.severities)}`);
  if (filter.ids !== undefined) where.push(`"Id" IN ${p.list(filter.ids)}`);
  return where.length ? ` WHERE ${where.join(' AND ')}` : '';
}

/** One stored finding. */
export async function getFinding(read: Read, id: string): Promise<StoredFindingRow | undefined> {
  const r = await read(`${SELECT} WHERE "Id" = $1`, [id]);
  return r.rows[0] ? fromRow(r.rows[0]) : undefined;
}

/** Set a finding's state and append the change to its history (one transaction). */
export async function setFindingState(read: Read, write: Write, change: FindingStateChange): Promise<StoredFindingRow | undefined> {
  if (!(await getFinding(read, change.Id))) return undefined;
  const p = new Params();
  const [state, by, at, id] = [p.add(change.State), p.add(change.UpdatedBy), p.time(change.UpdatedAt), p.add(change.Id)];
  await write([
    { sql: `UPDATE "Findings" SET "State" = ${state}, "UpdatedBy" = ${by}, "UpdatedAt" = ${at} WHERE "Id" = ${id}`, params: p.values },
    { sql: `INSERT INTO _finding_history VALUES (${id}, ${state}, ${by}, ${at})`, params: p.values },
  ]);
  return getFinding(read, change.Id);
}

/** State changes of a finding, oldest first. */
export async function findingHistory(read: Read, id: string): Promise<FindingStateChange[]> {
  const r = await read('SELECT state, updated_by, epoch_ms(updated_at) FROM _finding_history WHERE id = $1 ORDER BY updated_at, rowid', [
    id,
  ]);
  return r.rows.map(([state, by, at]) => ({ Id: id, State: String(state) as FindingState, UpdatedBy: String(by), UpdatedAt: Number(at) }));
}

function fromRow(row: unknown[]): StoredFindingRow {
  const [id, rule, severity, title, from, to, count, entities, query, details, state, updatedBy, updatedAt] = row;
  return {
    Id: String(id),
    Rule: String(rule),
    Severity: String(severity) as Severity,
    Title: String(title),
    From: Number(from),
    To: Number(to),
    Count: Number(count),
    Entities: parseJson(entities) as Record<string, string>,
    Query: String(query),
    Details: parseJson(details) as Record<string, unknown>,
    State: String(state) as FindingState,
    UpdatedBy: String(updatedBy ?? ''),
    UpdatedAt: updatedAt == null ? null : Number(updatedAt),
  };
}

function parseJson(v: unknown): unknown {
  if (v == null) return {};
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return {};
  }
}
