/** The Findings table through the store: upsert by stable id (keeping triage state), listing and state changes for the API. */
import { parseTime, type FindingListFilter, type FindingRow, type StoredFindingRow } from '../schema/index.js';
import type { Store } from '../store/index.js';
import { DetectTimeError, FindingNotFoundError, FindingStateError } from './errors.js';
import { currentAssignees, findingsAssignedTo } from './finding-triage.js';
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
  /** Exactly these severities. */
  severity?: Severity | readonly Severity[];
  state?: FindingState | readonly FindingState[];
  /** Findings assigned to this user now. */
  assignee?: string;
  /** Default 1,000. */
  limit?: number;
  offset?: number;
}

/** Stored findings, newest first, then most severe. */
export async function listFindings(store: Store, filter: FindingFilter = {}): Promise<StoredFinding[]> {
  const where = await storeFilter(store, filter);
  const rows = await store.listFindings({
    ...where,
    ...(filter.limit !== undefined ? { limit: filter.limit } : {}),
    ...(filter.offset !== undefined ? { offset: filter.offset } : {}),
  });
  return withAssignees(store, rows);
}

/** How many findings match a filter (its state, limit and offset aside), per state: every state named, 0 when none. */
export async function countFindingsByState(store: Store, filter: FindingFilter = {}): Promise<Record<FindingState, number>> {
  const { state: _state, ...rest } = filter;
  const counts = await store.countFindingsByState(await storeFilter(store, rest));
  return Object.fromEntries(FINDING_STATES.map((s) => [s, counts[s] ?? 0])) as Record<FindingState, number>;
}

/** One stored finding, or undefined. */
export async function getFinding(store: Store, id: string): Promise<StoredFinding | undefined> {
  const row = await store.getFinding(id);
  return row ? (await withAssignees(store, [row]))[0] : undefined;
}

/** The store's listing filter for a FindingFilter (limit and offset aside). */
async function storeFilter(store: Store, filter: FindingFilter): Promise<FindingListFilter> {
  const severities = [
    ...(filter.minSeverity !== undefined ? [SEVERITIES.filter((s) => severityRank(s) >= severityRank(filter.minSeverity!))] : []),
    ...(filter.severity !== undefined ? [asArray(filter.severity)] : []),
  ];
  return {
    ...(filter.from !== undefined ? { endsFrom: toMs(filter.from) } : {}),
    ...(filter.to !== undefined ? { startsTo: toMs(filter.to) } : {}),
    ...(filter.rule !== undefined ? { rules: asArray(filter.rule) } : {}),
    ...(filter.state !== undefined ? { states: asArray(filter.state) } : {}),
    ...(severities.length ? { severities: SEVERITIES.filter((s) => severities.every((list) => list.includes(s))) } : {}),
    ...(filter.assignee !== undefined ? { ids: await findingsAssignedTo(store, filter.assignee) } : {}),
  };
}

async function withAssignees(store: Store, rows: readonly StoredFindingRow[]): Promise<StoredFinding[]> {
  const assigned =
    rows.length === 0
      ? new Map<string, string>()
      : currentAssignees(await store.findingActivity({ ids: rows.map((r) => r.Id), kinds: ['assignee'] }));
  return rows.map((r) => fromRow(r, assigned.get(r.Id) ?? ''));
}

/** Set the triage state of a finding (open, acknowledged, closed); returns it as stored. */
export async function updateFindingState(store: Store, id: string, state: string, user: string, now = Date.now()): Promise<StoredFinding> {
  if (!(FINDING_STATES as readonly string[]).includes(state)) throw new FindingStateError(state);
  const row = await store.setFindingState({ Id: id, State: state as FindingState, UpdatedBy: user, UpdatedAt: now });
  if (!row) throw new FindingNotFoundError(id);
  return (await withAssignees(store, [row]))[0]!;
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

function fromRow(row: StoredFindingRow, assignee: string): StoredFinding {
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
    assignee,
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
