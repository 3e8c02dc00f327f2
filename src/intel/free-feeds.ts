/**
 * Free public feeds that need no account and no key, switched on with one line (`{ type: threatfox }`): where
 * each is published, how often it changes, and whose terms apply. The readers are in `<name>-feed.ts`.
 */
import { FeedConfigError } from './errors.js';
import { feedFailure } from './feed-failure.js';

/** Feed types that are a well-known public list with a default URL. */
export type FreeFeedType = 'threatfox' | 'feodotracker' | 'spamhaus-drop' | 'spamhaus-edrop' | 'openphish';

/** What mailsift knows of one free feed. */
export interface FreeFeed {
  /** Where the list is published; a feed's `url` replaces the first (tests, mirrors). */
  urls: readonly string[];
  /** How often the publisher regenerates the list, in minutes: syncing more often only costs them bandwidth. */
  refreshMinutes: number;
  /** Who publishes it and under which terms (docs/intel.md says what was and was not verified). */
  terms: string;
}

export const FREE_FEEDS: Readonly<Record<FreeFeedType, FreeFeed>> = {
  threatfox: {
    urls: ['https://threatfox.abuse.ch/export/csv/recent/'],
    refreshMinutes: 60,
    terms: 'abuse.ch ThreatFox data export',
  },
  feodotracker: {
    urls: ['https://feodotracker.abuse.ch/downloads/ipblocklist.csv'],
    refreshMinutes: 60,
    terms: 'abuse.ch Feodo Tracker blocklist',
  },
  'spamhaus-drop': {
    urls: ['https://www.spamhaus.org/drop/drop_v4.json', 'https://www.spamhaus.org/drop/drop_v6.json'],
    refreshMinutes: 24 * 60,
    terms: 'Spamhaus DROP, free under the Spamhaus DROP terms (credit The Spamhaus Project); at most one download per hour',
  },
  'spamhaus-edrop': {
    urls: ['https://www.spamhaus.org/drop/edrop.txt'],
    refreshMinutes: 24 * 60,
    terms: 'Spamhaus EDROP, free under the Spamhaus DROP terms; at most one download per hour',
  },
  openphish: {
    urls: ['https://openphish.com/feed.txt'],
    refreshMinutes: 6 * 60,
    terms: 'OpenPhish community feed: non-commercial and internal business use only',
  },
};

/** Whether a feed type is one of the free feeds. */
export function isFreeFeedType(type: unknown): type is FreeFeedType {
  return typeof type === 'string' && Object.hasOwn(FREE_FEEDS, type);
}

/** The URLs a free feed is read from: the configured `urls` or `url` in place of the published ones. */
export function freeFeedUrls(type: FreeFeedType, config: { name: string; url?: string; urls?: readonly string[] }): string[] {
  if (config.urls !== undefined && config.url !== undefined) throw new FeedConfigError(feedFailure('url-and-urls', { feed: config.name }));
  if (config.urls !== undefined) {
    if (!Array.isArray(config.urls) || config.urls.length === 0 || !config.urls.every((u) => typeof u === 'string'))
      throw new FeedConfigError(feedFailure('urls-not-list', { feed: config.name }));
    return [...config.urls];
  }
  return config.url === undefined ? [...FREE_FEEDS[type].urls] : [config.url];
}
