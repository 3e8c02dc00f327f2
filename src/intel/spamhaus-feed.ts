/** Spamhaus DROP (the IPv4 and IPv6 JSON lists) and EDROP at their published URLs, read as DROP lists. */
import { dropIndicators } from './drop-list.js';
import { readFreeFeed } from './free-feed-read.js';
import { checkListText, isDataLine } from './list-text.js';
import type { FeedResult, FreeFeedConfig } from './types.js';

/** Indicators of one Spamhaus list (text or JSON lines); an HTML page or a list without entries is refused. */
export function spamhausIndicators(text: string, config: FreeFeedConfig, what: string): FeedResult {
  checkListText(text, what, (l) => isDataLine(l) && !/"type"\s*:\s*"metadata"/.test(l));
  const result = dropIndicators(text, { ...config, type: 'drop' });
  if (config.type !== 'spamhaus-edrop') return result;
  const labels = (l: string[]) => l.map((x) => (x === 'spamhaus-drop' ? 'spamhaus-edrop' : x));
  return { ...result, indicators: result.indicators.map((r) => ({ ...r, Labels: labels(r.Labels) })) };
}

/** Reads Spamhaus DROP (both lists) or EDROP. */
export async function readSpamhausFeed(config: FreeFeedConfig & { type: 'spamhaus-drop' | 'spamhaus-edrop' }): Promise<FeedResult> {
  return readFreeFeed(config.type, config, spamhausIndicators);
}
