/** The Findings table: upsert by stable id (keeping triage state), listing and state changes for the API. */
import { parseTime } from '../schema/index.js';
import type { Store } from '../store/index.js';
import { DetectTimeError, FindingNotFoundError, FindingStateError } from './errors.js';
import {
  FINDING_STATES,
  RULE_IDS,
  SEVERITIES,
  fullEntities,
  severityRank,
  type Finding,
  type FindingState,
  type RuleId,
  type Severity,
  type StoredFinding,
} from './finding.js';
import { SqlBuilder } from './sql-builder.js';

const COLUMNS =
  '"Id", "Rule", "Severity", "Title", "From", "To", "Count", "Entities", "Query", "Details", "State", "UpdatedBy", "UpdatedAt"';
const SELECT = `SELECT "Id", "Rule", "Severity", "Title", epoch_ms("From"), epoch_ms("To"), "Count", CAST("Entities" AS VARCHAR), "Query", CAST("Details" AS VARCHAR), "State", "UpdatedBy", epoch_ms("UpdatedAt") FROM "Findings"`;

/**
 * Store findings: new ids are inserted as open; known ids get the new evidence (widened time span,
 * latest count, title, details) and keep their State, UpdatedBy and UpdatedAt.
 */
export async function saveFindings(store: Store, findings: readonly Finding[], now: number): Promise<void> {
  if (findings.length === 0) return;
  const existing = new Set<string>();
  for (let i = 0; i < findings.length; i += 500) {
    const sql = new SqlBuilder();
    const ids = findings.slice(i, i + 500).map((f) => f.id);
    const r = await store.query(`SELECT "Id" FROM "Findings" WHERE "Id" IN ${sql.list(ids)}`, sql.params);
    for (const [id] of r.rows) existing.add(String(id));
  }
  const fresh = findings.filter((f) => !existing.has(f.id));
  for (let i = 0; i < fresh.length; i += 200) {
    const sql = new SqlBuilder();
    const values = fresh
      .slice(i, i + 200)
      .map(
        (f) =>
          `(${sql.param(f.id)}, ${sql.param(f.rule)}, ${sql.param(f.severity)}, ${sql.param(f.title)}, ${sql.time(Date.parse(f.from))}, ${sql.time(Date.parse(f.to))}, ` +
          `${sql.param(f.count)}, CAST(${sql.param(JSON.stringify(f.entities))} AS JSON), ${sql.param(f.query)}, CAST(${sql.param(JSON.stringify(f.details))} AS JSON), ` +
          `'open', '', ${sql.time(now)})`,
      );
    await store.execute(`INSERT INTO "Findings" (${COLUMNS}) VALUES ${values.join(', ')}`, sql.params);
  }
  for (const f of findings.filter((x) => existing.has(x.id))) {
    const sql = new SqlBuilder();
    await store.execute(
      `UPDATE "Findings" SET "Severity" = ${sql.param(f.severity)}, "Title" = ${sql.param(f.title)}, ` +
        `"From" = least("From", ${sql.time(Date.parse(f.from))}), "To" = greatest("To", ${sql.time(Date.parse(f.to))}), ` +
        `"Count" = ${sql.param(f.count)}, "Entities" = CAST(${sql.param(JSON.stringify(f.entities))} AS JSON), "Query" = ${sql.param(f.query)}, ` +
        `"Details" = CAST(${sql.param(JSON.stringify(f.details))} AS JSON) WHERE "Id" = ${sql.param(f.id)}`,
      sql.params,
    );
  }
}

/** Which findings `listFindings` returns. */
export interface FindingFilter {
  /** Findings whose time span ends at or after this (ms, ISO or Date). */
  from?: number | string | Date;
  /** Findings whose time span starts at or before this. */
  to?: number | string | Date;
  rule?: RuleId | readonly RuleId[];
  /** At least this severity. */
  minSeverity?: Severity;
  state?: FindingState | readonly FindingState[];
  /** Default 1,000. */
  limit?: number;
  offset?: number;
}

