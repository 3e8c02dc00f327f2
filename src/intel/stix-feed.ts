/** STIX 2.x bundles from a file or URL. */
import { FeedFormatError } from './errors.js';
import { feedFailure } from './feed-failure.js';
import { parseJson, readSourceText } from './http.js';
import { IndicatorCollector } from './indicator-collector.js';
import { collectStixObjects } from './stix-objects.js';
import type { FeedResult, StixFeedConfig } from './types.js';

/** The objects of a bundle; a TAXII envelope (`{objects: [...]}`) or a bare array of objects are accepted too. */
export function stixObjectsOf(doc: unknown, what: string): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === 'object') {
    const o = doc as { type?: unknown; objects?: unknown };
    if (Array.isArray(o.objects)) return o.objects;
    if (o.type === 'bundle') return [];
    if (o.type === 'indicator') return [doc];
  }
  throw new FeedFormatError(feedFailure('not-stix-bundle', { what }));
}

/** Reads a STIX bundle feed: its complete content, to replace the feed's stored indicators. */
export async function readStixFeed(config: StixFeedConfig): Promise<FeedResult> {
  const what = `feed ${config.name}`;
  const objects = stixObjectsOf(parseJson(await readSourceText(config), what), what);
  const collector = new IndicatorCollector(config.name);
  collectStixObjects(objects, collector, config.defaultConfidence ?? 50, 'replace');
  return collector.result('replace');
}
