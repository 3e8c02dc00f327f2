/**
 * Threat intelligence: feed readers (STIX 2.1, TAXII 2.1, MISP, CrowdStrike Falcon, CSV, Spamhaus DROP, and the free
 * public feeds ThreatFox, Feodo Tracker, Spamhaus DROP/EDROP and OpenPhish by name) that turn
 * feeds into Indicators rows, and the matching of mail senders, domains, IPs and recipients against them.
 *
 * Typical use (the `mailsift intel` commands):
 *   await syncFeed(store, { name: 'soc', type: 'stix', path: './intel/bundle.json' });   // intel import / sync
 *   const rows = await computeMatches(store);                                            // intel matches
 * or, step by step: `readFeed(config, state)` -> `store.replaceIndicators` / `upsertIndicators` by `result.mode`,
 * then `createMatcher(indicators, now)` and `matcher.matchEmail / matchDomain / matchIp`.
 */
export { readFeed, detectFeedType } from './read-feed.js';
export type { AutoFeedConfig } from './read-feed.js';
export { syncFeed, loadIndicators, feedStateKey } from './indicator-store.js';
export { feedStatus, testFeedConnection, feedFailureOf } from './feed-status.js';
export { feedFailureText, isFeedFailureCode } from './feed-failure.js';
export type { FeedFailureJson, FeedFailureCode } from './feed-failure.js';
export type { FeedStatus, FeedTest } from './feed-status.js';
export type { FeedSyncSummary } from './indicator-store.js';
export { createMatcher, isActive } from './matcher.js';
export type { Matcher, MatchableIndicator } from './matcher.js';
export { computeMatches } from './compute-matches.js';
export type { IntelMatch, MatchEntityType, ComputeMatchesOptions } from './compute-matches.js';
export { confidenceBand, CONFIDENCE_BANDS, UNASSIGNED_ACTOR } from './confidence.js';
export type { ConfidenceBand } from './confidence.js';
export { normalizeIndicator, guessType, refang } from './normalize.js';
export type { IndicatorType } from './normalize.js';
export { parseStixPattern, StixPatternError } from './stix-pattern.js';
export { CROWDSTRIKE_CLOUDS } from './types.js';
export type {
  FeedConfig,
  FeedType,
  FeedState,
  FeedResult,
  SkippedIndicator,
  FeedConfigBase,
  StixFeedConfig,
  TaxiiFeedConfig,
  MispFeedConfig,
  CrowdStrikeFeedConfig,
  CsvFeedConfig,
  DropFeedConfig,
  FreeFeedConfig,
} from './types.js';
export { FREE_FEEDS, isFreeFeedType } from './free-feeds.js';
export type { FreeFeed, FreeFeedType } from './free-feeds.js';
export { THREATFOX_COLUMNS } from './threatfox-feed.js';
export { FEODO_COLUMNS, FEODO_CONFIDENCE } from './feodo-feed.js';
export { OPENPHISH_CONFIDENCE } from './openphish-feed.js';
export { CROWDSTRIKE_CONFIDENCE } from './crowdstrike-feed.js';
export { MISP_THREAT_LEVEL_CONFIDENCE } from './misp-feed.js';
export { DROP_CONFIDENCE } from './drop-list.js';
export { FeedConfigError, FeedFetchError, FeedAuthError, FeedRateLimitError, FeedFormatError, IntelInputError } from './errors.js';
export { refreshIntelMatches, intelMatchRow } from './match-table.js';
