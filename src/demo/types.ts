/** Public shapes of the demo-tenant generator: options, the tenant, and the answer key. */
import type { EventRow, IndicatorRow, TraceRecord, WatchlistRow } from '../schema/index.js';

/** The organisation the demo pretends to be (the `organization` block of mailsift.yaml). */
export interface DemoOrganization {
  name: string;
  acceptedDomains: string[];
  homeCountries: string[];
  embargoedCountries: string[];
}

/** Options of generateTenant; all optional. */
export interface DemoOptions {
  /** Seed of every random choice: the same seed gives the same rows. Default 1. */
  seed?: number;
  /** Start of the window, ms since the epoch (a UTC midnight). Default: 30 days before today's UTC midnight. */
  start?: number;
  /** Length of the window in days. Default 30. */
  days?: number;
  /** Message x recipient rows on an average working day. Default 4,000 (a 300-person company). */
  messagesPerDay?: number;
  /** IANA time zone of the tenant: business hours are local. Default 'Asia/Tokyo'. */
  timeZone?: string;
  /** Whether Japanese public holidays and company closures are quiet days. Default: when the zone is Asia/Tokyo. */
  holidays?: boolean;
  organization?: DemoOrganization;
  /** Whether to plant the incidents of the answer key (and the benign traps). Default true. */
  incidents?: boolean;
  /**
   * Fraction of messages that get MessageEvents hops (RECEIVE -> DELIVER/FAIL/...). Default 1 up to
   * 20,000 rows a day, 0.02 above (benchmark stores need the trace, not millions of hops).
   */
  eventsSample?: number;
  /** Trace rows per batch. Default 10,000. */
  batchSize?: number;
}

/** The detection rules of DESIGN.md. */
export type RuleId =
  | 'status-spike'
  | 'subject-campaign'
  | 'outbound-burst'
  | 'lookalike-domain'
  | 'threat-intel-match'
  | 'embargoed-geo'
  | 'large-transfer'
  | 'watchlist-correlation'
  | 'partner-compromise';

/** Entities of a finding (DESIGN.md, Findings). */
export interface IncidentEntities {
  sender?: string;
  senderDomain?: string;
  recipient?: string;
  ip?: string;
  country?: string;
  status?: string;
  subject?: string;
}

/**
 * An incident planted in the demo data: what a correct detection reports. `from`/`to` are the
 * first and last planted row (ms, UTC, inclusive; for watchlist-correlation `from` is the EDR alert);
 * `entities` are the entities a correct finding reports (slots not named here are free).
 * For subject-campaign, `subject` is the first subject of the campaign: the others differ from it only
 * in their numbers, so they share its shape.
 */
export interface PlantedIncident {
  rule: RuleId;
  from: number;
  to: number;
  entities: IncidentEntities;
  /** Trace rows planted for this incident. */
  count: number;
  description: string;
}

/** Something that looks suspicious at first sight but is normal: these rules must stay quiet on it. */
export interface BenignTrap {
  kind:
    'newsletter' | 'month-end-invoices' | 'weekend-dip' | 'monday-peak' | 'partner-large-transfer' | 'partner-travel' | 'shared-hosting';
  from: number;
  to: number;
  entities: IncidentEntities;
  quietRules: RuleId[];
  description: string;
}

/** One batch of rows, in time order. */
export interface DemoBatch {
  traces: TraceRecord[];
  events: EventRow[];
}

/** A generated tenant: rows streamed on demand, plus its answer key and side tables. */
export interface DemoTenant {
  organization: DemoOrganization;
  /** Tenant name as it appears in the Organization column. */
  tenant: string;
  start: number;
  end: number;
  timeZone: string;
  /** Streams the rows in time order, ~batchSize trace rows at a time; each call starts again. */
  batches(): Iterable<DemoBatch>;
  answerKey: PlantedIncident[];
  benignTraps: BenignTrap[];
  indicators: IndicatorRow[];
  watchlist: WatchlistRow[];
  /** Internal mailboxes (people and shared mailboxes). */
  users: string[];
  /** Expected trace rows of the whole window (the background plan; the stream is within a few percent). */
  expectedRows: number;
}
