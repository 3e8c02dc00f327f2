/** The one entry point for reading any feed: dispatch on `type`, or detect it from the content. */
import { stat } from 'node:fs/promises';
import { readCrowdStrikeFeed } from './crowdstrike-feed.js';
import { csvIndicators, readCsvFeed } from './csv-feed.js';
import { dropIndicators, readDropFeed } from './drop-list.js';
import { readFeodoFeed } from './feodo-feed.js';
import { readOpenPhishFeed } from './openphish-feed.js';
import { readSpamhausFeed } from './spamhaus-feed.js';
import { readThreatFoxFeed } from './threatfox-feed.js';
import { FeedConfigError } from './errors.js';
import { feedFailure } from './feed-failure.js';
import { FREE_FEEDS } from './free-feeds.js';
import { readSourceText } from './http.js';
import { readMispFeed } from './misp-feed.js';
import { IndicatorCollector } from './indicator-collector.js';
import { readStixFeed, stixObjectsOf } from './stix-feed.js';
import { collectStixObjects } from './stix-objects.js';
import { readTaxiiFeed } from './taxii-feed.js';
import type { FeedConfig, FeedConfigBase, FeedResult, FeedState } from './types.js';

/** A feed whose type is to be detected from its content (`mailsift intel import PATH|URL`). */
export type AutoFeedConfig = FeedConfigBase & { type?: 'auto' };

const DROP_LINE = /^\s*[0-9a-f.:]+\/\d{1,3}\s*;\s*\S+/i;

/** The feed type text most likely is: a STIX bundle, a DROP list (text or JSON lines), else CSV / plain list. */
export function detectFeedType(text: string): 'stix' | 'csv' | 'drop' {
  const s = text.replace(/^\uFEFF/, '').trimStart();
  const lines = s
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith(';') && !l.startsWith('#'))
    .slice(0, 5);
  if (lines.length > 0 && lines.every((l) => DROP_LINE.test(l) || /^\{.*"(cidr|type)"\s*:/.test(l.trim()))) {
    if (lines.some((l) => DROP_LINE.test(l) || l.includes('"cidr"'))) return 'drop';
  }
  if (s.startsWith('{') || s.startsWith('[')) return 'stix';
  return 'csv';
}

async function readAuto(config: AutoFeedConfig): Promise<FeedResult> {
  if (config.path !== undefined) {
    const info = await stat(config.path).catch(() => undefined);
    // A folder (or a manifest.json) is a MISP feed.
    if (info?.isDirectory() || /manifest\.json$/.test(config.path)) return readMispFeed({ ...config, type: 'misp' });
  } else if (config.url !== undefined && /manifest\.json$/.test(config.url)) {
    return readMispFeed({ ...config, type: 'misp' });
  }
  const text = await readSourceText(config);
  const type = detectFeedType(text);
  if (type === 'drop') return dropIndicators(text, { ...config, type });
  if (type === 'csv') return csvIndicators(text, { ...config, type });
  const what = `feed ${config.name}`;
  const collector = new IndicatorCollector(config.name);
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return csvIndicators(text, { ...config, type: 'csv' });
  }
  collectStixObjects(stixObjectsOf(doc, what), collector, config.defaultConfidence ?? 50, 'replace');
  return collector.result('replace');
}

/**
 * Reads a feed. `state` is what an earlier read of the same feed returned in `result.state` (TAXII,
 * CrowdStrike, MISP): the read then fetches only what changed and `result.mode` is 'upsert'.
 */
export async function readFeed(config: FeedConfig | AutoFeedConfig, state?: FeedState): Promise<FeedResult> {
  if (!config.name) throw new FeedConfigError(feedFailure('needs-name'));
  switch (config.type) {
    case 'stix':
      return readStixFeed(config);
    case 'taxii':
      return readTaxiiFeed(config, state);
    case 'misp':
      return readMispFeed(config, state);
    case 'crowdstrike':
      return readCrowdStrikeFeed(config, state);
    case 'csv':
      return readCsvFeed(config);
    case 'drop':
      return readDropFeed(config);
    case 'threatfox':
      return readThreatFoxFeed(config);
    case 'feodotracker':
      return readFeodoFeed(config);
    case 'spamhaus-drop':
    case 'spamhaus-edrop':
      return readSpamhausFeed({ ...config, type: config.type });
    case 'openphish':
      return readOpenPhishFeed(config);
    case undefined:
    case 'auto':
      return readAuto(config);
    default: {
      const c = config as { name: string; type: unknown };
      throw new FeedConfigError(
        feedFailure('unknown-type', {
          feed: c.name,
          type: String(c.type),
          types: ['stix', 'taxii', 'misp', 'crowdstrike', 'csv', 'drop', ...Object.keys(FREE_FEEDS)].join(', '),
        }),
      );
    }
  }
}
