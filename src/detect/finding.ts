/** The findings model of DESIGN.md: what a detection reports, and the draft a rule hands to the runner. */
import { FINDING_STATES, SEVERITIES, type FindingState, type Severity } from '../schema/index.js';

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

export { FINDING_STATES, SEVERITIES, type FindingState, type Severity };

/** Entities of a finding; '' when a rule has nothing for that slot. */
export interface FindingEntities {
  sender: string;
  senderDomain: string;
  recipient: string;
  ip: string;
  country: string;
  status: string;
  subject: string;
}

/** A finding as `detect --format json` prints it and the API returns it. */
export interface Finding {
  id: string;
  rule: RuleId;
  severity: Severity;
  title: string;
  /** ISO 8601, first evidence row. */
  from: string;
  /** ISO 8601, last evidence row. */
  to: string;
  count: number;
  entities: FindingEntities;
  /** KQL that lists the evidence rows. */
  query: string;
  details: Record<string, unknown>;
}

/** A stored finding: the finding plus its triage state. */
export interface StoredFinding extends Finding {
  state: FindingState;
  updatedBy: string;
  updatedAt: string;
}

/** What a rule returns; the runner adds the id. Times are ms since the epoch. */
export interface FindingDraft {
  rule: RuleId;
  severity: Severity;
  title: string;
  /** The title in Japanese (the finding keeps it as details.titles.ja): alerts, the CLI and screens in Japanese show it. */
  titleJa: string;
  from: number;
  to: number;
  count: number;
  entities: Partial<FindingEntities>;
  query: string;
  details: Record<string, unknown>;
  /**
   * What makes this incident the same incident on the next run: key entities (e.g. the status, the
   * sender) and a time bucket (e.g. the local day it started). Hashed into the finding id.
   */
  key: readonly string[];
}

/** Languages a finding's title is written in besides English. */
export type TitleLanguage = 'en' | 'ja';

/** The title of a finding in `language`: details.titles[language] when the rule wrote one, else the English title. */
export function findingTitle(f: Pick<Finding, 'title' | 'details'>, language: TitleLanguage): string {
  if (language === 'en') return f.title;
  const titles = f.details?.titles;
  const local = titles && typeof titles === 'object' ? (titles as Record<string, unknown>)[language] : undefined;
  return typeof local === 'string' && local !== '' ? local : f.title;
}

/** Every entity slot, '' when absent. */
export function fullEntities(partial: Partial<FindingEntities>): FindingEntities {
  return {
    sender: partial.sender ?? '',
    senderDomain: partial.senderDomain ?? '',
    recipient: partial.recipient ?? '',
    ip: partial.ip ?? '',
    country: partial.country ?? '',
    status: partial.status ?? '',
    subject: partial.subject ?? '',
  };
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** Order of severities, low = 0. */
export function severityRank(s: Severity): number {
  return RANK[s];
}

/** The higher of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

/** One step up (critical stays critical). */
export function raiseSeverity(s: Severity): Severity {
  return SEVERITIES[Math.min(3, RANK[s] + 1)]!;
}
