/**
 * OpenPhish community feed (`feed.txt`): one live phishing URL per line. Each URL gives its exact host as a
 * domain (or ip) indicator; the host is kept whole, never cut to the registered domain, because phishing pages
 * often live on shared hosting whose parent domain also sends legitimate mail.
 */
import { readFreeFeed } from './free-feed-read.js';
import { IndicatorCollector } from './indicator-collector.js';
import { checkListText, isDataLine } from './list-text.js';
import { hostOfUrl } from './url-host.js';
import type { FeedResult, FreeFeedConfig } from './types.js';

/** Default confidence: OpenPhish lists URLs its classifier saw live, not reviewed by hand. */
export const OPENPHISH_CONFIDENCE = 75;

/** Indicators of a list of phishing URLs. */
export function openPhishIndicators(text: string, config: FreeFeedConfig, what = `feed ${config.name}`): FeedResult {
  checkListText(text, what, isDataLine);
  const collector = new IndicatorCollector(config.name);
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!isDataLine(line)) return;
      const host = hostOfUrl(line);
      if (host === undefined) {
        collector.skip(line, 'not a URL', `line ${i + 1}`);
        return;
      }
      const meta = { confidence: config.defaultConfidence ?? OPENPHISH_CONFIDENCE, labels: ['openphish', 'phishing'] };
      collector.add(host, undefined, meta, `line ${i + 1}`);
    });
  return collector.result('replace');
}

/** Reads the OpenPhish feed (default: the community feed). */
export async function readOpenPhishFeed(config: FreeFeedConfig): Promise<FeedResult> {
  return readFreeFeed('openphish', config, openPhishIndicators);
}
