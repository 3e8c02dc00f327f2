/** Feed configurations, feed results and incremental sync state of the threat-intelligence readers. */
import type { IndicatorRow } from '../schema/index.js';
import type { FreeFeedType } from './free-feeds.js';

/** Kinds of feed `readFeed` understands. */
export type FeedType = 'stix' | 'taxii' | 'misp' | 'crowdstrike' | 'csv' | 'drop' | FreeFeedType;

/** Settings every feed has. Exactly one of `path` and `url` names where it is (TAXII and CrowdStrike: `url`). */
export interface FeedConfigBase {
  /** Feed name: the `Feed` column of its indicators. */
  name: string;
  path?: string;
  url?: string;
  /** Confidence (0-100) of indicators that carry none. Default 50; DROP lists 90. */
  defaultConfidence?: number;
  /** Extra HTTP headers for URL sources. */
  headers?: Record<string, string>;
  /** HTTP timeout per request in ms (default 30,000). */
  timeoutMs?: number;
}

/** A STIX 2.x bundle in a file or at a URL. */
export interface StixFeedConfig extends FeedConfigBase {
  type: 'stix';
}

/** A TAXII 2.1 collection. */
export interface TaxiiFeedConfig extends FeedConfigBase {
  type: 'taxii';
  /** Server base (discovery at `/taxii2/`), the discovery URL itself, or an API root URL. */
  url: string;
  /**
   * API root URL or path; default: the discovery's `default`, else its first API root. The feed's credentials
   * go only to the origin of `url` and of this API root: a discovery naming an API root elsewhere is refused.
   */
  apiRoot?: string;
  /** Collection id or title; may be omitted when the API root has exactly one readable collection. */
  collection?: string;
  username?: string;
  password?: string;
  /** API key sent in `apiKeyHeader` (default `Authorization`, as-is: include "Bearer " if the server wants it). */
  apiKey?: string;
  apiKeyHeader?: string;
  /** Objects per page (default 1000). */
  pageSize?: number;
  /** Objects added before this time are not fetched on the first sync (ISO time). */
  addedAfter?: string;
}

/** A MISP feed: `manifest.json` plus one `<uuid>.json` per event, in a folder or under a base URL. */
export interface MispFeedConfig extends FeedConfigBase {
  type: 'misp';
  /** Also take attributes whose `to_ids` is false (default: skip them; MISP marks them unfit for detection). */
  includeNonIds?: boolean;
}

/** Falcon cloud regions and their API base URLs. */
export const CROWDSTRIKE_CLOUDS = {
  'us-1': 'https://api.crowdstrike.com',
  'us-2': 'https://api.us-2.crowdstrike.com',
  'eu-1': 'https://api.eu-1.crowdstrike.com',
  'us-gov-1': 'https://api.laggar.gcw.crowdstrike.com',
} as const;

/** CrowdStrike Falcon Intelligence indicators. */
export interface CrowdStrikeFeedConfig extends FeedConfigBase {
  type: 'crowdstrike';
  /** API base URL; default from `cloud`, else US-1. */
  url?: string;
  cloud?: keyof typeof CROWDSTRIKE_CLOUDS;
  clientId: string;
  clientSecret: string;
  /** Child CID for Flight Control (MSSP) tenants. */
  memberCid?: string;
  /** FQL filter, e.g. "malicious_confidence:'high'"; types are always restricted to the ones mailsift matches. */
  filter?: string;
  /** Indicators per page, at most 10,000 (default 5,000). */
  pageSize?: number;
  /** Upper bound on pages of one sync (default 1,000). */
  maxPages?: number;
}

/** A CSV file or plain list, one indicator per line. */
export interface CsvFeedConfig extends FeedConfigBase {
  type: 'csv';
  /** Field separator; default: guessed from the header (comma, semicolon, tab, pipe). */
  delimiter?: string;
}

/** Spamhaus DROP / EDROP (text `cidr ; SBL` lines, or the JSON-lines form). */
export interface DropFeedConfig extends FeedConfigBase {
  type: 'drop';
}

/**
 * A free public feed (ThreatFox, Feodo Tracker, Spamhaus DROP/EDROP, OpenPhish): `url` and `path` are optional
 * and replace the published URL (a mirror, a test); see `FREE_FEEDS`.
 */
export interface FreeFeedConfig extends FeedConfigBase {
  type: FreeFeedType;
  /** Lists in place of the published ones, for a feed published as several (Spamhaus DROP: IPv4 and IPv6). */
  urls?: string[];
}

/** A feed's configuration; `readFeed` dispatches on `type`. */
export type FeedConfig =
  StixFeedConfig | TaxiiFeedConfig | MispFeedConfig | CrowdStrikeFeedConfig | CsvFeedConfig | DropFeedConfig | FreeFeedConfig;

/** Where an incremental feed stopped; the caller stores it (opaque JSON) and passes it to the next read. */
export type FeedState =
  { type: 'taxii'; addedAfter: string } | { type: 'crowdstrike'; marker: string } | { type: 'misp'; events: Record<string, number> };

/** An indicator that could not be used, with why. */
export interface SkippedIndicator {
  /** The pattern or value as found in the feed. */
  value: string;
  reason: string;
  /** Where it was: object id, event uuid, line number. */
  ref?: string;
}

/** What a feed read gave. */
export interface FeedResult {
  indicators: IndicatorRow[];
  skipped: SkippedIndicator[];
  /**
   * 'replace': the feed's complete content (store with `replaceIndicators`); 'upsert': changes since the
   * state passed in (store with `upsertIndicators`). Revoked or deleted indicators of an upsert come with
   * `ValidUntil` set to when they ended, so they replace the stored row and stop matching.
   */
  mode: 'replace' | 'upsert';
  /** New incremental state, for feeds that have one. */
  state?: FeedState;
}