/** Stored findings, newest first, then most severe. */
export async function listFindings(store: Store, filter: FindingFilter = {}): Promise<StoredFinding[]> {
  const sql = new SqlBuilder();
  const where: string[] = [];
  if (filter.from !== undefined) where.push(`"To" >= ${sql.time(toMs(filter.from))}`);
  if (filter.to !== undefined) where.push(`"From" <= ${sql.time(toMs(filter.to))}`);
  if (filter.rule !== undefined) where.push(`"Rule" IN ${sql.list(asArray(filter.rule))}`);
  if (filter.state !== undefined) where.push(`"State" IN ${sql.list(asArray(filter.state))}`);
  if (filter.minSeverity !== undefined) {
    where.push(`"Severity" IN ${sql.list(SEVERITIES.filter((s) => severityRank(s) >= severityRank(filter.minSeverity!)))}`);
  }
  const limit = Math.max(0, Math.floor(filter.limit ?? 1000));
  const offset = Math.max(0, Math.floor(filter.offset ?? 0));
  const rank = `CASE "Severity" WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END`;
  const text = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY "From" DESC, ${rank} DESC, "Id" LIMIT ${limit} OFFSET ${offset}`;
  const r = await store.query(text, sql.params);
  return r.rows.map(fromRow);
}

/** One stored finding, or undefined. */
export async function getFinding(store: Store, id: string): Promise<StoredFinding | undefined> {
  const sql = new SqlBuilder();
  const r = await store.query(`${SELECT} WHERE "Id" = ${sql.param(id)}`, sql.params);
  return r.rows[0] ? fromRow(r.rows[0]) : undefined;
}

/** Set the triage state of a finding (open, acknowledged, closed); returns it as stored. */
export async function updateFindingState(store: Store, id: string, state: string, user: string, now = Date.now()): Promise<StoredFinding> {
  if (!(FINDING_STATES as readonly string[]).includes(state)) throw new FindingStateError(state);
  if (!(await getFinding(store, id))) throw new FindingNotFoundError(id);
  const sql = new SqlBuilder();
  await store.execute(
    `UPDATE "Findings" SET "State" = ${sql.param(state)}, "UpdatedBy" = ${sql.param(user)}, "UpdatedAt" = ${sql.time(now)} WHERE "Id" = ${sql.param(id)}`,
    sql.params,
  );
  return (await getFinding(store, id))!;
}

function fromRow(row: unknown[]): StoredFinding {
  const [id, rule, severity, title, from, to, count, entities, query, details, state, updatedBy, updatedAt] = row;
  return {
    id: String(id),
    rule: (RULE_IDS as readonly string[]).includes(String(rule)) ? (rule as RuleId) : (String(rule) as RuleId),
    severity: String(severity) as Severity,
    title: String(title),
    from: new Date(Number(from)).toISOString(),
    to: new Date(Number(to)).toISOString(),
    count: Number(count),
    entities: fullEntities(parseJson(entities) as Partial<Finding['entities']>),
    query: String(query),
    details: parseJson(details) as Record<string, unknown>,
    state: String(state) as FindingState,
    updatedBy: String(updatedBy ?? ''),
    updatedAt: updatedAt == null ? '' : new Date(Number(updatedAt)).toISOString(),
  };
}

function parseJson(v: unknown): unknown {
  if (v == null) return {};
  if (typeof v === 'string') {
    try {
      return JSON.parse(v);
    } catch {
      return {};
    }
  }
  return v;
}

function asArray<T>(v: T | readonly T[]): readonly T[] {
  return Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

/** ms since the epoch of a time given as ms, ISO text or Date. */
export function toMs(t: number | string | Date): number {
  if (typeof t === 'number') return t;
  if (t instanceof Date) return t.getTime();
  const ms = parseTime(t);
  if (Number.isNaN(ms)) throw new DetectTimeError(t);
  return ms;
}
