/**
 * The aggregations of the detection rules that KQL cannot say well (positional multi-table CTEs, joins on
 * time windows, first-seen anti-joins): one typed hook per question, implemented by each engine in
 * src/store/<engine>/detect-queries.ts. Everything else the rules ask goes through KQL (runKql).
 * Times are ms since the epoch (UTC); windows are inclusive at both ends, as the rules use them.
 */

/**
 * The tenant's UTC offset over a window: `first` until the first change, then each change. An engine turns
 * it into "local wall-clock ms" = epoch ms + offset in force at that instant; the local day is that // 86,400,000.
 */
export interface LocalOffsets {
  first: number;
  changes: readonly { at: number; offsetMs: number }[];
}

/** One step of the subject shape: replace every match of an RE2 pattern (applied to the lower-cased subject, then trimmed). */
export interface ShapeStep {
  pattern: string;
  replacement: string;
}

/** A candidate campaign: the shapes of a cluster on one local day and the history its sender domains are checked against. */
export interface CampaignCandidate {
  shapes: readonly string[];
  /** Rows in [from, to]. */
  from: number;
  to: number;
  /** Sender domains with mail in [knownFrom, knownTo) are not new. */
  knownFrom: number;
  knownTo: number;
}

/** Measured facts of one candidate campaign. */
export interface CampaignStats {
  rows: number;
  senders: number;
  senderDomains: number;
  /** Sender domains without mail in the candidate's history window. */
  newSenderDomains: number;
  recipients: number;
  first: number;
  last: number;
  /** Rows Delivered or Expanded. */
  delivered: number;
  /** The subject of the earliest row. */
  sample: string;
  /** Up to 10 / 10 / 5 distinct values, the first in sorted (UTF-8 byte) order, as make_set(x, n) gives them. */
  senderList: string[];
  recipientList: string[];
  subjects: string[];
  countries: number;
}

/** Outbound mail per sender and local day. */
export interface SenderDaysQuery {
  from: number;
  to: number;
  offsets: LocalOffsets;
  /** Recipient domains whose bytes do not count as "to strangers". */
  partners: readonly string[];
  /** Local business hours [open, close); weekends count as off-hours too. */
  businessHours: readonly [number, number];
}

/** One sender's outbound mail on one local day. */
export interface SenderDayRow {
  sender: string;
  day: number;
  rows: number;
  bytes: number;
  bytesToStrangers: number;
  domains: number;
  /** Recipient domains first written to (in the query's window) on this day. */
  newDomains: number;
  failed: number;
  offHours: number;
}

/** A watchlist alert to correlate: the user's outbound mail in (at, until] against [baselineFrom, at). */
export interface FollowUpAlert {
  address: string;
  at: number;
  until: number;
  baselineFrom: number;
}

/** What followed one alert (only alerts followed by outbound mail get one). */
export interface FollowUp {
  /** Index of the alert in the request. */
  index: number;
  rows: number;
  recipients: number;
  domains: number;
  /** Recipient domains not written to in the baseline. */
  newDomains: number;
  bytes: number;
  first: number;
  last: number;
  /** Outbound rows in the baseline window. */
  before: number;
  /** Up to 10 recipients at new domains, 5 subjects, 10 destination countries: the first in sorted (UTF-8 byte) order. */
  newRecipients: string[];
  subjects: string[];
  countries: string[];
}

/** The detection hooks every engine implements. */
export interface DetectQueries {
  /** subject-campaign: exact facts of each candidate (undefined when it has no rows), in the candidates' order. */
  campaignStats(q: {
    candidates: readonly CampaignCandidate[];
    directions: readonly string[];
    steps: readonly ShapeStep[];
  }): Promise<(CampaignStats | undefined)[]>;
  /** outbound-burst, large-transfer: outbound mail per sender and local day, ordered by sender (UTF-8 bytes), then day. */
  senderDays(q: SenderDaysQuery): Promise<SenderDayRow[]>;
  /** watchlist-correlation: the outbound mail that followed each alert. */
  followUps(alerts: readonly FollowUpAlert[]): Promise<FollowUp[]>;
}

/** A sender-day from a result row in the engines' column order (sender, day, rows, bytes, to strangers, domains, new domains, failed, off-hours). */
export function senderDayFromRow([sender, day, rows, bytes, strangers, domains, fresh, failed, off]: readonly unknown[]): SenderDayRow {
  return {
    sender: String(sender),
    day: Number(day),
    rows: Number(rows),
    bytes: Number(bytes),
    bytesToStrangers: Number(strangers ?? 0),
    domains: Number(domains),
    newDomains: Number(fresh ?? 0),
    failed: Number(failed),
    offHours: Number(off),
  };
}
