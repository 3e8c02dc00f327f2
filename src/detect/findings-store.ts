/** The Findings table through the store: upsert by stable id (keeping triage state), listing and state changes for the API. */
import { parseTime, type FindingRow, type StoredFindingRow } from '../schema/index.js';
import type { Store } from '../store/index.js';
import { DetectTimeError, FindingNotFoundError, FindingStateError } from './errors.js';
import {
  FINDING_STATES,
  SEVERITIES,
  fullEntities,
  severityRank,
  type Finding,
  type FindingState,
  type RuleId,
  type Severity,
  type StoredFinding,
} from './finding.js';

/**
 * Store findings: new ids are inserted as open; known ids get the new evidence (widened time span,
 * latest count, title, details) and keep their State, UpdatedBy and UpdatedAt.
 */
export async function saveFindings(store: Store, findings: readonly Finding[], now: number): Promise<void> {
  await store.saveFindings(findings.map(toRow), now);
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
  const rows = await store.listFindings({
    ...(filter.from !== undefined ? { endsFrom: toMs(filter.from) } : {}),
    ...(filter.to !== undefined ? { startsTo: toMs(filter.to) } : {}),
    ...(filter.rule !== undefined ? { rules: asArray(filter.rule) } : {}),
    ...(filter.state !== undefined ? { states: asArray(filter.state) } : {}),
    ...(filter.minSeverity !== undefined
      ? { severities: SEVERITIES.filter((s) => severityRank(s) >= severityRank(filter.minSeverity!)) }
      : {}),
    ...(filter.limit !== undefined ? { limit: filter.limit } : {}),
    ...(filter.offset !== undefined ? { offset: filter.offset } : {}),
  });
  return rows.map(fromRow);
}

/** One stored finding, or undefined. */
export async function getFinding(store: Store, id: string): Promise<StoredFinding | undefined> {
  const row = await store.getFinding(id);
  return row ? fromRow(row) : undefined;
}

/** Set the triage state of a finding (open, acknowledged, closed); returns it as stored. */
export async function updateFindingState(store: Store, id: string, state: string, user: string, now = Date.now()): Promise<StoredFinding> {
  if (!(FINDING_STATES as readonly string[]).includes(state)) throw new FindingStateError(state);
  const row = await store.setFindingState({ Id: id, State: state as FindingState, UpdatedBy: user, UpdatedAt: now });
  if (!row) throw new FindingNotFoundError(id);
  return fromRow(row);
}

/** The triage history of a finding (who changed its state to what, when), oldest first. */
export async function findingHistory(store: Store, id: string): Promise<{ state: FindingState; updatedBy: string; updatedAt: string }[]> {
  return (await store.findingHistory(id)).map((c) => ({
    state: c.State,
    updatedBy: c.UpdatedBy,
    updatedAt: new Date(c.UpdatedAt).toISOString(),
  }));
}

function toRow(f: Finding): FindingRow {
  return {
    Id: f.id,
    Rule: f.rule,
    Severity: f.severity,
    Title: f.title,
    From: Date.parse(f.from),
    To: Date.parse(f.to),
    Count: f.count,
    Entities: { ...f.entities },
    Query: f.query,
    Details: f.details,
  };
}

function fromRow(row: StoredFindingRow): StoredFinding {
  return {
    id: row.Id,
    rule: row.Rule as RuleId,
    severity: row.Severity,
    title: row.Title,
    from: new Date(row.From).toISOString(),
    to: new Date(row.To).toISOString(),
    count: row.Count,
    entities: fullEntities(row.Entities as Partial<Finding['entities']>),
    query: row.Query,
    details: row.Details,
    state: row.State,
    updatedBy: row.UpdatedBy,
    updatedAt: row.UpdatedAt == null ? '' : new Date(row.UpdatedAt).toISOString(),
  };
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
