/** abuse.ch Feodo Tracker's botnet C2 IP blocklist (`ipblocklist.csv`): one ip indicator per C2 address. */
import { abuseChRows } from './abusech-csv.js';
import { readFreeFeed } from './free-feed-read.js';
import { IndicatorCollector } from './indicator-collector.js';
import { abuseChTime } from './list-text.js';
import type { FeedResult, FreeFeedConfig } from './types.js';

/** Columns of the CSV blocklist in abuse.ch's order (used when the header is missing). */
export const FEODO_COLUMNS = ['first_seen_utc', 'dst_ip', 'dst_port', 'c2_status', 'last_online', 'malware'] as const;

/**
 * Default confidence: Feodo Tracker lists an address only after it answered as a botnet C2; one that has gone
 * offline since may be reused by someone else, so it counts less.
 */
export const FEODO_CONFIDENCE = { online: 90, offline: 70 } as const;

/** Indicators of a Feodo Tracker CSV blocklist. */
export function feodoIndicators(text: string, config: FreeFeedConfig, what = `feed ${config.name}`): FeedResult {
  const collector = new IndicatorCollector(config.name);
  const rows = abuseChRows(text, what, FEODO_COLUMNS, collector);
  for (const { line, fields: f } of rows) {
    const status = (f['c2_status'] ?? '').toLowerCase();
    const malware = f['malware'] ?? '';
    collector.add(
      f['dst_ip'] ?? '',
      'ip',
      {
        confidence: config.defaultConfidence ?? (status === 'online' ? FEODO_CONFIDENCE.online : FEODO_CONFIDENCE.offline),
        actor: malware,
        labels: ['feodotracker', 'botnet_cc', malware, status ? `c2:${status}` : ''],
        validFrom: abuseChTime(f['first_seen_utc']),
      },
      `line ${line}`,
    );
  }
  return collector.result('replace');
}

/** Reads the Feodo Tracker feed (default: the CSV IP blocklist). */
export async function readFeodoFeed(config: FreeFeedConfig): Promise<FeedResult> {
  return readFreeFeed('feodotracker', config, feodoIndicators);
}
