/** Reading a free feed: every one of its lists through the one feed HTTP helper, parsed, and merged into one result. */
import { FeedConfigError } from './errors.js';
import { feedFailure } from './feed-failure.js';
import { freeFeedUrls, type FreeFeedType } from './free-feeds.js';
import { readSourceText } from './http.js';
import { IndicatorCollector } from './indicator-collector.js';
import type { FeedResult, FreeFeedConfig } from './types.js';

/** Parses one list's text; `what` names the feed and, when it has several lists, the list. */
export type ListParser = (text: string, config: FreeFeedConfig, what: string) => FeedResult;

/**
 * Reads the feed's `path`, else each of its URLs (the published ones unless `url`/`urls` replace them). Any list
 * that cannot be fetched or is not a list fails the whole read, so a sync keeps the stored indicators.
 */
export async function readFreeFeed(type: FreeFeedType, config: FreeFeedConfig, parse: ListParser): Promise<FeedResult> {
  if (config.path !== undefined) {
    if (config.url !== undefined || config.urls !== undefined)
      throw new FeedConfigError(feedFailure('path-and-url', { feed: config.name, other: 'url/urls' }));
    return parse(await readSourceText(config), config, `feed ${config.name}`);
  }
  const urls = freeFeedUrls(type, config);
  const results: FeedResult[] = [];
  for (const url of urls) {
    const what = urls.length > 1 ? `feed ${config.name} (${url})` : `feed ${config.name}`;
    results.push(parse(await readSourceText({ ...config, url }), config, what));
  }
  if (results.length === 1) return results[0]!;
  const collector = new IndicatorCollector(config.name);
  results.forEach((r, i) => {
    for (const row of r.indicators)
      collector.add(row.Indicator, row.Type, {
        confidence: row.Confidence,
        actor: row.Actor,
        labels: row.Labels,
        validFrom: row.ValidFrom,
        validUntil: row.ValidUntil,
      });
    for (const s of r.skipped) collector.skip(s.value, s.reason, `${urls[i]} ${s.ref ?? ''}`.trim());
  });
  return collector.result('replace');
}
