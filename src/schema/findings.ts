/**
 * The Findings table's vocabulary and row shapes: rule ids, severities, triage states, and what a store keeps per
 * finding. No imports, so the web app uses these lists as they are.
 */

/** Rule ids (a contract with users, alerts and the API). */
export const RULE_IDS = [
  'status-spike',
  'subject-campaign',
  'outbound-burst',
  'lookalike-domain',
  'threat-intel-match',
  'embargoed-geo',
  'large-transfer',
  'watchlist-correlation',
  'partner-compromise',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Severities, lowest first (the order is the rank). */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Triage states of a finding; new findings are 'open'. */
export const FINDING_STATES = ['open', 'acknowledged', 'closed'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** A finding as a store writes it. Times are ms since the epoch (UTC). */
export interface FindingRow {
  Id: string;
  Rule: string;
  Severity: Severity;
  Title: string;
  From: number;
  To: number;
  Count: number;
  Entities: Record<string, string>;
  Query: string;
  Details: Record<string, unknown>;
}

/** A stored finding: the row plus its triage state (UpdatedAt null until it was first triaged or saved). */
export interface StoredFindingRow extends FindingRow {
  State: FindingState;
  UpdatedBy: string;
  UpdatedAt: number | null;
}

/** One change of a finding's triage state (its history, oldest first). */
export interface FindingStateChange {
  Id: string;
  State: FindingState;
  UpdatedBy: string;
  /** ms since the epoch. */
  UpdatedAt: number;
}

/** Which stored findings a listing returns; every field optional. */
export interface FindingListFilter {
  /** Findings whose time span ends at or after this (ms). */
  endsFrom?: number;
  /** Findings whose time span starts at or before this (ms). */
  startsTo?: number;
  rules?: readonly string[];
  states?: readonly string[];
  severities?: readonly string[];
  /** Only these findings (by Id). */
  ids?: readonly string[];
  /** Default 1,000. */
  limit?: number;
  offset?: number;
}

/** What a finding's activity records besides state changes: who it was assigned to, and analysts' notes. */
export const FINDING_ACTIVITY_KINDS = ['assignee', 'note'] as const;
export type FindingActivityKind = (typeof FINDING_ACTIVITY_KINDS)[number];

/** One entry of a finding's activity: an assignment (Value = the user, '' = nobody) or a note (Value = its text). */
export interface FindingActivityRow {
  Id: string;
  Kind: FindingActivityKind;
  Value: string;
  By: string;
  /** ms since the epoch. */
  At: number;
}

/** Which activity `findingActivity` returns; every field optional. */
export interface FindingActivityFilter {
  ids?: readonly string[];
  kinds?: readonly FindingActivityKind[];
}
